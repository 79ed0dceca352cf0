// Package storetest is the behaviour every store backend must show, written once and run
// against each backend (SQLite, PostgreSQL) by that backend's tests.
//
// It imports the store interfaces, the content domain and the standard testing package;
// never a backend, so that the suite cannot lean on one backend's quirks.
package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/store"
)

// start is the fake clock's first reading: not in UTC and with nanoseconds, so that the
// suite sees whether stores hand times back in UTC, truncated to seconds.
var start = time.Date(2026, time.March, 2, 10, 30, 15, 123456789, time.FixedZone("CET", 3600))

// Run runs the suite. open must return a fresh, empty, migrated store that reads the time
// from clock, and close it when t ends (t.Cleanup). Subtests run in parallel, so open is
// called from several goroutines at once.
func Run(t *testing.T, open func(t *testing.T, clock func() time.Time) store.Store) {
	tests := []struct {
		name string
		test func(*testing.T, *env)
	}{
		{"SiteDefaults", testSiteDefaults},
		{"SiteRoundTrip", testSiteRoundTrip},
		{"SiteHosts", testSiteHosts},
		{"Persons", testPersons},
		{"Sections", testSections},
		{"Tags", testTags},
		{"Dossiers", testDossiers},
		{"FailedUpdateRollsBack", testFailedUpdateRollsBack},
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"ArticleErrors", testArticleErrors},
		{"ArticleTranslations", testArticleTranslations},
		{"UpdateArticleVersion", testUpdateArticleVersion},
		{"UpdateArticleStale", testUpdateArticleStale},
		{"IgnoredErrorRollsBack", testIgnoredErrorRollsBack},
		{"SlugRedirects", testSlugRedirects},
		{"StatusNormalisation", testStatusNormalisation},
		{"ArticlesList", testArticlesList},
		{"ArticlesPagination", testArticlesPagination},
		{"ArticleIndex", testArticleIndex},
		{"RelatedReading", testRelatedReading},
		{"DossierArticles", testDossierArticles},
		{"DossierLists", testDossierLists},
		{"NextScheduled", testNextScheduled},
		{"DueArticles", testDueArticles},
		{"AffectedKeys", testAffectedKeys},
		{"Redirects", testRedirects},
		{"Subscribe", testSubscribe},
		{"ConcurrentReadWrite", testConcurrentReadWrite},
		{"JobsClaimOrder", testJobsClaimOrder},
		{"JobsKinds", testJobsKinds},
		{"JobsClaimConcurrent", testJobsClaimConcurrent},
		{"JobsLeaseExpiry", testJobsLeaseExpiry},
		{"JobsExtend", testJobsExtend},
		{"JobsFail", testJobsFail},
		{"JobsNextRunAt", testJobsNextRunAt},
		{"JobsDedupe", testJobsDedupe},
		{"JobsDedupeConcurrent", testJobsDedupeConcurrent},
		{"JobsList", testJobsList},
		{"JobsAndThrottleAreSilent", testJobsAndThrottleAreSilent},
		{"ThrottleCounts", testThrottleCounts},
		{"ThrottleConcurrent", testThrottleConcurrent},
		{"ThrottleForgetsOldWindows", testThrottleForgetsOldWindows},
		{"Users", testUsers},
		{"Sessions", testSessions},
		{"Tokens", testTokens},
		{"Audit", testAudit},
		{"Revisions", testRevisions},
		{"Trash", testTrash},
		{"Previews", testPreviews},
		{"Autosaves", testAutosaves},
		{"NewsroomArticles", testNewsroomArticles},
		{"NewsroomTitleSearch", testNewsroomTitleSearch},
		{"Pickers", testPickers},
		{"UpdateTaxonomy", testUpdateTaxonomy},
		{"SearchLanguages", testSearchLanguages},
		{"SearchSyntax", testSearchSyntax},
		{"SearchRanking", testSearchRanking},
		{"SearchFilters", testSearchFilters},
		{"SearchVisibility", testSearchVisibility},
		{"SearchHits", testSearchHits},
		{"SearchPagination", testSearchPagination},
		{"SearchBadInput", testSearchBadInput},
		{"SearchAccents", testSearchAccents},
		{"SearchWithoutWords", testSearchWithoutWords},
		{"SearchReindex", testSearchReindex},
		{"SearchSameTransaction", testSearchSameTransaction},
		{"SearchDocuments", testSearchDocuments},
		{"SearchDocumentHits", testSearchDocumentHits},
		{"SearchDocumentsWithArticles", testSearchDocumentsWithArticles},
		{"SearchDocumentsVisibility", testSearchDocumentsVisibility},
		{"SearchDocumentsReplaceAndRemove", testSearchDocumentsReplaceAndRemove},
		{"SearchDocumentsSameTransaction", testSearchDocumentsSameTransaction},
		{"SearchDocumentsReindex", testSearchDocumentsReindex},
		{"SearchDocumentsInvalid", testSearchDocumentsInvalid},
		{"Photos", testPhotos},
		{"PhotoLibrary", testPhotoLibrary},
		{"UpdatePhoto", testUpdatePhoto},
		{"Albums", testAlbums},
		{"PhotoUses", testPhotoUses},
		{"ArticlePhotos", testArticlePhotos},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := &Clock{now: start}
			tc.test(t, &env{st: open(t, c.Now), clock: c})
		})
	}
}

// env is what each test gets: its own store and the clock that store reads.
type env struct {
	st    store.Store
	clock *Clock
}

// now is the clock's time as a store hands it back: UTC, whole seconds.
func (e *env) now() time.Time { return e.clock.Now().UTC().Truncate(time.Second) }

// Clock is a clock that moves only when a test says so; stores and servers under test
// take its Now.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock stopped at t.
func NewClock(t time.Time) *Clock { return &Clock{now: t} }

func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
