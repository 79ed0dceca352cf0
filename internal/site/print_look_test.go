package site_test

import (
	"net/http"
	"strings"
	"testing"
)

// The print view carries what a printed press release needs: the site's name, the
// date, the article's full address, and contact lines that are the number and the
// address alone.
func TestPrintViewCarriesAddressAndContacts(t *testing.T) {
	f := newFixture(t, 0)
	for _, path := range []string{"/fr/article/communique-ambassade/print", "/fr/article/communique-ambassade"} {
		p := f.get(t, path).wantStatus(t, http.StatusOK)
		if got := p.text(t, ".brand"); !strings.HasPrefix(got, "Le Stencil") {
			t.Errorf("%s: brand = %q", path, got)
		}
		if got := p.text(t, ".byline time"); got != "24 novembre 2026 à 11\u00a0h\u00a000" {
			t.Errorf("%s: date = %q", path, got)
		}
		if got := p.text(t, ".permalink"); got != "En ligne\u202f: https://news.example.org/fr/article/communique-ambassade" {
			t.Errorf("%s: address line = %q", path, got)
		}
		if got := p.text(t, ".contact-phone"); got != "+32 2 555 01 23" {
			t.Errorf("%s: phone line = %q", path, got)
		}
		if got := p.text(t, ".contact-email"); got != "jan@example.org" {
			t.Errorf("%s: mail line = %q", path, got)
		}
	}
}
