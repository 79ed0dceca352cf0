package content

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Grève à Liège : « tout s’arrête »", "greve-a-liege-tout-s-arrete"},
		{"Staking in ’s-Hertogenbosch!", "staking-in-s-hertogenbosch"},
		{"  Œuvres d’Ærø et Straße  ", "oeuvres-d-aero-et-strasse"},
		{"COVID-19: 2 000 licenciements", "covid-19-2-000-licenciements"},
		{"Łódź", "lodz"},
		{"Солидарность с бастующими", "солидарность-с-бастующими"},
		{"تضامن مع العمال", "تضامن-مع-العمال"},
		{"???", ""},
		{"", ""},
	} {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugifyTruncatesAtAWord(t *testing.T) {
	got := Slugify(strings.Repeat("solidarité ", 40))
	if len(got) > MaxSlugLen || strings.HasSuffix(got, "-") || !strings.HasSuffix(got, "solidarite") {
		t.Errorf("long slug = %q (%d bytes)", got, len(got))
	}
	if !ValidSlug(got) {
		t.Errorf("Slugify made an invalid slug %q", got)
	}
}

func TestValidSlug(t *testing.T) {
	for _, s := range []string{"greve", "a", "covid-19", "солидарность", "2026-budget"} {
		if !ValidSlug(s) {
			t.Errorf("ValidSlug(%q) = false", s)
		}
	}
	for _, s := range []string{"", "Greve", "grève", "-a", "a-", "a--b", "a b", "a/b", "a.b", "..", strings.Repeat("a", MaxSlugLen+1), "\xff"} {
		if ValidSlug(s) {
			t.Errorf("ValidSlug(%q) = true", s)
		}
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Grève générale", "’s-Hertogenbosch", "a--b", "Ærø", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slugify(s)
		if slug != "" && !ValidSlug(slug) {
			t.Fatalf("Slugify(%q) = %q, which ValidSlug refuses", s, slug)
		}
		if Slugify(slug) != slug {
			t.Fatalf("Slugify is not idempotent on %q", slug)
		}
	})
}
