package newsroom

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

// failedJob enqueues a job of kind, claims it and gives it up with message.
func (e *env) failedJob(kind, message string) int64 {
	e.t.Helper()
	ctx := context.Background()
	id, err := e.store.EnqueueJob(ctx, store.NewJob{Kind: kind, RunAt: e.clock.Now()})
	if err != nil {
		e.t.Fatal(err)
	}
	job, err := e.store.Claim(ctx, "worker-1", []string{kind}, e.clock.Now(), time.Minute)
	if err != nil || job.ID != id {
		e.t.Fatalf("claim: %+v %v", job, err)
	}
	if err := e.store.Fail(ctx, id, "worker-1", message, time.Time{}); err != nil {
		e.t.Fatal(err)
	}
	return id
}

func TestJobsPage(t *testing.T) {
	onBothStores(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		message := "publishing failed: <script>alert(\"x\")</script> & more\n\tat line 2"
		failed := e.failedJob(editorial.JobPublishDue, message)
		later := e.clock.Now().Add(2 * time.Hour)
		pending, err := e.store.EnqueueJob(ctx, store.NewJob{Kind: "mirror.push", RunAt: later})
		if err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(time.Minute)
		admin, _ := e.as(auth.RoleAdmin)

		p := admin.get("/newsroom/jobs").want(t, http.StatusOK)
		counts := map[string]string{}
		for _, li := range p.all(t, "ul.counts li") {
			counts[nodeText(li.FirstChild)] = nodeText(li.LastChild)
		}
		want := map[string]string{"Waiting": "1", "Running": "0", "To be retried": "0", "Done": "0", "Failed": "1"}
		for k, v := range want {
			if counts[k] != v {
				t.Errorf("counts: %q, want %q", counts, want)
				break
			}
		}
		// Newest first, a group of rows each; times in the site's zone (Brussels, an hour
		// ahead of UTC in November).
		groups := p.all(t, "table.jobs tbody")
		if len(groups) != 2 || attrOf(groups[0], "id") != "job-"+idString(pending) || attrOf(groups[1], "id") != "job-"+idString(failed) {
			t.Fatalf("jobs: %d groups", len(groups))
		}
		rows := rowTexts(t, p, "table.jobs")
		if got := rows[0]; fmt.Sprint(got) != fmt.Sprint([]string{"mirror.push", "Waiting", "0", "25 November 2026, 12:00", "—"}) {
			t.Errorf("pending job: %q", got)
		}
		if p.count(t, "#job-"+idString(pending)+" td.error") != 0 {
			t.Error("an error shown for a job without one")
		}
		row := "#job-" + idString(failed)
		if got := p.text(t, row+" td.kind"); got != "Publish scheduled articles · publish.due" {
			t.Errorf("kind: %q", got)
		}
		if got := p.text(t, row+" td.state"); got != "Failed" {
			t.Errorf("state: %q", got)
		}
		if got := p.text(t, row+" td.error details summary"); got != "Last error" {
			t.Errorf("summary: %q", got)
		}
		pre := p.all(t, row+" td.error details pre")
		if len(pre) != 1 || pre[0].FirstChild == nil || pre[0].FirstChild.Data != message || pre[0].FirstChild.NextSibling != nil {
			t.Errorf("the error is not shown as plain text")
		}
		if strings.Contains(p.body, "<script>alert") || !strings.Contains(p.body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more") {
			t.Error("the error is not escaped")
		}
		if got := p.text(t, row+" td.finished"); got != "25 November 2026, 10:00" {
			t.Errorf("finished: %q", got)
		}

		// Filters.
		p = admin.get("/newsroom/jobs?state=failed").want(t, http.StatusOK)
		if p.count(t, "table.jobs tbody") != 1 || p.count(t, row) != 1 {
			t.Errorf("failed jobs: %q", rowTexts(t, p, "table.jobs"))
		}
		if p.count(t, `#f-state option[value="failed"][selected]`) != 1 {
			t.Error("the filter does not show its state")
		}
		if p.text(t, `ul.counts [aria-current="page"]`) != "Failed" || p.count(t, `ul.counts a[href="/newsroom/jobs?state=failed"]`) != 0 {
			t.Error("the failed count is not marked current")
		}
		if p.count(t, `ul.counts a[href="/newsroom/jobs?state=pending"]`) != 1 {
			t.Error("the other counts are not links")
		}
		p = admin.get("/newsroom/jobs?kind=mirror.push").want(t, http.StatusOK)
		if p.count(t, "table.jobs tbody") != 1 || p.count(t, "#job-"+idString(pending)) != 1 {
			t.Error("filter by kind")
		}
		p = admin.get("/newsroom/jobs?state=done&kind=publish.due").want(t, http.StatusOK)
		if p.count(t, "table.jobs") != 0 || !strings.Contains(p.text(t, "main"), "No jobs.") {
			t.Error("an empty result is not said")
		}
		admin.get("/newsroom/jobs?state=broken").want(t, http.StatusBadRequest)
		admin.get("/newsroom/jobs?page=-1").want(t, http.StatusBadRequest)
	})
}

func TestJobsPageIsTranslated(t *testing.T) {
	e := newEnv(t)
	e.failedJob(editorial.JobPublishDue, "boom")
	u := e.user(auth.RoleAdmin, "beheer@example.org")
	e.update(func(tx store.Tx) error {
		read := *u
		u.Lang = "nl"
		return tx.UpdateUser(context.Background(), read, u)
	})
	p := e.session(u).get("/newsroom/jobs").want(t, http.StatusOK)
	if got := p.text(t, "table.jobs td.kind"); got != "Ingeplande artikelen publiceren · publish.due" {
		t.Errorf("kind in Dutch: %q", got)
	}
	if got := p.text(t, "table.jobs td.state"); got != "Mislukt" {
		t.Errorf("state in Dutch: %q", got)
	}
}
