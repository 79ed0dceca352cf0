package editorial_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
)

func TestOldAddress(t *testing.T) {
	for _, tc := range []struct {
		raw, want string // want "": refused
	}{
		{"/ancien", "/ancien"},
		{"  /ancien/\t", "/ancien/"},
		{"http://old.example.org/2019/05/greve/", "/2019/05/greve/"},
		{"https://old.example.org", "/"},
		{"HTTPS://old.example.org/a", "/a"},
		{"https://old.example.org/?p=123", "/?p=123"},
		{"/?p=123#commentaires", "/?p=123"},
		{"/caf%C3%A9", "/café"},
		{"/café", "/café"},
		{"/a%2Fb", "/a/b"},
		{"/?b=2&a=1", "/?a=1&b=2"},
		{"/page?b=2&a=1&a=0", "/page?a=1&a=0&b=2"},
		{"/recherche?q=gr%C3%A8ve", "/recherche?q=gr%C3%A8ve"},
		{"/recherche?q=grève", "/recherche?q=gr%C3%A8ve"},
		{"/?p=1;2", "/?p=1;2"}, // a query that does not parse is kept as it is
		{"/?", "/"},
		{"", ""},
		{"   ", ""},
		{"ancien", ""},
		{"ancien/page", ""},
		{"ftp://old.example.org/a", ""},
		{"javascript:alert(1)", ""},
		{"mailto:redaction@example.org", ""},
		{"/a%zz", ""},
		{"/%FF", ""},
		{"/a\x00b", ""},
		{"/a\nb", ""},
		{"/" + strings.Repeat("a", 2048), ""},
		{"/?a=%zz\xff", ""}, // kept as it is, it would not be UTF-8
	} {
		got, err := editorial.OldAddress(tc.raw)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("OldAddress(%q) = %q, want an error", tc.raw, got)
		case tc.want == "":
			if !errors.Is(err, content.ErrInvalid) {
				t.Errorf("OldAddress(%q): %v does not wrap content.ErrInvalid", tc.raw, err)
			}
		case err != nil || got != tc.want:
			t.Errorf("OldAddress(%q) = %q, %v; want %q", tc.raw, got, err, tc.want)
		}
	}
}

func TestNewAddress(t *testing.T) {
	for _, tc := range []struct {
		raw string
		ok  bool
	}{
		{"/fr/article/greve", true},
		{" /fr/article/greve ", true},
		{"/fr/recherche?q=gr%C3%A8ve", true},
		{"https://ailleurs.example.org/page", true},
		{"http://ailleurs.example.org", true},
		{"", false},
		{"   ", false},
		{"fr/article/greve", false},
		{"//evil.example.org/page", false},
		{"javascript:alert(1)", false},
		{"https:///page", false},
		{"ftp://ailleurs.example.org/page", false},
		{"data:text/html,<p>", false},
		{"/\xe1", false}, // not UTF-8: PostgreSQL could not store it, SQLite would
		{"https://ailleurs.example.org/\xff", false},
		{"/" + strings.Repeat("a", 2048), false},
	} {
		got, err := editorial.NewAddress(tc.raw)
		if ok := err == nil; ok != tc.ok {
			t.Errorf("NewAddress(%q) = %q, %v; want accepted %v", tc.raw, got, err, tc.ok)
		}
		if err != nil && !errors.Is(err, content.ErrInvalid) {
			t.Errorf("NewAddress(%q): %v does not wrap content.ErrInvalid", tc.raw, err)
		}
		if err == nil && got != strings.TrimSpace(tc.raw) {
			t.Errorf("NewAddress(%q) = %q", tc.raw, got)
		}
	}
}

// countRedirects counts the redirects stored.
func countRedirects(tb testing.TB, st store.Store) int {
	tb.Helper()
	n, err := st.CountRedirects(tb.Context())
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func TestAddRedirects(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		editor := MustUser(t, st, auth.RoleEditor, "editor")
		n, err := svc.AddRedirects(t.Context(), editor, []editorial.RedirectLine{
			{From: "/ancien", To: "/fr/article/nouveau"},
			{From: "https://old.example.org/?p=12&b=1", To: "https://ailleurs.example.org/"},
			{From: "/caf%C3%A9", To: ""},
		})
		if err != nil || n != 3 {
			t.Fatalf("AddRedirects: %d, %v", n, err)
		}
		for _, want := range []store.Redirect{
			{From: "/ancien", To: "/fr/article/nouveau"},
			{From: "/?b=1&p=12", To: "https://ailleurs.example.org/"},
			{From: "/café", Gone: true},
		} {
			got, err := st.FindRedirect(t.Context(), []string{want.From})
			if err != nil || got.To != want.To || got.Gone != want.Gone || got.CreatedBy != editor.User.ID {
				t.Errorf("redirect from %q: %+v, %v; want %+v by %d", want.From, got, err, want, editor.User.ID)
			}
		}
		entries := MustAudit(t, st, store.AuditQuery{Action: "redirect."})
		if len(entries) != 1 || entries[0].Action != "redirect.add" || entries[0].Detail != "3 redirects" || entries[0].UserID != editor.User.ID {
			t.Errorf("audit after adding three: %+v", entries)
		}

		// The same old address, however it is spelled, is replaced.
		if _, err := svc.AddRedirects(t.Context(), editor, []editorial.RedirectLine{{From: "http://old.example.org/ancien", To: "/fr/article/autre"}}); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.FindRedirect(t.Context(), []string{"/ancien"}); got.To != "/fr/article/autre" || countRedirects(t, st) != 3 {
			t.Errorf("after replacing: %+v, %d redirects", got, countRedirects(t, st))
		}
		if e := MustAudit(t, st, store.AuditQuery{Action: "redirect."}); len(e) != 2 || e[0].Detail != "/ancien → /fr/article/autre" {
			t.Errorf("audit after adding one: %+v", e)
		}

		// One bad line fails them all, saying which; nothing is written.
		for _, tc := range []struct {
			name string
			bad  editorial.RedirectLine
			msg  string
		}{
			{"an old address that is not one", editorial.RedirectLine{From: "ancien", To: "/fr", Line: 3}, "line 3"},
			{"a new address that is not one", editorial.RedirectLine{From: "/x", To: "javascript:alert(1)", Line: 4}, "line 4"},
			{"a redirect to itself", editorial.RedirectLine{From: "/boucle", To: "/boucle"}, "itself"},
			{"to itself, the old address a whole URL", editorial.RedirectLine{From: "https://old.example.org/boucle", To: "/boucle"}, "itself"},
			{"to itself, percent-escaped", editorial.RedirectLine{From: "/caf%C3%A9", To: "/caf%C3%A9"}, "itself"},
			{"to itself, the query in another order", editorial.RedirectLine{From: "/?b=2&a=1", To: "/?b=2&a=1"}, "itself"},
		} {
			count, audited := countRedirects(t, st), len(MustAudit(t, st, store.AuditQuery{}))
			lines := []editorial.RedirectLine{{From: "/bon", To: "/fr", Line: 1}, tc.bad}
			if _, err := svc.AddRedirects(t.Context(), editor, lines); !errors.Is(err, content.ErrInvalid) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("%s: %v, want an invalid line saying %q", tc.name, err, tc.msg)
				continue
			}
			if n := countRedirects(t, st); n != count {
				t.Errorf("%s: %d redirects after a refused line, want %d", tc.name, n, count)
			}
			if n := len(MustAudit(t, st, store.AuditQuery{})); n != audited {
				t.Errorf("%s: a refused line was audited", tc.name)
			}
		}

		writer := MustUser(t, st, auth.RoleContributor, "writer")
		if _, err := svc.AddRedirects(t.Context(), writer, []editorial.RedirectLine{{From: "/a", To: "/b"}}); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("a contributor added a redirect: %v", err)
		}
		if err := svc.RemoveRedirect(t.Context(), writer, "/ancien"); !errors.Is(err, editorial.ErrForbidden) {
			t.Errorf("a contributor removed a redirect: %v", err)
		}

		if err := svc.RemoveRedirect(t.Context(), editor, "https://old.example.org/ancien"); err != nil {
			t.Fatal(err)
		}
		if _, err := st.FindRedirect(t.Context(), []string{"/ancien"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("after removing: %v", err)
		}
		if err := svc.RemoveRedirect(t.Context(), editor, "/ancien"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing it again: %v, want ErrNotFound", err)
		}
		if err := svc.RemoveRedirect(t.Context(), editor, "ancien"); !errors.Is(err, content.ErrInvalid) {
			t.Errorf("removing an address that is not one: %v", err)
		}
		e := MustAudit(t, st, store.AuditQuery{Action: "redirect."})
		if len(e) == 0 || e[0].Action != "redirect.remove" || e[0].Detail != "/ancien" || e[0].UserID != editor.User.ID {
			t.Errorf("audit after removing: %+v", e)
		}
		if e := MustAudit(t, st, store.AuditQuery{Action: "redirect.remove"}); len(e) != 1 {
			t.Errorf("%d removals audited, want 1", len(e))
		}
	})
}

func TestReadRedirectsCSV(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		want  []editorial.RedirectLine
		error string // what the error says; "" for none
	}{
		{name: "empty"},
		{name: "a header only", in: "old,new\n"},
		{
			name: "header, comments, blank lines, gone and quoted fields",
			in:   "old,new\n# from the old site\n/a,/fr/b\n\n/c,\n\"/d,e\",/f\n  /g, /h\n/i\r\n",
			want: []editorial.RedirectLine{
				{From: "/a", To: "/fr/b", Line: 3},
				{From: "/c", To: "", Line: 5},
				{From: "/d,e", To: "/f", Line: 6},
				{From: "/g", To: "/h", Line: 7},
				{From: "/i", Line: 8},
			},
		},
		{name: "a header in capitals", in: "OLD,NEW\n/a,/b", want: []editorial.RedirectLine{{From: "/a", To: "/b", Line: 2}}},
		{name: "no header", in: "/a,/b", want: []editorial.RedirectLine{{From: "/a", To: "/b", Line: 1}}},
		{name: "a header after a line is a line", in: "/a,/b\nold,new", want: []editorial.RedirectLine{
			{From: "/a", To: "/b", Line: 1}, {From: "old", To: "new", Line: 2}}},
		{name: "too many fields", in: "old,new\n/a,/b\n\n/c,/d,/e\n", error: "line 4: 3 fields"},
		{name: "a stray quote", in: "/a,/b\n/c\"d,/e\n", error: "invalid"},
		{name: "an unterminated quote", in: "/a,\"/b\n", error: "invalid"},
	} {
		got, err, ok := readCSV(t, tc.in)
		if !ok {
			continue
		}
		if tc.error != "" {
			if !errors.Is(err, content.ErrInvalid) || !strings.Contains(err.Error(), tc.error) {
				t.Errorf("%s: %+v, %v; want an invalid file saying %q", tc.name, got, err, tc.error)
			}
			continue
		}
		if err != nil || !equalLines(got, tc.want) {
			t.Errorf("%s: %+v, %v\nwant %+v", tc.name, got, err, tc.want)
		}
	}
}

// readCSV runs ReadRedirectsCSV, turning a panic into a failure of the test (and ok
// false) so that the other tests still run.
func readCSV(t *testing.T, in string) (lines []editorial.RedirectLine, err error, ok bool) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("ReadRedirectsCSV(%q) panicked: %v", in, p)
			ok = false
		}
	}()
	lines, err = editorial.ReadRedirectsCSV(strings.NewReader(in))
	return lines, err, true
}

func equalLines(a, b []editorial.RedirectLine) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzReadRedirectsCSV reads any file and adds what it reads, on both databases: it
// never panics, both databases agree, and whatever AddRedirects accepts is an old
// address the site can compare requests with (valid UTF-8, no NUL, not too long), stored
// under the address OldAddress makes of it.
func FuzzReadRedirectsCSV(f *testing.F) {
	for _, seed := range []string{
		"old,new\n/a,/fr/b\n",
		"# comment\n\n/c,\n\"/d,e\",/f\n",
		"https://old.example.org/?p=1&b=2,https://ailleurs.example.org/\n",
		"/caf%C3%A9,/fr/cafe\n/a,/a\n",
		"/a,/b,/c\n",
		"/?a=%zz\xff,/b\n",
		"/\xff,/b\n",
		"ancien,/b\n",
		"\"/x\"\"y\",/z\n",
		"/a,/b\n/c\"d,/e\n",
		"\"/\",/\xe1",
	} {
		f.Add(seed)
	}
	type db struct {
		name string
		st   store.Store
		svc  *editorial.Service
	}
	var dbs []db
	for _, b := range backends {
		clock := storetest.NewClock(start)
		st := b.open(f, clock)(f)
		dbs = append(dbs, db{b.name, st, newService(st, clock)})
	}
	importer := editorial.System("import")
	f.Fuzz(func(t *testing.T, file string) {
		lines, err, ok := readCSV(t, file)
		if !ok {
			return
		}
		if err != nil {
			if !errors.Is(err, content.ErrInvalid) {
				t.Fatalf("ReadRedirectsCSV: %v does not wrap content.ErrInvalid", err)
			}
			return
		}
		var accepted []string
		for _, d := range dbs {
			_, err := d.svc.AddRedirects(t.Context(), importer, lines)
			if err != nil {
				continue
			}
			accepted = append(accepted, d.name)
			for _, l := range lines {
				old, err := editorial.OldAddress(l.From)
				if err != nil {
					t.Fatalf("%s: AddRedirects accepted line %d with old address %q: %v", d.name, l.Line, l.From, err)
				}
				if !utf8.ValidString(old) || strings.ContainsRune(old, 0) || len(old) > 2048 {
					t.Fatalf("%s: AddRedirects accepted line %d with old address %q, stored as %q", d.name, l.Line, l.From, old)
				}
				if _, err := d.st.FindRedirect(t.Context(), []string{old}); err != nil {
					t.Fatalf("%s: line %d (%q) not stored under %q: %v", d.name, l.Line, l.From, old, err)
				}
			}
		}
		if len(accepted) != 0 && len(accepted) != len(dbs) {
			t.Fatalf("only %v accepted %+v", accepted, lines)
		}
	})
}
