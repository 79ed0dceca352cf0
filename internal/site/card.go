package site

import (
	"bytes"
	"net/http"

	"github.com/roneo/roneo/internal/card"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
)

// card builds a share card: the picture Mastodon, WhatsApp or Telegram show beside a
// link to a page with no image of its own. An article's card carries its title, the
// home page's the site's tagline. Cards are cached as pages are, and purged with them.
func (s *Server) card(b *build) (*Response, error) {
	c := card.Card{Site: b.st.site.Name, Lang: string(b.lang)}
	modified := b.st.loaded
	switch b.page.Kind {
	case urls.ArticleCard:
		a, movedTo, err := b.loadArticle(b.page.Key)
		if err != nil {
			return nil, err
		}
		if movedTo != nil {
			return b.movedPermanently(urls.Page{Kind: urls.ArticleCard, Lang: b.lang, Key: movedTo.Key, Ext: b.page.Ext}), nil
		}
		b.show(content.KeyArticle(a.ID))
		p := s.bundle.Printer(b.lang, b.st.site.Location)
		c.Title, c.Kicker, modified = a.Title, kindLabel(p, a.Kind), a.UpdatedAt
		if sec := b.sectionLink(a.Lang, a.SectionID); sec != nil && c.Kicker == "" {
			c.Kicker = sec.Name
		}
	default:
		b.show(content.KeyLatest(b.lang)) // nothing of the articles shows; a key purges it with the rest
		c.Title = or(b.st.site.Taglines[b.lang], b.st.site.Name)
	}
	var body bytes.Buffer
	if err := s.cards.Render(&body, c); err != nil {
		return nil, err
	}
	return &Response{Status: http.StatusOK, Body: body.Bytes(), ContentType: "image/png",
		LastModified: modified, Cacheable: true, CacheControl: cardCacheControl}, nil
}

// cardCacheControl lets networks' preview fetchers and browsers keep a card for an hour
// without asking again: a card changes only with its title.
var cardCacheControl = []string{"public, max-age=3600"}

// shareImage is what a page's share preview shows: its own card.
type shareImage struct {
	URL, Alt, Type string
	Width, Height  int
}

// cardImage is the generated card of page p (an article or the home page).
func (b *build) cardImage(p urls.Page, title string) *shareImage {
	k, ok := p.Kind.Card()
	if !ok {
		return nil
	}
	alt := b.st.site.Name
	if title != alt {
		alt = b.s.bundle.Printer(b.lang, b.st.site.Location).T("card.alt", title, alt)
	}
	return &shareImage{
		URL:   b.absolute(urls.Page{Kind: k, Lang: p.Lang, Key: p.Key, Ext: "png"}),
		Alt:   alt,
		Type:  "image/png",
		Width: card.Width, Height: card.Height,
	}
}
