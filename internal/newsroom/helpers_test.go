package newsroom

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/testkit"
	"github.com/roneo/roneo/web"
)

// start is the fixed time tests begin at: a Wednesday morning in Brussels.
var start = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// testPassword is every test account's password.
const testPassword = "correct battery horse staple"

// env is a newsroom on a fresh store, with the clock the store and the server read.
type env struct {
	t     testing.TB
	store store.Store
	srv   *Server
	clock *storetest.Clock
	mail  *fakeMailer
	media media.Store // the photos' files, in a temporary directory
}

// fastHasher keeps tests quick: the cost parameters are not what is under test.
func fastHasher() *auth.Hasher {
	return auth.NewHasher(auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}, 4)
}

// newEnv builds the newsroom on SQLite in a temporary directory.
func newEnv(t testing.TB) *env {
	t.Helper()
	clock := storetest.NewClock(start)
	st, err := sqlstore.OpenSQLite(context.Background(), t.TempDir(), sqlstore.Options{Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	return newEnvOn(t, st, clock)
}

// newPostgresEnv builds it on a PostgreSQL schema of its own (skipped without one).
func newPostgresEnv(t testing.TB) *env {
	t.Helper()
	clock := storetest.NewClock(start)
	st, err := sqlstore.OpenPostgres(context.Background(), pgtest.URL(t), sqlstore.Options{Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	return newEnvOn(t, st, clock)
}

func newEnvOn(t testing.TB, st store.Store, clock *storetest.Clock) *env {
	t.Cleanup(func() { st.Close() })
	base, _ := url.Parse("http://news.example.org")
	e := &env{t: t, store: st, clock: clock, mail: &fakeMailer{}}
	var err error
	if e.media, err = media.NewDir(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.media.Close() })
	r := render.New()
	e.srv, err = New(context.Background(), st, Config{
		BaseURL: base, Theme: web.FS, Clock: clock.Now, Renderer: r, Hasher: fastHasher(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Mailer: e.mail,
		Editorial: editorial.New(st, editorial.Config{Renderer: r, Clock: clock.Now}),
		Media:     e.media,
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// reconfigure rebuilds the newsroom over the same store with its configuration changed,
// as a restart with other flags would.
func (e *env) reconfigure(change func(*Config)) {
	e.t.Helper()
	cfg := e.srv.cfg
	change(&cfg)
	srv, err := New(context.Background(), e.store, cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	e.srv = srv
}

// fakeMailer keeps what would have been sent. Reset mails leave after the answer, so
// tests wait for them.
type fakeMailer struct {
	mu   sync.Mutex
	sent []sentMail
}

type sentMail struct{ to, subject, body string }

func (m *fakeMailer) Send(_ context.Context, to, subject, body string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, sentMail{to, subject, body})
	return nil
}

// wait returns the mails once there are n, failing if they never come.
func (m *fakeMailer) wait(t testing.TB, n int) []sentMail {
	t.Helper()
	var got []sentMail
	testkit.Until(t, fmt.Sprintf("%d mails", n), func() bool {
		m.mu.Lock()
		defer m.mu.Unlock()
		got = append([]sentMail(nil), m.sent...)
		return len(got) >= n
	})
	return got
}

// update runs fn in one write transaction, failing the test on error.
func (e *env) update(fn func(tx store.Tx) error) {
	e.t.Helper()
	if err := e.store.Update(context.Background(), fn); err != nil {
		e.t.Fatal(err)
	}
}

// user creates an account with testPassword.
func (e *env) user(role auth.Role, email string) *auth.User {
	e.t.Helper()
	h, err := e.srv.cfg.Hasher.Hash(context.Background(), testPassword)
	if err != nil {
		e.t.Fatal(err)
	}
	u := &auth.User{Email: email, Name: strings.Split(email, "@")[0], Role: role, Lang: "en", PasswordHash: h}
	e.update(func(tx store.Tx) error { return tx.CreateUser(context.Background(), u) })
	return u
}

// client is a browser: it keeps the session cookie between requests.
type client struct {
	e      *env
	cookie string            // the session
	jar    map[string]string // every other cookie
	lang   string            // Accept-Language
	addr   string
	header http.Header // extra headers for every request
}

func (e *env) client() *client { return &client{e: e, lang: "en", addr: "192.0.2.10:4321"} }

// page is an answer with its body read and, for HTML, parsed.
type page struct {
	*http.Response
	body string
	doc  *html.Node
}

func (c *client) get(path string) *page {
	c.e.t.Helper()
	return c.do(httptest.NewRequest(http.MethodGet, path, nil))
}

func (c *client) post(path string, form url.Values) *page {
	c.e.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *client) do(req *http.Request) *page {
	c.e.t.Helper()
	req.RemoteAddr = c.addr
	req.Header.Set("Accept-Language", c.lang)
	for k, vs := range c.header {
		req.Header[k] = vs
	}
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: cookieName, Value: c.cookie})
	}
	for k, v := range c.jar {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	rec := httptest.NewRecorder()
	c.e.srv.ServeHTTP(rec, req)
	resp := rec.Result()
	for _, ck := range resp.Cookies() {
		switch {
		case ck.Name == cookieName && ck.MaxAge < 0:
			c.cookie = ""
		case ck.Name == cookieName:
			c.cookie = ck.Value
		case ck.MaxAge < 0:
			delete(c.jar, ck.Name)
		default:
			if c.jar == nil {
				c.jar = map[string]string{}
			}
			c.jar[ck.Name] = ck.Value
		}
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Request = req
	p := &page{Response: resp, body: string(b)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		doc, err := html.Parse(strings.NewReader(p.body))
		if err != nil {
			c.e.t.Fatalf("%s: unparsable HTML: %v", req.URL, err)
		}
		p.doc = doc
	}
	return p
}

// signIn signs in with testPassword (and no second factor), failing the test otherwise.
func (c *client) signIn(email string) {
	c.e.t.Helper()
	p := c.post("/newsroom/signin", url.Values{"email": {email}, "password": {testPassword}})
	if p.StatusCode != http.StatusSeeOther {
		c.e.t.Fatalf("sign-in of %s: %d\n%.800s", email, p.StatusCode, p.body)
	}
}

// as returns a client signed in as a new account with role.
func (e *env) as(role auth.Role) (*client, *auth.User) {
	e.t.Helper()
	u := e.user(role, string(role)+"@example.org")
	c := e.client()
	c.signIn(u.Email)
	return c, u
}

func (p *page) want(t testing.TB, status int) *page {
	t.Helper()
	if p.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d\n%.1500s", p.Request.Method, p.Request.URL, p.StatusCode, status, p.body)
	}
	return p
}

// wantRedirect checks a 303 to a location starting with prefix.
func (p *page) wantRedirect(t testing.TB, prefix string) string {
	t.Helper()
	loc := p.Header.Get("Location")
	if p.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("%s %s: %d to %q, want 303 to %s…\n%.800s", p.Request.Method, p.Request.URL, p.StatusCode, loc, prefix, p.body)
	}
	return loc
}

func (p *page) all(t testing.TB, selector string) []*html.Node {
	t.Helper()
	if p.doc == nil {
		t.Fatalf("%s: not an HTML page", p.Request.URL)
	}
	return cascadia.MustCompile(selector).MatchAll(p.doc)
}

func (p *page) text(t testing.TB, selector string) string {
	t.Helper()
	nodes := p.all(t, selector)
	if len(nodes) == 0 {
		t.Fatalf("%s: nothing matches %q\n%.2000s", p.Request.URL, selector, p.body)
	}
	return nodeText(nodes[0])
}

func (p *page) attr(t testing.TB, selector, name string) string {
	t.Helper()
	nodes := p.all(t, selector)
	if len(nodes) == 0 {
		t.Fatalf("%s: nothing matches %q", p.Request.URL, selector)
	}
	for _, a := range nodes[0].Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func (p *page) count(t testing.TB, selector string) int {
	t.Helper()
	return len(p.all(t, selector))
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	// Collapse ASCII white space only: typography's narrow no-break spaces must survive.
	return strings.Join(strings.FieldsFunc(b.String(), func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r'
	}), " ")
}

// audit returns the audit log's actions, newest first.
func (e *env) audit(q store.AuditQuery) []store.AuditEntry {
	e.t.Helper()
	if q.Limit == 0 {
		q.Limit = 100
	}
	entries, err := e.store.AuditLog(context.Background(), q)
	if err != nil {
		e.t.Fatal(err)
	}
	return entries
}

func (e *env) site() content.Site {
	e.t.Helper()
	s, err := e.store.Site(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

func attrOf(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
