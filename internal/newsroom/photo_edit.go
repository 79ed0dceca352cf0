package newsroom

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store"
)

// photoPage is a photo of the library: a large preview, the form of its words and focal
// point, the articles that use it, its download and its deletion.
type photoPage struct {
	L        *Layout
	P        content.Photo
	Preview  string
	PreviewW int
	PreviewH int
	Alts     []altField
	Caption  string
	Credit   string
	FocusX   string // as typed
	FocusY   string
	Errors   fieldErrors
	Uses     []useView
	Hidden   int    // uses in articles the person may not open
	Snippet  string // what places the photo in an article's text
	Size     string // the original's pixels and bytes
	Original string // the original's download
	Delete   bool   // the person may delete photos
	Refused  bool   // a deletion was refused: the uses say why
}

// altField is the alt text of one of the site's languages.
type altField struct {
	Lang           content.Lang
	Name, LangName string
	Value, Error   string
}

// useView is an article that uses the photo, as the person may see it.
type useView struct {
	Title  string
	Lang   content.Lang
	URL    string // its editor, when the person may change it
	Role   string
	Status string
}

// photoOfPath loads the photo the path names.
func (s *Server) photoOfPath(r *request) (content.Photo, error) {
	id, ok := formID(r.PathValue("id"))
	if !ok {
		return content.Photo{}, errNotFound
	}
	return s.store.PhotoByID(r.Context(), id)
}

// photoForm shows a photo of the library.
func (s *Server) photoForm(w http.ResponseWriter, r *request) error {
	p, err := s.photoOfPath(r)
	if err != nil {
		return err
	}
	page, err := s.photoPage(r, p, nil)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "photo", page)
}

// photoPage builds the page of p, its form showing p's words.
func (s *Server) photoPage(r *request, p content.Photo, fe fieldErrors) (*photoPage, error) {
	page := &photoPage{L: s.layout(r, r.T("nr.photo.title", p.ID)), P: p, Errors: fe,
		Caption: p.Caption, Credit: p.Credit,
		FocusX: strconv.Itoa(p.FocusX), FocusY: strconv.Itoa(p.FocusY),
		Snippet:  photoSnippet(p),
		Original: photoPath(p.ID) + "/original",
		Size:     r.T("nr.photo.size", p.Width, p.Height, sizeText(r, p.Bytes)),
		Delete:   auth.Can(r.user, auth.ActEditAny),
	}
	page.L.Wide = true
	page.Preview, page.PreviewW, page.PreviewH = s.photoSrc(p, previewWidth)
	for _, l := range r.site.Langs {
		page.Alts = append(page.Alts, altField{Lang: l, Name: "alt_" + string(l), LangName: langName(l),
			Value: p.AltIn(l), Error: fe["alt_"+string(l)]})
	}
	return page, s.photoUses(r, page)
}

// photoUses lists the articles that use the photo, those the person may open by name
// and the others only counted: a photo names no article its reader could not open.
func (s *Server) photoUses(r *request, page *photoPage) error {
	uses, err := s.store.PhotoUses(r.Context(), page.P.ID)
	if err != nil {
		return err
	}
	for _, u := range uses {
		a, err := s.store.ArticleByID(r.Context(), u.ArticleID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if !auth.CanRead(r.user, a) {
			page.Hidden++
			continue
		}
		v := useView{Title: a.Title, Lang: a.Lang, Role: r.T("nr.photo.role." + string(u.Role)),
			Status: r.T("nr.status." + string(a.Status))}
		if editorial.Person(r.user).MayEdit(a) && a.DeletedAt.IsZero() {
			v.URL = articlePath(a.ID)
			if u.Role == content.PhotoInAlbum {
				v.URL += "/album"
			}
		}
		if !a.DeletedAt.IsZero() {
			v.Status = r.T("nr.photo.trashed")
		}
		page.Uses = append(page.Uses, v)
	}
	return nil
}

// photoSnippet is the Markdown that places p in an article's text: "![](photo:12)".
// It names the photo and nothing else, so that the page shows the photo's alt text in
// the article's language and its caption and credit as they are when it is read, not
// as they were when the line was copied.
func photoSnippet(p content.Photo) string {
	return "![](photo:" + strconv.FormatInt(p.ID, 10) + ")"
}

// savePhoto saves a photo's alt texts, caption, credit and focal point. Problems bring
// the form back as typed.
func (s *Server) savePhoto(w http.ResponseWriter, r *request) error {
	p, err := s.photoOfPath(r)
	if err != nil {
		return err
	}
	v := r.PostForm
	in := editorial.PhotoInput{ID: p.ID, Alt: map[content.Lang]string{}, Caption: normalizeNewlines(v.Get("caption")),
		Credit: v.Get("credit")}
	for _, l := range r.site.Langs {
		if vs, ok := v["alt_"+string(l)]; ok {
			in.Alt[l] = normalizeNewlines(first(vs))
		}
	}
	typed := p
	typed.Alt, typed.Caption, typed.Credit = in.Alt, in.Caption, in.Credit
	fx, okx := percent(v.Get("focus_x"))
	fy, oky := percent(v.Get("focus_y"))
	if !okx || !oky {
		return s.photoAgain(w, r, typed, v, fieldErrors{"focus": problemText(r, "between 0 and 100")})
	}
	in.FocusX, in.FocusY = fx, fy
	if _, err := s.cfg.Editorial.UpdatePhoto(r.Context(), editorial.Person(r.user), in); err != nil {
		fe, ok := problems(r, err)
		if !ok {
			return err
		}
		return s.photoAgain(w, r, typed, v, altProblems(r, fe, in.Alt))
	}
	seeOther(w, r, photoPath(p.ID)+"?done=photosaved")
	return nil
}

// photoAgain shows the photo's form again as typed, with its problems.
func (s *Server) photoAgain(w http.ResponseWriter, r *request, typed content.Photo, v map[string][]string, fe fieldErrors) error {
	page, err := s.photoPage(r, typed, fe)
	if err != nil {
		return err
	}
	page.FocusX, page.FocusY = first(v["focus_x"]), first(v["focus_y"])
	return s.render(w, http.StatusUnprocessableEntity, "photo", page)
}

// altProblems puts the domain's problem with "alt", which names no language, on the alt
// texts that have it.
func altProblems(r *request, fe fieldErrors, alts map[content.Lang]string) fieldErrors {
	msg, ok := fe["alt"]
	if !ok {
		return fe
	}
	delete(fe, "alt")
	for l, text := range alts {
		one := content.Photo{Alt: map[content.Lang]string{l: strings.TrimSpace(text)}}
		if own, _ := problems(r, one.Validate()); own["alt"] != "" {
			fe["alt_"+string(l)] = own["alt"]
		}
	}
	if len(fe) == 0 {
		fe["alt"] = msg // nothing to pin it on: shown at the top all the same
	}
	return fe
}

// percent reads a focal point's coordinate.
func percent(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 0 && n <= 100
}

// deletePhoto deletes a photo that no article uses, then its files. While an article
// uses it, the photo's page comes back saying which.
func (s *Server) deletePhoto(w http.ResponseWriter, r *request) error {
	p, err := s.photoOfPath(r)
	if err != nil {
		return err
	}
	deleted, err := s.cfg.Editorial.DeletePhoto(r.Context(), editorial.Person(r.user), p.ID)
	if errors.Is(err, editorial.ErrPhotoInUse) {
		page, err := s.photoPage(r, p, nil)
		if err != nil {
			return err
		}
		page.Refused = true
		return s.render(w, http.StatusConflict, "photo", page)
	}
	if err != nil {
		return err
	}
	s.removePhotoFiles(context.WithoutCancel(r.Context()), deleted)
	seeOther(w, r, prefix+"photos?done=photodeleted")
	return nil
}

// removePhotoFiles deletes a deleted photo's original and derivatives from the media
// store, unless the same photo was uploaded again meanwhile. A file that cannot be
// deleted is logged and left: the photo's record is gone, nothing links to it.
func (s *Server) removePhotoFiles(ctx context.Context, p content.Photo) {
	if s.cfg.Media == nil {
		return
	}
	if _, err := s.store.PhotoByHash(ctx, p.Hash); !errors.Is(err, store.ErrNotFound) {
		return
	}
	names := []string{p.OriginalName()}
	for _, w := range content.WantedWidths(p.Width) {
		names = append(names, p.DerivativeName(w, "jpg"), p.DerivativeName(w, "webp"))
	}
	for _, name := range names {
		if err := s.cfg.Media.Delete(ctx, name); err != nil {
			s.log.Warn("file of a deleted photo not deleted", "name", name, "err", err)
		}
	}
}

// photoOriginal downloads a photo's cleaned original, named after the photo and its
// credit.
func (s *Server) photoOriginal(w http.ResponseWriter, r *request) error {
	p, err := s.photoOfPath(r)
	if err != nil {
		return err
	}
	if s.cfg.Media == nil {
		return errNotFound
	}
	blob, info, err := s.cfg.Media.Open(r.Context(), p.OriginalName())
	if errors.Is(err, media.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	defer blob.Close()
	w.Header().Set("Content-Type", info.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": originalName(p)}))
	http.ServeContent(w, r.Request, "", info.ModTime, blob)
	return nil
}

// originalName is the file name of a photo's download: "photo-12-marie-dupont.jpg".
func originalName(p content.Photo) string {
	name := "photo-" + strconv.FormatInt(p.ID, 10)
	if credit := content.ClipSlug(content.Slugify(p.Credit), 60); credit != "" {
		name += "-" + credit
	}
	return name + "." + p.Ext()
}
