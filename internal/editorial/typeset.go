package editorial

import (
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/render"
)

// Typeset gives an article the typography of its language (narrow no-break spaces and
// guillemets in French, „quotes” in Dutch, typographic apostrophes) and renders its
// Markdown body to sanitised HTML, once, when it is written: pages never render per
// request. Every path that writes an article goes through it: the newsroom, the demo,
// an import.
func Typeset(r *render.Renderer, a *content.Article) error {
	lang := string(a.Lang)
	a.Title = r.Text(lang, strings.TrimSpace(a.Title))
	a.Standfirst = r.Text(lang, strings.TrimSpace(a.Standfirst))
	a.Signature = r.Text(lang, strings.TrimSpace(a.Signature))
	html, err := r.Markdown(lang, a.Body)
	if err != nil {
		return err
	}
	a.BodyHTML = html
	return nil
}

// Typeset is the package's Typeset with the service's renderer.
func (s *Service) Typeset(a *content.Article) error { return Typeset(s.r, a) }

// Text typesets one line of text in lang: a tag's or a section's name, a tagline.
func (s *Service) Text(lang content.Lang, text string) string {
	return s.r.Text(string(lang), strings.TrimSpace(text))
}

// Markdown renders a Markdown text in lang: a dossier's introduction, a person's bio.
func (s *Service) Markdown(lang content.Lang, src string) (string, error) {
	return s.r.Markdown(string(lang), src)
}
