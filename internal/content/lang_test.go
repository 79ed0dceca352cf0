package content

import (
	"errors"
	"testing"
)

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"fr": "fr", "FR": "fr", "nl_BE": "nl-BE", "fr-be": "fr-BE", "en": "en"} {
		got, err := ParseLang(in)
		if err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "french", "x", "fr/../../", "12"} {
		if _, err := ParseLang(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseLang(%q) = %v, want ErrInvalid", in, err)
		}
	}
	if got := Lang("nl-BE").Base(); got != "nl" {
		t.Errorf("Base = %q", got)
	}
}
