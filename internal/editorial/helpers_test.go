package editorial_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/pgtest"
	"github.com/roneo/roneo/internal/store/sqlstore"
	"github.com/roneo/roneo/internal/store/storetest"
	"github.com/roneo/roneo/internal/testkit"
)

// start is the fake clock's first reading: not in UTC and with nanoseconds, so that the
// tests see whether the core hands times to the store as it keeps them (UTC, seconds).
var start = time.Date(2026, time.March, 2, 10, 30, 15, 123456789, time.FixedZone("CET", 3600))

// opener opens another instance of one test database: several instances share it, as
// several servers share one site's database.
type opener func(tb testing.TB) store.Store

// backends are the databases every test runs on. Each call of open returns a fresh,
// empty, migrated database for the test and an opener for more instances of it.
var backends = []struct {
	name string
	open func(tb testing.TB, clock *storetest.Clock) opener
}{
	{"sqlite", func(tb testing.TB, clock *storetest.Clock) opener {
		dir := tb.TempDir()
		return func(tb testing.TB) store.Store {
			tb.Helper()
			db, err := sqlstore.OpenSQLite(context.Background(), dir, sqlstore.Options{Clock: clock.Now})
			if err != nil {
				tb.Fatalf("OpenSQLite: %v", err)
			}
			tb.Cleanup(func() { db.Close() })
			return db
		}
	}},
	{"postgres", func(tb testing.TB, clock *storetest.Clock) opener {
		u := pgURL(tb)
		return func(tb testing.TB) store.Store {
			tb.Helper()
			db, err := sqlstore.OpenPostgres(context.Background(), u, sqlstore.Options{Clock: clock.Now})
			if err != nil {
				tb.Fatalf("OpenPostgres: %v", err)
			}
			tb.Cleanup(func() { db.Close() })
			return db
		}
	}},
}

// pgURL is a fresh PostgreSQL schema. These tests never skip PostgreSQL: without it
// they fail, so that a run without it is not taken for a run of the whole suite.
func pgURL(tb testing.TB) string {
	tb.Helper()
	if os.Getenv(pgtest.Env) == "" {
		tb.Fatalf("%s is not set: these tests run on PostgreSQL too", pgtest.Env)
	}
	return pgtest.URL(tb)
}

// forEachStore runs fn in parallel subtests, once on a fresh SQLite database and once
// on a fresh PostgreSQL schema, each with a stopped clock that the store reads.
func forEachStore(t *testing.T, fn func(t *testing.T, st store.Store, clock *storetest.Clock)) {
	t.Helper()
	forEachDatabase(t, func(t *testing.T, open opener, clock *storetest.Clock) { fn(t, open(t), clock) })
}

// forEachDatabase is forEachStore for tests that open several instances of a database.
func forEachDatabase(t *testing.T, fn func(t *testing.T, open opener, clock *storetest.Clock)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			clock := storetest.NewClock(start)
			fn(t, b.open(t, clock), clock)
		})
	}
}

// newService is the editorial core on st, reading clock.
func newService(st store.Store, clock *storetest.Clock) *editorial.Service {
	return editorial.New(st, editorial.Config{Clock: clock.Now})
}

// stored is how the store hands a time back: UTC, whole seconds.
func stored(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// MustUser creates a newsroom account with role and returns it as an actor.
func MustUser(tb testing.TB, st store.Store, role auth.Role, name string) editorial.Actor {
	tb.Helper()
	u := &auth.User{Email: name + "@example.org", Name: name, Role: role, Lang: "fr", PasswordHash: "not a real hash"}
	storetest.MustUpdate(tb, st, func(tx store.Tx) error { return tx.CreateUser(tb.Context(), u) })
	return editorial.Person(u)
}

// draft is the input of a new French article.
func draft(title string) editorial.ArticleInput {
	return editorial.ArticleInput{Kind: content.KindArticle, Lang: "fr", Title: title, Body: "Le texte de « " + title + " »."}
}

// inputOf is the editor's form for a stored article, as it shows it: every field and
// choice as they are, based on the version read.
func inputOf(a *content.Article) editorial.ArticleInput {
	in := editorial.ArticleInput{
		ID: a.ID, Version: a.Version, Kind: a.Kind, Lang: a.Lang, Title: a.Title, Standfirst: a.Standfirst,
		Signature: a.Signature, Body: a.Body, SectionID: a.SectionID, TagIDs: a.TagIDs, AuthorIDs: a.AuthorIDs,
		ContactIDs: a.ContactIDs, RelatedIDs: a.RelatedIDs, Featured: a.Featured, PublishAt: a.PublishAt, Image: a.Image,
		PhotoID: a.PhotoID,
	}
	if a.StoryID != a.ID {
		in.TranslationOf = a.StoryID
	}
	return in
}

// MustSave runs SaveArticle and fails the test on an error.
func MustSave(tb testing.TB, svc *editorial.Service, actor editorial.Actor, in editorial.ArticleInput, step content.Transition) *content.Article {
	tb.Helper()
	a, err := svc.SaveArticle(tb.Context(), actor, in, step)
	if err != nil {
		tb.Fatalf("SaveArticle(%q, %q): %v", in.Title, step, err)
	}
	return a
}

// MustArticle reads an article as stored.
func MustArticle(tb testing.TB, st store.Store, id int64) *content.Article {
	tb.Helper()
	a, err := st.ArticleByID(tb.Context(), id)
	if err != nil {
		tb.Fatalf("ArticleByID(%d): %v", id, err)
	}
	return a
}

// MustRevisions lists an article's revisions, the newest first.
func MustRevisions(tb testing.TB, st store.Store, id int64) []store.Revision {
	tb.Helper()
	revs, err := st.Revisions(tb.Context(), store.ArticleSubject(id))
	if err != nil {
		tb.Fatalf("Revisions(%d): %v", id, err)
	}
	return revs
}

// MustAudit reads the audit log, the newest first.
func MustAudit(tb testing.TB, st store.Store, q store.AuditQuery) []store.AuditEntry {
	tb.Helper()
	if q.Limit == 0 {
		q.Limit = 1000
	}
	entries, err := st.AuditLog(tb.Context(), q)
	if err != nil {
		tb.Fatalf("AuditLog(%+v): %v", q, err)
	}
	return entries
}

// auditActions lists the actions of the audit log on target, the newest first.
func auditActions(tb testing.TB, st store.Store, target string) []string {
	tb.Helper()
	var out []string
	for _, e := range MustAudit(tb, st, store.AuditQuery{}) {
		if e.Target == target {
			out = append(out, e.Action)
		}
	}
	return out
}

func target(id int64) string { return "article " + strconv.FormatInt(id, 10) }

// MustMembers lists every article of a dossier, in order, whatever its state.
func MustMembers(tb testing.TB, st store.Store, dossierID int64) []int64 {
	tb.Helper()
	ids, err := st.DossierMembers(tb.Context(), dossierID)
	if err != nil {
		tb.Fatalf("DossierMembers(%d): %v", dossierID, err)
	}
	return ids
}

// MustDossier saves a new French dossier holding members.
func MustDossier(tb testing.TB, svc *editorial.Service, actor editorial.Actor, title string, members ...int64) *content.Dossier {
	tb.Helper()
	d, err := svc.SaveDossier(tb.Context(), actor, editorial.DossierInput{Lang: "fr", Title: title, Members: members})
	if err != nil {
		tb.Fatalf("SaveDossier(%q): %v", title, err)
	}
	return d
}

// MustTag creates a tag in lang.
func MustTag(tb testing.TB, svc *editorial.Service, lang content.Lang, name string) content.Tag {
	tb.Helper()
	tag, err := svc.CreateTag(tb.Context(), editorial.System("test"), lang, name)
	if err != nil {
		tb.Fatalf("CreateTag(%s, %q): %v", lang, name, err)
	}
	return *tag
}

// MustPerson creates a person.
func MustPerson(tb testing.TB, svc *editorial.Service, name string) content.Person {
	tb.Helper()
	p := &content.Person{Name: name}
	if err := svc.SavePerson(tb.Context(), editorial.System("test"), p, "fr"); err != nil {
		tb.Fatalf("SavePerson(%q): %v", name, err)
	}
	return *p
}

// MustSection creates a section named name in French.
func MustSection(tb testing.TB, svc *editorial.Service, name string) content.Section {
	tb.Helper()
	s := &content.Section{Names: map[content.Lang]content.SectionName{"fr": {Name: name}}}
	if err := svc.SaveSection(tb.Context(), editorial.System("test"), s); err != nil {
		tb.Fatalf("SaveSection(%q): %v", name, err)
	}
	return *s
}

// publicationJobs lists the publish.due jobs in state ("" for every state), the
// newest first, as the admin page reads them: nothing is claimed.
func publicationJobs(tb testing.TB, st store.Store, state store.JobState) []store.JobInfo {
	tb.Helper()
	jobs, err := st.Jobs(tb.Context(), store.JobQuery{Kind: editorial.JobPublishDue, State: state, Limit: 100})
	if err != nil {
		tb.Fatalf("Jobs: %v", err)
	}
	return jobs
}

// pendingAt lists the pending publish.due jobs due at at, with their keys.
func pendingAt(tb testing.TB, st store.Store, at time.Time) []store.JobInfo {
	tb.Helper()
	var out []store.JobInfo
	for _, j := range publicationJobs(tb, st, store.JobPending) {
		if j.RunAt.Equal(at) {
			out = append(out, j)
		}
	}
	return out
}

// checkPendingAt fails unless exactly one pending publish.due job is due at at, keyed
// with its Unix time: jobs for one time are one job.
func checkPendingAt(tb testing.TB, st store.Store, at time.Time) {
	tb.Helper()
	got := pendingAt(tb, st, at)
	if len(got) != 1 || got[0].Key != strconv.FormatInt(at.Unix(), 10) {
		tb.Errorf("pending publication jobs at %v: %+v; want one keyed %d\nall: %+v", at, got, at.Unix(), publicationJobs(tb, st, ""))
	}
}

// checkProblems fails unless err is a *content.ValidationError with exactly want.
func checkProblems(tb testing.TB, what string, err error, want map[string]string) {
	tb.Helper()
	var ve *content.ValidationError
	if !errors.As(err, &ve) {
		tb.Fatalf("%s: error %v, want a validation error with %v", what, err, want)
	}
	if !maps.Equal(ve.Problems, want) {
		tb.Errorf("%s: problems %v, want %v", what, ve.Problems, want)
	}
	if !errors.Is(err, content.ErrInvalid) {
		tb.Errorf("%s: %v does not wrap content.ErrInvalid", what, err)
	}
}

// changes keeps what a subscriber heard; stores call it from any goroutine.
type changes struct {
	mu    sync.Mutex
	heard []store.Change
	// signal gets a value after each change, without ever blocking the store.
	signal chan struct{}
}

// listen subscribes to st until the test ends.
func listen(tb testing.TB, st store.Store) *changes {
	c := &changes{signal: make(chan struct{}, 1)}
	tb.Cleanup(st.Subscribe(func(ch store.Change) {
		c.mu.Lock()
		c.heard = append(c.heard, ch)
		c.mu.Unlock()
		select {
		case c.signal <- struct{}{}:
		default:
		}
	}))
	return c
}

func (c *changes) all() []store.Change {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.heard)
}

// mark is a key no use case names: committing it shows that every change before it
// has been heard.
const mark content.Key = "test:mark"

// since commits a marker change, waits until it is heard and returns what was heard
// after the first n changes and before the marker. Subscribers hear this instance's
// changes in the order they committed, so nothing the use cases did is still on its way.
func (c *changes) since(tb testing.TB, st store.Store, n int) []store.Change {
	tb.Helper()
	storetest.MustUpdate(tb, st, func(tx store.Tx) error { tx.Affect(mark); return nil })
	deadline := time.After(testkit.Patience)
	for {
		heard := c.all()
		for i, ch := range heard {
			if i >= n && slices.Equal(ch.Keys, []content.Key{mark}) {
				return heard[n:i]
			}
		}
		select {
		case <-c.signal:
		case <-deadline:
			tb.Fatalf("the marker change was not heard in %s; heard %+v", testkit.Patience, heard)
		}
	}
}

// waitFor waits for cond, checked after each change heard and at least every 10 ms
// (a change may come from another instance of the database), until testkit.Patience
// runs out.
func (c *changes) waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.After(testkit.Patience)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-c.signal:
		case <-tick.C:
		case <-deadline:
			tb.Fatalf("waited %s for %s", testkit.Patience, what)
		}
	}
}
