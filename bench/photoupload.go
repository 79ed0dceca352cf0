package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
)

// photos-burst uploads through the newsroom's upload form as its script does, one file a
// request, asking for the answer in JSON: the benchmark reads the form from the page
// that holds it (its action, the name of its file field and its hidden fields), so
// that it sends what a browser sends, and reads from the answer whether the file was
// added.

// uploadPage is the newsroom page that holds the upload form.
const uploadPage = "/newsroom/photos/upload"

// uploadForm is the newsroom's upload form, as read from its page.
type uploadForm struct {
	action string // absolute URL
	field  string // the file input's name
	hidden url.Values
}

var (
	multipartFormRe = regexp.MustCompile(`(?is)<form\b[^>]*enctype="multipart/form-data"[^>]*>.*?</form>`)
	formActionRe    = regexp.MustCompile(`(?i)<form\b[^>]*\baction="([^"]*)"`)
	fileInputRe     = regexp.MustCompile(`(?i)<input\b[^>]*\btype="file"[^>]*>`)
	hiddenInputRe   = regexp.MustCompile(`(?i)<input\b[^>]*\btype="hidden"[^>]*>`)
	nameAttrRe      = regexp.MustCompile(`(?i)\bname="([^"]*)"`)
	valueAttrRe     = regexp.MustCompile(`(?i)\bvalue="([^"]*)"`)
)

// uploadForm reads the upload form from the newsroom's page at base.
func (b *bench) uploadForm(ctx context.Context, nc *http.Client, base string) (uploadForm, error) {
	body, err := fetchText(ctx, nc, base+uploadPage)
	if err != nil {
		return uploadForm{}, fmt.Errorf("the newsroom's upload page: %w", err)
	}
	f, err := parseUploadForm(body)
	if err != nil {
		return uploadForm{}, fmt.Errorf("%s: %w", uploadPage, err)
	}
	action, err := url.Parse(base + uploadPage)
	if err != nil {
		return uploadForm{}, err
	}
	ref, err := url.Parse(f.action)
	if err != nil {
		return uploadForm{}, err
	}
	f.action = action.ResolveReference(ref).String()
	return f, nil
}

// parseUploadForm finds the first multipart form of a page, its file field and its
// hidden fields; the action is as written ("" is the page itself).
func parseUploadForm(page string) (uploadForm, error) {
	form := multipartFormRe.FindString(page)
	if form == "" {
		return uploadForm{}, fmt.Errorf("no multipart form")
	}
	f := uploadForm{hidden: url.Values{}}
	if m := formActionRe.FindStringSubmatch(form); m != nil {
		f.action = html.UnescapeString(m[1])
	}
	file := fileInputRe.FindString(form)
	if m := nameAttrRe.FindStringSubmatch(file); m != nil {
		f.field = html.UnescapeString(m[1])
	}
	if f.field == "" {
		return uploadForm{}, fmt.Errorf("the multipart form has no named file input")
	}
	for _, in := range hiddenInputRe.FindAllString(form, -1) {
		name, value := nameAttrRe.FindStringSubmatch(in), valueAttrRe.FindStringSubmatch(in)
		if name == nil {
			continue
		}
		v := ""
		if value != nil {
			v = html.UnescapeString(value[1])
		}
		f.hidden.Add(html.UnescapeString(name[1]), v)
	}
	return f, nil
}

// send uploads one file through the form, streaming it from disk as a browser does,
// and reads the newsroom's answer: every file it names must be added.
func (f uploadForm) send(ctx context.Context, nc *http.Client, path string) error {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() { pw.CloseWithError(f.write(mw, path)) }()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.action, pr)
	if err != nil {
		pr.Close()
		return err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := nc.Do(req)
	if err != nil {
		pr.Close()
		return fmt.Errorf("upload %s: %w", filepath.Base(path), err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("upload %s: %w", filepath.Base(path), err)
	}
	if err := uploadAccepted(resp.StatusCode, body); err != nil {
		return fmt.Errorf("upload %s: %w", filepath.Base(path), err)
	}
	return nil
}

// uploadAccepted reads the newsroom's JSON answer to an upload: {"files": [{"name",
// "ok", "message"}, …]}; nil when it names files and every one is ok.
func uploadAccepted(status int, body []byte) error {
	var answer struct {
		Files []struct {
			Name    string `json:"name"`
			OK      bool   `json:"ok"`
			Message string `json:"message"`
		} `json:"files"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		return fmt.Errorf("status %d, not the JSON of an upload: %s", status, firstLine(string(body)))
	}
	if len(answer.Files) == 0 {
		return fmt.Errorf("status %d, no file taken: %s", status, firstLine(string(body)))
	}
	for _, f := range answer.Files {
		if !f.OK {
			return fmt.Errorf("status %d: %s", status, f.Message)
		}
	}
	return nil
}

// write writes the form's hidden fields and the file, then closes the form.
func (f uploadForm) write(mw *multipart.Writer, path string) error {
	for name, values := range f.hidden {
		for _, v := range values {
			if err := mw.WriteField(name, v); err != nil {
				return err
			}
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", mime.FormatMediaType("form-data", map[string]string{"name": f.field, "filename": filepath.Base(path)}))
	h.Set("Content-Type", "image/jpeg") // as a browser names a .jpg
	part, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	if _, err := io.Copy(part, in); err != nil {
		return err
	}
	return mw.Close()
}
