package newsroom

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

// pickerSize is how many photos of the library the album's picker offers at once.
const pickerSize = 48

// albumPage is the album editor of an article: its photos in order, each with its
// caption for this article, the library to add from and the upload form.
type albumPage struct {
	L        *Layout
	A        *content.Article
	LangName string
	Items    []albumItemView
	NoAlt    int // photos without an alt text in the article's language
	Found    []photoView
	Q        string
	Errors   fieldErrors
	Upload   uploadForm
	Results  []resultView
	Partial  bool
}

// albumItemView is one photo of the album as the form shows it.
type albumItemView struct {
	N           int
	ID          int64
	Caption     string // the album's, as typed
	Own         string // the photo's own, shown when the album's is empty
	Photo       photoView
	AltMissing  bool
	First, Last bool
}

// albumItem is a line of the album as the form sends it.
type albumItem struct {
	id      int64
	caption string
	pos     int
}

// album shows the album editor.
func (s *Server) album(w http.ResponseWriter, r *request) error {
	a, err := s.albumArticle(r)
	if err != nil {
		return err
	}
	stored, err := s.store.Album(r.Context(), a.ID)
	if err != nil {
		return err
	}
	page, err := s.albumPage(r, a, formItems(stored), "", nil)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "album", page)
}

// formItems are a stored album's items as the form lists them.
func formItems(stored []content.AlbumItem) []albumItem {
	items := make([]albumItem, len(stored))
	for i, it := range stored {
		items[i] = albumItem{id: it.PhotoID, caption: it.Caption}
	}
	return items
}

// contentItems are the form's items as the editorial core takes them.
func contentItems(items []albumItem) []content.AlbumItem {
	out := make([]content.AlbumItem, len(items))
	for i, it := range items {
		out[i] = content.AlbumItem{PhotoID: it.id, Caption: it.caption}
	}
	return out
}

// albumArticle loads the article of the path, if the person may change it.
func (s *Server) albumArticle(r *request) (*content.Article, error) {
	a, err := s.editable(r)
	if err == nil && a == nil { // "new": an album needs a saved article
		err = errNotFound
	}
	return a, err
}

func (s *Server) albumPage(r *request, a *content.Article, items []albumItem, q string, fe fieldErrors) (*albumPage, error) {
	page := &albumPage{L: s.layout(r, r.T("nr.album.title", a.Title)), A: a, LangName: langName(a.Lang), Q: q, Errors: fe,
		Upload: s.uploadForm(r, articlePath(a.ID)+"/album/upload")}
	page.L.Wide = true
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.id
	}
	photos, err := s.store.PhotosByID(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		p, ok := photos[it.id]
		if !ok {
			continue // deleted meanwhile: saving leaves it out
		}
		n := len(page.Items) + 1
		v := albumItemView{N: n, ID: p.ID, Caption: it.caption, Own: p.Caption,
			Photo: s.photoView(r, p, n, a.Lang), AltMissing: p.AltIn(a.Lang) == ""}
		if v.AltMissing {
			page.NoAlt++
		}
		page.Items = append(page.Items, v)
	}
	if n := len(page.Items); n > 0 {
		page.Items[0].First, page.Items[n-1].Last = true, true
	}
	return page, s.albumPicker(r, page, ids)
}

// albumPicker offers the library's photos that are not in the album: those matching the
// search, or the newest.
func (s *Server) albumPicker(r *request, page *albumPage, in []int64) error {
	list, _, err := s.store.Photos(r.Context(), store.PhotoQuery{Q: page.Q, Limit: pickerSize + len(in)})
	if err != nil {
		return err
	}
	for _, p := range list {
		if !slices.Contains(in, p.ID) && len(page.Found) < pickerSize {
			page.Found = append(page.Found, s.photoView(r, p, len(page.Found)+1, page.A.Lang))
		}
	}
	return nil
}

// saveAlbum applies what the album editor's form asks — move a photo up or down,
// remove it, add the photos ticked in the library — to the album as the form lists it,
// and saves it. "Find" searches the library, saving nothing.
func (s *Server) saveAlbum(w http.ResponseWriter, r *request) error {
	a, err := s.albumArticle(r)
	if err != nil {
		return err
	}
	v := r.PostForm
	items, err := albumOrder(v)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(v.Get("q"))
	if len(q) > 200 {
		return badRequest(nil)
	}
	if v.Get("op") == "find" {
		page, err := s.albumPage(r, a, items, q, nil)
		if err != nil {
			return err
		}
		return s.render(w, http.StatusOK, "album", page)
	}
	items, anchor, err := applyAlbumOp(v, items)
	if err != nil {
		return err
	}
	return s.setAlbum(w, r, a, items, q, anchor)
}

// setAlbum saves the album and goes back to its editor, at the photo just moved; the
// editorial core's problems bring the form back as it was sent.
func (s *Server) setAlbum(w http.ResponseWriter, r *request, a *content.Article, items []albumItem, q, anchor string) error {
	err := s.cfg.Editorial.SetAlbum(r.Context(), editorial.Person(r.user), a.ID, contentItems(items))
	if err == nil {
		seeOther(w, r, articlePath(a.ID)+"/album?done=albumsaved"+anchor)
		return nil
	}
	fe, ok := problems(r, err)
	if !ok {
		return err
	}
	page, err := s.albumPage(r, a, items, q, fe)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusUnprocessableEntity, "album", page)
}

// albumOrder reads the album as the form lists it: each photo with its caption, in the
// order of the position fields. A photo whose position was changed goes before the one
// that had that position ("1" typed for the tenth makes it the first); other ties keep
// the form's order.
func albumOrder(v url.Values) ([]albumItem, error) {
	ids, err := formIDs(v["item"])
	if err != nil {
		return nil, err
	}
	if len(ids) > content.MaxAlbumLen {
		return nil, badRequest(nil)
	}
	items := make([]albumItem, len(ids))
	moved := make(map[int64]bool)
	for i, id := range ids {
		key := idString(id)
		items[i] = albumItem{id: id, caption: normalizeNewlines(v.Get("caption." + key)), pos: i + 1}
		if n, err := strconv.Atoi(strings.TrimSpace(v.Get("pos." + key))); err == nil && n != i+1 {
			items[i].pos, moved[id] = n, true
		}
	}
	slices.SortStableFunc(items, func(a, b albumItem) int {
		return cmp.Or(cmp.Compare(a.pos, b.pos), -cmp.Compare(btoi(moved[a.id]), btoi(moved[b.id])))
	})
	return items, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// applyAlbumOp moves, removes or adds what the button pressed asks; anchor is where the
// page goes back to: the photo just moved.
func applyAlbumOp(v url.Values, items []albumItem) (_ []albumItem, anchor string, err error) {
	for _, op := range []struct {
		field string
		by    int // 0: remove
	}{{"up", -1}, {"down", 1}, {"remove", 0}} {
		raw := v.Get(op.field)
		if raw == "" {
			continue
		}
		id, ok := formID(raw)
		i := slices.IndexFunc(items, func(it albumItem) bool { return it.id == id })
		if !ok || i < 0 {
			return nil, "", badRequest(nil)
		}
		if op.by == 0 {
			return slices.Delete(items, i, i+1), "", nil
		}
		if j := i + op.by; j >= 0 && j < len(items) {
			items[i], items[j] = items[j], items[i]
		}
		return items, "#item-" + raw, nil
	}
	// Photos ticked in the library, which lists the newest first, join in the order
	// they came into it: a morning's photos in the order they were taken and uploaded.
	// The script's uploads join in the order they were chosen.
	ticked, err := formIDs(v["add"])
	if err != nil {
		return nil, "", err
	}
	slices.Sort(ticked)
	uploaded, err := formIDs(v["append"])
	if err != nil {
		return nil, "", err
	}
	return appendPhotos(appendPhotos(items, ticked), uploaded), "", nil
}

// appendPhotos adds photos at the end of the album, in order, leaving out those it has.
func appendPhotos(items []albumItem, ids []int64) []albumItem {
	for _, id := range ids {
		if !slices.ContainsFunc(items, func(it albumItem) bool { return it.id == id }) {
			items = append(items, albumItem{id: id})
		}
	}
	return items
}

// uploadToAlbum adds the files of an upload to the library and to the end of the
// album, in the form's order, and shows the album with what became of each file.
func (s *Server) uploadToAlbum(w http.ResponseWriter, r *request) error {
	a, err := s.albumArticle(r)
	if err != nil {
		return err
	}
	up, err := s.receivePhotos(w, r)
	if err != nil {
		return err
	}
	defer s.afterUpload(r)()
	ctx := r.Context()
	stored, err := s.store.Album(ctx, a.ID)
	if err != nil {
		return err
	}
	items := appendPhotos(formItems(stored), up.ids())
	var fe fieldErrors
	if len(items) > len(stored) {
		if err := s.cfg.Editorial.SetAlbum(ctx, editorial.Person(r.user), a.ID, contentItems(items)); err != nil {
			var ok bool
			if fe, ok = problems(r, err); !ok {
				return err
			}
		}
	}
	page, err := s.albumPage(r, a, items, "", fe)
	if err != nil {
		return err
	}
	page.Upload.Caption, page.Upload.Credit, page.Upload.Errors = up.Caption, up.Credit, up.Errors
	page.Results, page.Partial = s.resultViews(r, up), up.Interrupted
	status := up.status()
	if fe != nil {
		status = http.StatusUnprocessableEntity
	}
	return s.render(w, status, "album", page)
}
