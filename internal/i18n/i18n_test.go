package i18n_test

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/web"
)

func TestCatalogsAreComplete(t *testing.T) {
	b, err := i18n.Load(web.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	en := b.Keys("en")
	for _, lang := range b.Langs() {
		have := map[string]bool{}
		for _, k := range b.Keys(lang) {
			have[k] = true
		}
		for _, k := range en {
			if !have[k] && k != "format.firstday" {
				t.Errorf("%s.json lacks %q", lang, k)
			}
		}
		for k := range have {
			if !contains(en, k) && k != "format.firstday" {
				t.Errorf("%s.json has %q, which en.json lacks", lang, k)
			}
		}
	}
}

func contains(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

func TestDates(t *testing.T) {
	b, err := i18n.Load(web.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	brussels, _ := time.LoadLocation("Europe/Brussels")
	at := time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC) // already 1 December in Brussels
	for lang, want := range map[string]string{
		"fr": "1er décembre 2026 à 0\u00a0h\u00a030",
		"nl": "1 december 2026, 0.30\u00a0uur",
		"en": "1 December 2026, 00:30",
	} {
		if got := b.Printer(contentLang(lang), brussels).DateTime(at); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	p := b.Printer("fr", brussels)
	if got := p.N("article.contacts", 2); got != "Contacts presse" {
		t.Errorf("plural = %q", got)
	}
	if got := p.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key shows as %q", got)
	}
	if got := b.Printer("de", nil).T("nav.home"); got != "Home" {
		t.Errorf("a language without a catalog gets %q, want the English fallback", got)
	}
}

// Times follow each language's press: French and Dutch write the hour without a leading
// zero ("7 h 37", "7.37 uur"); English keeps the 24-hour clock's two digits ("07:37").
func TestTimesOfDay(t *testing.T) {
	b, err := i18n.Load(web.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	brussels, _ := time.LoadLocation("Europe/Brussels")
	for _, c := range []struct {
		lang      string
		hour, min int
		want      string
	}{
		{"fr", 7, 37, "3 mars 2026 à 7\u00a0h\u00a037"},
		{"fr", 17, 5, "3 mars 2026 à 17\u00a0h\u00a005"},
		{"nl", 7, 37, "3 maart 2026, 7.37\u00a0uur"},
		{"nl", 17, 5, "3 maart 2026, 17.05\u00a0uur"},
		{"en", 7, 37, "3 March 2026, 07:37"},
		{"en", 17, 5, "3 March 2026, 17:05"},
	} {
		at := time.Date(2026, 3, 3, c.hour, c.min, 0, 0, brussels)
		if got := b.Printer(contentLang(c.lang), brussels).DateTime(at); got != c.want {
			t.Errorf("%s %02d:%02d: %q, want %q", c.lang, c.hour, c.min, got, c.want)
		}
	}
}

func TestLocale(t *testing.T) {
	for lang, want := range map[string]string{
		"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB",
		"fr-FR": "fr_FR", "nl-NL": "nl_NL", "en-US": "en_US", "fr-CH": "fr_CH",
		"de": "de_DE", "es": "es_ES",
	} {
		if got := i18n.Locale(contentLang(lang)); got != want {
			t.Errorf("Locale(%s) = %q, want %q", lang, got, want)
		}
	}
}
