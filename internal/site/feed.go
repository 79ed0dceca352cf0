package site

import (
	"bytes"
	"errors"
	stdhtml "html"
	"net/http"
	"strconv"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/feed"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// feedEntries is how many articles a feed holds: a reader that polls every few hours
// misses none on a busy day, and older ones are at ?page=2 (RFC 5005's paged feeds).
const feedEntries = 50

// feedSource is the list a feed follows: the page it is the feed of, its title, and
// its articles, newest first.
type feedSource struct {
	title, subtitle string
	fetch           articleList
}

// feedOf finds the list of parent (the home page, the press releases, a section, a tag,
// an author, a dossier) and records its keys. A list that does not exist is a 404.
func (s *Server) feedOf(b *build, parent urls.Page) (*feedSource, error) {
	site := b.st.site
	p := b.s.bundle.Printer(b.lang, site.Location)
	named := func(name string) string { return p.T("feed.named", name, site.Name) }
	switch parent.Kind {
	case urls.Home:
		return &feedSource{title: site.Name, subtitle: site.Taglines[b.lang], fetch: s.latestList(b)}, nil
	case urls.Press:
		return &feedSource{title: named(p.T("press.title")), subtitle: p.T("press.description"), fetch: s.pressList(b)}, nil
	case urls.Section:
		sec, fetch, err := s.sectionList(b, parent.Key)
		if err != nil {
			return nil, err
		}
		name := sec.Names[b.lang]
		return &feedSource{title: named(name.Name), subtitle: name.Description, fetch: fetch}, nil
	case urls.Tag:
		t, fetch, err := s.tagList(b, parent.Key)
		if err != nil {
			return nil, err
		}
		return &feedSource{title: named(t.Name), fetch: fetch}, nil
	case urls.Author:
		person, fetch, err := s.authorList(b, parent.Key)
		if err != nil {
			return nil, err
		}
		return &feedSource{title: named(person.Name), subtitle: person.Role, fetch: fetch}, nil
	case urls.Dossier:
		d, fetch, err := s.dossierList(b, parent.Key)
		if err != nil {
			return nil, err
		}
		return &feedSource{title: named(d.Title), subtitle: summary(d.IntroHTML, 240), fetch: fetch}, nil
	}
	return nil, webkit.NotFound(errNoBuilder)
}

// feed builds a feed in its format: the first page at its address, older pages at
// ?page=N, which are built for each request and never cached.
func (s *Server) feed(b *build) (*Response, error) {
	format, err := feed.ParseFormat(b.page.Ext)
	if err != nil {
		return nil, webkit.NotFound(err)
	}
	n, err := feedPage(b)
	if err != nil {
		return nil, err
	}
	parent := urls.Page{Kind: b.page.Kind.Parent(), Lang: b.lang, Key: b.page.Key}
	src, err := s.feedOf(b, parent)
	if err != nil {
		return nil, err
	}
	ts, err := src.fetch(feedEntries+1, (n-1)*feedEntries)
	if err != nil {
		return nil, err
	}
	if n > 1 && len(ts) == 0 {
		return nil, webkit.NotFound(errors.New("past the feed's last page"))
	}
	f := &feed.Feed{
		ID: b.canonical(b.page), Title: src.title, Subtitle: src.subtitle, Lang: string(b.lang),
		SelfURL: b.feedPageURL(n), HomeURL: b.absolute(parent), Author: b.st.site.Name,
	}
	if len(ts) > feedEntries {
		f.NextURL, ts = b.feedPageURL(n+1), ts[:feedEntries]
	}
	if n > 1 {
		f.PrevURL = b.feedPageURL(n - 1)
	}
	for _, t := range ts {
		e, err := s.feedEntry(b, t)
		if err != nil {
			return nil, err
		}
		f.Entries = append(f.Entries, e)
	}
	var body bytes.Buffer
	if err := feed.Write(&body, f, format); err != nil {
		return nil, err
	}
	return &Response{Status: http.StatusOK, Body: body.Bytes(), ContentType: format.MediaType(),
		LastModified: latest(ts, time.Time{}), Cacheable: n == 1}, nil
}

// feedPage reads ?page=N: 1 when absent.
func feedPage(b *build) (int, error) {
	v, ok := b.query["page"]
	if !ok {
		return 1, nil
	}
	return pageParam(v)
}

// feedPageURL is the absolute address of page n of the feed being built.
func (b *build) feedPageURL(n int) string {
	u := b.absolute(b.page)
	if n > 1 {
		u += "?page=" + strconv.Itoa(n)
	}
	return u
}

// feedEntry is one article as feeds carry it: in full, with absolute links.
func (s *Server) feedEntry(b *build, t content.Teaser) (feed.Entry, error) {
	a, err := s.store.ArticleByID(b.ctx, t.ID)
	if err != nil {
		return feed.Entry{}, err
	}
	b.show(content.KeyArticle(a.ID))
	self := b.absolute(articleAt(a.Lang, a.Slug))
	e := feed.Entry{
		ID: s.entryID(a), URL: self, Title: a.Title, Summary: a.Standfirst, Lang: string(a.Lang),
		Published: a.PublishAt, Updated: later(a.UpdatedAt, a.PublishAt),
	}
	for _, au := range a.Authors {
		b.show(content.KeyPerson(au.ID))
		e.Authors = append(e.Authors, au.Name)
	}
	if len(e.Authors) == 0 && a.Signature != "" {
		e.Authors = []string{a.Signature}
	}
	if sec := b.sectionLink(a.Lang, a.SectionID); sec != nil {
		e.Categories = append(e.Categories, feed.Category{Term: sec.Name})
	}
	for _, tag := range a.Tags {
		b.show(content.KeyTag(tag.ID))
		e.Categories = append(e.Categories, feed.Category{Term: tag.Name})
	}
	html, err := b.bodyHTML(a.BodyHTML, b.mediaAbsolute) // sanitised when saved
	if err != nil {
		return feed.Entry{}, err
	}
	switch {
	case hasPhoto(a.PhotoID, &a.Photo):
		e.Image = s.feedPhoto(b, &a.Photo)
		p := &a.Photo
		b.show(content.KeyPhoto(p.ID))
		html = "<figure>" + pictureHTML(p, p.AltIn(a.Lang), pictureBody, b.mediaAbsolute) +
			figcaption(p.Caption, creditText(p.Credit)) + "</figure>" + html
	case a.Image.Path != "":
		img := s.feedImage(b, a.Image)
		e.Image = img
		html = `<figure><img src="` + stdhtml.EscapeString(img.URL) + `" alt="` + stdhtml.EscapeString(a.Image.Alt) + `"></figure>` + html
	}
	if e.ContentHTML, err = feed.Absolutize(html, self); err != nil {
		return feed.Entry{}, err
	}
	return e, nil
}

// entryID is an article's id in every feed: a tag URI (RFC 4151) of the main domain,
// the day the article was made and its number, which no change of slug, title or
// address it is read through alters.
func (s *Server) entryID(a *content.Article) string {
	return "tag:" + s.main.Hostname() + "," + a.CreatedAt.UTC().Format("2006-01-02") + ":article/" + strconv.FormatInt(a.ID, 10)
}

// feedImage is an article's picture as an enclosure; its size is read from the media
// store when there is one.
func (s *Server) feedImage(b *build, img content.Image) *feed.Image {
	out := &feed.Image{URL: b.absolute(urls.Page{Kind: urls.Media, Key: img.Path}), MIMEType: media.ContentType(img.Path), Alt: img.Alt}
	if s.cfg.Media != nil {
		if info, err := s.cfg.Media.Stat(b.ctx, img.Path); err == nil {
			out.Length = info.Size
		}
	}
	return out
}

// feedPhoto is an article's featured photo as an enclosure: the file share previews
// show, with its length when the media store knows it.
func (s *Server) feedPhoto(b *build, p *content.Photo) *feed.Image {
	name, _, _ := shareFile(p)
	out := &feed.Image{URL: b.mediaAbsolute(name), MIMEType: media.ContentType(name), Alt: p.AltIn(b.lang)}
	if name == p.OriginalName() {
		out.Length = p.Bytes
	} else if s.cfg.Media != nil {
		if info, err := s.cfg.Media.Stat(b.ctx, name); err == nil {
			out.Length = info.Size
		}
	}
	return out
}
