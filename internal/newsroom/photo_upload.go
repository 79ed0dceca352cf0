package newsroom

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/photo"
	"github.com/roneo/roneo/internal/store"
)

// Uploads arrive as one multipart form, read a part at a time as it arrives: each file
// goes straight to the image pipeline (photo.Clean), which spools at most the size limit
// of it, so that a form of two hundred photos never sits in memory or on disk whole. The
// same handler takes the script's uploads, one file a request, and answers them in JSON.
const (
	// maxUploadFiles bounds the files of one form; the rest are refused by name.
	maxUploadFiles = 1000
	// maxWordsField bounds the caption and credit fields of the form.
	maxWordsField = 4 << 10
	// uploadIdle is how long an upload may wait for its next bytes before it is given up.
	uploadIdle = 2 * time.Minute
	// uploadReply is how long the answer to an upload may take to write.
	uploadReply = time.Minute
	// photosField is the name of the form's file input.
	photosField = "photos"
)

// uploadForm is the upload form as a page shows it: where it goes, the limits it says,
// and the words that apply to every file, as typed.
type uploadForm struct {
	Action   string
	Limits   string
	MaxBytes int64
	Caption  string
	Credit   string
	Errors   fieldErrors
}

func (s *Server) uploadForm(r *request, action string) uploadForm {
	lim := s.cfg.PhotoLimits
	return uploadForm{Action: action, MaxBytes: lim.MaxBytes,
		Limits: r.T("nr.upload.limits", sizeText(r, lim.MaxBytes), millions(r, lim.MaxPixels))}
}

// upload is what one upload brought: the words for every file and each file's result.
type upload struct {
	Caption, Credit string
	Results         []uploadResult
	Errors          fieldErrors // the form's own problems: no file, words too long
	Interrupted     bool        // the form ended before its end: the files read are kept
	body            *idleBody
	files           int // the files met so far
}

// uploadResult is the fate of one file.
type uploadResult struct {
	// Name is the file's name on the uploader's computer: shown back to them on this
	// answer, kept nowhere.
	Name    string
	OK      bool
	Known   bool // the same photo was in the library already
	Photo   content.Photo
	Message string
	server  bool // refused for the server's fault, not the file's
}

// ids are the photos the upload added or found, in the form's order.
func (u *upload) ids() []int64 {
	var out []int64
	for _, res := range u.Results {
		if res.OK {
			out = append(out, res.Photo.ID)
		}
	}
	return out
}

// status is the answer's: 200 when a file made it (or none was refused), 422 when the
// form or every file was refused, 500 when the server failed every file it had.
func (u *upload) status() int {
	ok, server := 0, 0
	for _, res := range u.Results {
		switch {
		case res.OK:
			ok++
		case res.server:
			server++
		}
	}
	switch {
	case ok > 0 || (len(u.Results) == 0 && len(u.Errors) == 0):
		return http.StatusOK
	case server > 0:
		return http.StatusInternalServerError
	}
	return http.StatusUnprocessableEntity
}

// uploadPage is the upload form on a page of its own, with what the last upload did.
type uploadPage struct {
	L       *Layout
	Form    uploadForm
	Results []resultView
	Partial bool
}

// resultView is one file's line on the result page.
type resultView struct {
	Name, Message string
	OK            bool
	Photo         photoView
}

// uploadFormPage shows the upload form.
func (s *Server) uploadFormPage(w http.ResponseWriter, r *request) error {
	return s.render(w, http.StatusOK, "upload", &uploadPage{L: s.layout(r, r.T("nr.upload.title")),
		Form: s.uploadForm(r, prefix+"photos/upload")})
}

// uploadPhotos adds the files of an upload to the library and shows what became of
// each, with links to write their alt texts; the script gets the same in JSON.
func (s *Server) uploadPhotos(w http.ResponseWriter, r *request) error {
	up, err := s.receivePhotos(w, r)
	if err != nil {
		return err
	}
	defer s.afterUpload(r)()
	if wantsJSON(r) {
		return s.uploadJSON(w, r, up)
	}
	form := s.uploadForm(r, prefix+"photos/upload")
	form.Caption, form.Credit, form.Errors = up.Caption, up.Credit, up.Errors
	page := &uploadPage{L: s.layout(r, r.T("nr.upload.title")), Form: form, Partial: up.Interrupted,
		Results: s.resultViews(r, up)}
	return s.render(w, up.status(), "upload", page)
}

func (s *Server) resultViews(r *request, up *upload) []resultView {
	out := make([]resultView, len(up.Results))
	for i, res := range up.Results {
		out[i] = resultView{Name: res.Name, Message: res.Message, OK: res.OK}
		if res.OK {
			out[i].Photo = s.photoView(r, res.Photo, i+1, r.p.Lang())
		}
	}
	return out
}

// wantsJSON reports whether the newsroom's script sent the request.
func wantsJSON(r *request) bool {
	return strings.HasPrefix(r.Header.Get("Accept"), "application/json")
}

// uploadAnswer is the JSON answer to the script's upload.
type uploadAnswer struct {
	Files  []fileAnswer `json:"files"`
	Errors fieldErrors  `json:"errors,omitempty"`
}

type fileAnswer struct {
	Name    string `json:"name"`
	OK      bool   `json:"ok"`
	Known   bool   `json:"known,omitempty"`
	ID      int64  `json:"id,omitempty"`
	URL     string `json:"url,omitempty"`
	Thumb   string `json:"thumb,omitempty"`
	Alt     string `json:"alt,omitempty"`
	Message string `json:"message"`
}

func (s *Server) uploadJSON(w http.ResponseWriter, r *request, up *upload) error {
	answer := uploadAnswer{Files: []fileAnswer{}, Errors: up.Errors}
	for i, res := range up.Results {
		f := fileAnswer{Name: res.Name, OK: res.OK, Known: res.Known, Message: res.Message}
		if res.OK {
			v := s.photoView(r, res.Photo, i+1, r.p.Lang())
			f.ID, f.URL, f.Thumb, f.Alt = v.ID, v.URL, v.Thumb, v.Alt
		}
		answer.Files = append(answer.Files, f)
	}
	body, err := json.Marshal(answer)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(up.status())
	w.Write(body)
	return nil
}

// receivePhotos reads an upload form part by part. The words come first in the form
// (the page puts their fields before the file input), so that they apply to each file
// as it arrives. A form that is not multipart is a 400; a form without a file is a
// problem of its "photos" field.
func (s *Server) receivePhotos(w http.ResponseWriter, r *request) (*upload, error) {
	if s.cfg.Media == nil {
		return nil, &httpError{Status: http.StatusServiceUnavailable, Key: "nomedia", Err: errors.New("no media store")}
	}
	// The request's database deadline is for a page; an upload lasts as long as its
	// files take to arrive, so that each of its database steps gets a deadline of its own
	// (dbStep) and the connection's timeouts are pushed back while bytes keep coming.
	ctx := context.WithoutCancel(r.Context())
	rc := http.NewResponseController(w)
	body := &idleBody{ReadCloser: r.Body, rc: rc}
	r.Body = body
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, badRequest(err)
	}
	up := &upload{body: body}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if up.files == 0 {
				return nil, badRequest(err)
			}
			up.Interrupted = true
			break
		}
		stop, err := s.receivePart(ctx, r, up, part)
		part.Close()
		if err != nil {
			return nil, err
		}
		if stop {
			break
		}
	}
	rc.SetWriteDeadline(time.Now().Add(uploadReply))
	if up.files == 0 && up.Errors == nil {
		up.Errors = fieldErrors{photosField: r.T("nr.upload.nofile")}
	}
	return up, nil
}

// receivePart reads one part of an upload form: a word for every file, or a file. stop
// says to read no further: the words are refused, or the form broke off.
func (s *Server) receivePart(ctx context.Context, r *request, up *upload, part *multipart.Part) (stop bool, err error) {
	switch name := part.FormName(); {
	case name == "caption" || name == "credit":
		return false, readWord(part, name, up)
	case name != photosField || part.FileName() == "":
		return false, nil // no file chosen, or a field the form does not have
	}
	up.files++
	if up.files == 1 {
		if up.Errors = wordProblems(r, up.Caption, up.Credit); up.Errors != nil {
			return true, nil
		}
	}
	up.Results = append(up.Results, s.receiveFile(ctx, r, up, part))
	return up.Interrupted, nil
}

// readWord reads the caption or the credit field.
func readWord(part *multipart.Part, name string, up *upload) error {
	b, err := io.ReadAll(io.LimitReader(part, maxWordsField+1))
	if err != nil {
		return badRequest(err)
	}
	if len(b) > maxWordsField {
		return &httpError{Status: http.StatusRequestEntityTooLarge, Key: "413", Err: errors.New(name + " too long")}
	}
	text := strings.TrimSpace(normalizeNewlines(string(b)))
	if name == "caption" {
		up.Caption = text
	} else {
		up.Credit = text
	}
	return nil
}

// wordProblems checks the caption and credit every file will get, before the first file
// is read; nil when they are fine.
func wordProblems(r *request, caption, credit string) fieldErrors {
	p := content.Photo{Caption: caption, Credit: credit}
	fe, _ := problems(r, p.Validate())
	for field := range fe {
		if field != "caption" && field != "credit" {
			delete(fe, field)
		}
	}
	if len(fe) == 0 {
		return nil
	}
	return fe
}

// receiveFile cleans and stores one file and adds it to the library.
func (s *Server) receiveFile(ctx context.Context, r *request, up *upload, part *multipart.Part) uploadResult {
	res := uploadResult{Name: shownName(part.FileName())}
	if up.files > maxUploadFiles {
		res.Message = r.T("nr.upload.err.toomany", res.Name, maxUploadFiles)
		return res
	}
	p, err := photo.Clean(ctx, s.cfg.Media, part, s.cfg.PhotoLimits)
	switch {
	case err != nil && (up.body.err != nil || errors.Is(err, io.ErrUnexpectedEOF)):
		// The form broke off in the middle of the file: nobody's fault here.
		up.Interrupted = true
		res.Message = r.T("nr.upload.err.interrupted", res.Name)
		return res
	case err != nil:
		res.Message, res.server = s.refusal(r, res.Name, err)
		return res
	}
	p.Caption, p.Credit = up.Caption, up.Credit
	dctx, cancel := s.dbStep(ctx)
	created, err := s.cfg.Editorial.AddPhoto(dctx, editorial.Person(r.user), &p)
	cancel()
	if err != nil {
		s.log.Error("uploaded photo not added", "hash", p.Hash, "err", err)
		s.forgetOriginal(ctx, p)
		res.Message, res.server = r.T("nr.upload.err.server", res.Name), true
		return res
	}
	res.OK, res.Known, res.Photo = true, !created, p
	res.Message = r.T("nr.upload.added", res.Name)
	if res.Known {
		res.Message = r.T("nr.upload.known", res.Name)
	}
	return res
}

// refusal explains in the person's language why a file was refused, naming it. server
// is true when the server, not the file, is at fault; that is logged.
func (s *Server) refusal(r *request, name string, err error) (msg string, server bool) {
	lim := s.cfg.PhotoLimits
	var pe *photo.Error
	if errors.As(err, &pe) && errors.Is(err, photo.ErrUnsupported) && strings.Contains(pe.Reason, "HEIC") {
		return r.T("nr.upload.err.heic", name), false // what iPhones take: worth its own advice
	}
	for _, k := range []struct {
		kind error
		key  string
		arg  string
	}{
		{photo.ErrEmpty, "nr.upload.err.empty", ""},
		{photo.ErrTooLarge, "nr.upload.err.toolarge", sizeText(r, lim.MaxBytes)},
		{photo.ErrTooManyPixels, "nr.upload.err.pixels", millions(r, lim.MaxPixels)},
		{photo.ErrAnimated, "nr.upload.err.animated", ""},
		{photo.ErrUnsupported, "nr.upload.err.unsupported", ""},
		{photo.ErrNotImage, "nr.upload.err.notimage", ""},
		{photo.ErrCorrupt, "nr.upload.err.corrupt", ""},
	} {
		if errors.Is(err, k.kind) {
			if k.arg != "" {
				return r.T(k.key, name, k.arg), false
			}
			return r.T(k.key, name), false
		}
	}
	if errors.As(err, &pe) {
		return name + ": " + pe.Reason, false
	}
	if !errors.Is(err, context.Canceled) {
		s.log.Error("uploaded photo not stored", "err", err)
	}
	return r.T("nr.upload.err.server", name), true
}

// forgetOriginal removes the original the pipeline stored for a photo the library did
// not take, unless a photo of the library has it.
func (s *Server) forgetOriginal(ctx context.Context, p content.Photo) {
	dctx, cancel := s.dbStep(ctx)
	defer cancel()
	if _, err := s.store.PhotoByHash(dctx, p.Hash); !errors.Is(err, store.ErrNotFound) {
		return
	}
	if err := s.cfg.Media.Delete(ctx, p.OriginalName()); err != nil {
		s.log.Warn("orphan photo not deleted", "name", p.OriginalName(), "err", err)
	}
}

// afterUpload gives what a handler does once an upload has arrived a database deadline
// of its own, counted from now. The caller calls what it returns when it is done.
func (s *Server) afterUpload(r *request) context.CancelFunc {
	ctx, cancel := s.dbStep(context.WithoutCancel(r.Context()))
	r.Request = r.Request.WithContext(ctx)
	return cancel
}

// dbStep bounds one database step of a request that has no deadline of its own.
func (s *Server) dbStep(ctx context.Context) (context.Context, context.CancelFunc) {
	if s.cfg.DBTimeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, s.cfg.DBTimeout)
}

// shownName is a file's name as the uploader's browser gave it, for their eyes only:
// its last element, valid UTF-8 and of a length a line can show.
func shownName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.ToValidUTF8(name, "�")
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if utf8.RuneCountInString(name) > 120 {
		name = string([]rune(name)[:119]) + "…"
	}
	if name == "" || name == "." || name == "/" {
		return "?"
	}
	return name
}

// idleBody pushes the connection's read deadline back while an upload's bytes keep
// arriving: the server's read timeout is for forms, not for two hundred photos.
// It remembers the first error of the body itself (the uploader left, the connection
// broke), which is nobody's fault on the server.
type idleBody struct {
	io.ReadCloser
	rc    *http.ResponseController
	moved time.Time
	err   error
}

func (b *idleBody) Read(p []byte) (int, error) {
	if now := time.Now(); now.Sub(b.moved) > time.Second {
		b.moved = now
		b.rc.SetReadDeadline(now.Add(uploadIdle)) // a test's recorder has no deadline to move
	}
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF && b.err == nil {
		b.err = err
	}
	return n, err
}
