package newsroom

import (
	"net/http"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
)

// messagePage says one thing and offers one way on: a link that expired, a mail sent.
type messagePage struct {
	L        *Layout
	Heading  string
	Text     string
	LinkURL  string
	LinkText string
}

func (s *Server) message(w http.ResponseWriter, r *request, status int, key, linkURL, linkKey string) error {
	l := s.layout(r, r.T(key+".title"))
	return s.render(w, status, "message", &messagePage{
		L: l, Heading: l.Title, Text: r.T(key + ".text"), LinkURL: linkURL, LinkText: r.T(linkKey),
	})
}

// langOption is a choice of interface language, named in that language.
type langOption struct {
	Code     content.Lang
	Name     string
	Selected bool
}

func langOptions(current content.Lang) []langOption {
	out := make([]langOption, len(uiLangs))
	for i, l := range uiLangs {
		out[i] = langOption{Code: l, Name: i18n.Autonym(l), Selected: l == uiLang(current)}
	}
	return out
}

// home is the newsroom's front door: the article list.
func (s *Server) home(w http.ResponseWriter, r *request) error {
	seeOther(w, r, prefix+"articles")
	return nil
}
