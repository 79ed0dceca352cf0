package storetest

import (
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

func testSiteDefaults(t *testing.T, e *env) {
	got, err := e.st.Site(t.Context())
	if err != nil {
		t.Fatalf("Site on an empty store: %v", err)
	}
	want := content.DefaultSite()
	checkEqual(t, "name", got.Name, want.Name)
	checkEqual(t, "langs", got.Langs, want.Langs)
	checkEqual(t, "timezone", got.Location.String(), want.Location.String())
	if len(got.Taglines) != 0 {
		t.Errorf("taglines = %v, want none", got.Taglines)
	}
	if got.Taglines == nil {
		t.Error("taglines is a nil map; callers may write to it")
	}
	if !got.UpdatedAt.IsZero() {
		t.Errorf("UpdatedAt = %v, want zero: never saved", got.UpdatedAt)
	}
	if got.Hosts != nil {
		t.Errorf("other addresses = %q, want none", got.Hosts)
	}
}

func mustLocation(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatalf("LoadLocation(%s): %v", name, err)
	}
	return loc
}

func mustPutSite(tb testing.TB, st store.Store, s content.Site) {
	tb.Helper()
	MustUpdate(tb, st, func(tx store.Tx) error { return tx.PutSite(tb.Context(), s) })
}

func mustSite(tb testing.TB, st store.Store) content.Site {
	tb.Helper()
	s, err := st.Site(tb.Context())
	if err != nil {
		tb.Fatalf("Site: %v", err)
	}
	return s
}

func checkSite(tb testing.TB, got, want content.Site) {
	tb.Helper()
	checkEqual(tb, "name", got.Name, want.Name)
	checkEqual(tb, "langs (in order)", got.Langs, want.Langs)
	checkEqual(tb, "timezone", got.Location.String(), want.Location.String())
	checkEqual(tb, "taglines", got.Taglines, want.Taglines)
	checkEqual(tb, "second factor required", got.RequireSecondFactor, want.RequireSecondFactor)
	checkEqual(tb, "other addresses (in order)", got.Hosts, want.Hosts)
}

func testSiteRoundTrip(t *testing.T, e *env) {
	first := content.Site{
		Name:                "Le Journal du Syndicat",
		Langs:               []content.Lang{"nl", "fr", "de"},
		Location:            mustLocation(t, "America/New_York"),
		Taglines:            map[content.Lang]string{"fr": "L’info « syndicale »", "nl": "Het nieuws"},
		RequireSecondFactor: true,
	}
	mustPutSite(t, e.st, first)
	got := mustSite(t, e.st)
	checkSite(t, got, first)
	checkTime(t, "UpdatedAt", got.UpdatedAt, e.now())
	if got.DefaultLang() != "nl" {
		t.Errorf("DefaultLang = %s, want nl: the first language saved", got.DefaultLang())
	}

	// Saving again replaces everything, taglines included: a tagline dropped from the
	// form must not come back.
	e.clock.Advance(time.Hour)
	second := content.Site{
		Name:     "Roneo",
		Langs:    []content.Lang{"en"},
		Location: time.UTC,
		Taglines: map[content.Lang]string{"en": "News"},
	}
	mustPutSite(t, e.st, second)
	got = mustSite(t, e.st)
	checkSite(t, got, second)
	checkTime(t, "UpdatedAt after second save", got.UpdatedAt, e.now())

	invalid := []content.Site{
		{Name: "", Langs: []content.Lang{"fr"}, Location: time.UTC},
		{Name: "No langs", Location: time.UTC},
		{Name: "Bad lang", Langs: []content.Lang{"FR"}, Location: time.UTC},
		{Name: "No zone", Langs: []content.Lang{"fr"}},
	}
	for _, s := range invalid {
		err := e.st.Update(t.Context(), func(tx store.Tx) error { return tx.PutSite(t.Context(), s) })
		checkErr(t, "PutSite "+s.Name, err, content.ErrInvalid)
	}
	checkSite(t, mustSite(t, e.st), second)
}

// The other addresses are one setting: saved in order, replaced whole, cleared by saving
// none, and refused when one is not an address.
func testSiteHosts(t *testing.T, e *env) {
	site := content.DefaultSite()
	site.Hosts = []string{"https://mirror.example.net", "http://abcdefghij234567.onion", "https://[::1]:8443"}
	mustPutSite(t, e.st, site)
	checkSite(t, mustSite(t, e.st), site)

	site.Hosts = []string{"http://abcdefghij234567.onion"}
	mustPutSite(t, e.st, site)
	checkSite(t, mustSite(t, e.st), site)

	bad := site
	bad.Hosts = []string{"https://mirror.example.net", "mirror.example.org"}
	err := e.st.Update(t.Context(), func(tx store.Tx) error { return tx.PutSite(t.Context(), bad) })
	checkErr(t, "PutSite with an entry that is not an address", err, content.ErrInvalid)
	checkSite(t, mustSite(t, e.st), site)

	site.Hosts = nil
	mustPutSite(t, e.st, site)
	checkSite(t, mustSite(t, e.st), site)
}
