package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// The newsroom scenario's account and what it measures.
const (
	benchEmail    = "bench@example.org"
	benchPassword = "benchmark newsroom passphrase"
	// listRequests is how many times each filtered list is requested, one at a time.
	listRequests = 200
	// publishes is how many articles are published and waited for on the public site.
	publishes = 10
	// pollEvery is how often the public pages are asked whether the article is there.
	pollEvery = 5 * time.Millisecond
)

// newsroomResult is what the newsroom scenario measured.
type newsroomResult struct {
	Database string        `json:"database"`
	Lists    []listLatency `json:"lists"`
	// Publish-to-visible: from sending the publish request to the article's page, and
	// the home page whose cached copy was warm before, answering with it.
	PublishToPageMS []float64 `json:"publish_to_page_ms"`
	PublishToHomeMS []float64 `json:"publish_to_home_ms"`
	Hash            *hashCost `json:"argon2id,omitempty"`
}

// listLatency is one filtered newsroom list, requested listRequests times in a row.
type listLatency struct {
	Query string  `json:"query"`
	Rows  int     `json:"rows"` // articles on the first page
	P50MS float64 `json:"p50_ms"`
	P99MS float64 `json:"p99_ms"`
	MaxMS float64 `json:"max_ms"`
}

// hashCost is one argon2id hash at the newsroom's parameters, from the auth package's
// Go benchmark.
type hashCost struct {
	Params  string  `json:"params"`
	MSPerOp float64 `json:"ms_per_op"`
	MBPerOp float64 `json:"mb_per_op"`
}

// measureNewsroom signs in to the newsroom of the side's demo site, times its article
// list with the filters editors use, and times how long a published article takes to
// be served by the public site, with its page cache warm. It writes to the data
// directory (an account, the published articles), so it runs after the scenarios that
// only read. The password hash is the tree's own Go benchmark, so the reference has none.
func (b *bench) measureNewsroom(ctx context.Context, s *side) error {
	res := &newsroomResult{Database: "sqlite"}
	s.res.Newsroom = res
	if !s.ref {
		if err := b.measureHash(ctx, res); err != nil {
			return err
		}
	}
	srv, err := b.startRoneo(ctx, s, roneoInstance{label: scenarioNewsroom, pageCache: true})
	if err != nil {
		return err
	}
	defer srv.stop()
	nc, err := b.newsroomSignIn(ctx, s, srv, false)
	if err != nil {
		return err
	}
	if err := b.measureLists(ctx, nc, srv.base, res); err != nil {
		return err
	}
	return b.measurePublish(ctx, nc, srv.base, res)
}

// newsroomSignIn makes the benchmark's admin account on the side's site (SQLite, or its
// PostgreSQL schema) from the one-time set-up link, or a reset link when a previous run
// or scenario made it, and signs in to srv's newsroom.
func (b *bench) newsroomSignIn(ctx context.Context, s *side, srv *roneoServer, onPostgres bool) (*http.Client, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	nc := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	linkRe := regexp.MustCompile(`http://\S+/newsroom/(setup|reset)/\S+`)
	where := append(s.where(b, onPostgres), "--base-url", srv.base)
	out, err := runTool(ctx, b.root, append([]string{s.bin, "user", "setup-link"}, where...)...)
	form := url.Values{"name": {"Benchmark"}, "email": {benchEmail}, "lang": {"en"},
		"password": {benchPassword}, "password2": {benchPassword}}
	if err != nil {
		// The site has accounts already: the benchmark's, from an earlier run on -data
		// or an earlier scenario.
		out, err = runTool(ctx, b.root, append([]string{s.bin, "user", "reset-link", "--email", benchEmail}, where...)...)
		if err != nil {
			return nil, fmt.Errorf("the site has newsroom accounts and none is %s: %w", benchEmail, err)
		}
	}
	link := linkRe.Find(out)
	if link == nil {
		return nil, fmt.Errorf("no link in %q", out)
	}
	b.logf("signing in to the newsroom (%s) as %s", s.describe(), benchEmail)
	if _, err := post(ctx, nc, string(link), form); err != nil {
		return nil, err
	}
	if _, err := post(ctx, nc, srv.base+"/newsroom/signin", url.Values{"email": {benchEmail}, "password": {benchPassword}}); err != nil {
		return nil, err
	}
	if body, err := fetchText(ctx, nc, srv.base+"/newsroom/articles"); err != nil || !strings.Contains(body, `action="/newsroom/signout"`) {
		return nil, fmt.Errorf("not signed in to the newsroom (%v)", err)
	}
	return nc, nil
}

// measureLists requests each filtered list in turn, listRequests times, one at a time.
func (b *bench) measureLists(ctx context.Context, nc *http.Client, base string, res *newsroomResult) error {
	page, err := fetchText(ctx, nc, base+"/newsroom/articles")
	if err != nil {
		return err
	}
	section := firstOption(page, "section")
	author, err := authorWithArticles(ctx, nc, base, options(page, "author"))
	if err != nil {
		return err
	}
	queries := []string{
		"", "status=draft", "status=published", "lang=nl", "kind=press_release",
		"status=published&lang=fr&section=" + section, "author=" + author,
		"q=grève", "q=zzzz", "status=published&page=40",
	}
	for _, q := range queries {
		u := base + "/newsroom/articles?" + encodeQuery(q)
		lat := make([]float64, 0, listRequests)
		var rows int
		for range listRequests {
			start := time.Now()
			body, err := fetchText(ctx, nc, u)
			if err != nil {
				return fmt.Errorf("newsroom list %q: %w", q, err)
			}
			lat = append(lat, ms(time.Since(start)))
			rows = strings.Count(body, `<td class="title-cell">`)
		}
		l := listLatency{Query: q, Rows: rows, P50MS: percentile(lat, 50), P99MS: percentile(lat, 99), MaxMS: slices.Max(lat)}
		b.logf("newsroom list ?%s: %d rows, p50 %.1f ms, p99 %.1f ms", q, rows, l.P50MS, l.P99MS)
		res.Lists = append(res.Lists, l)
	}
	return nil
}

var editorRe = regexp.MustCompile(`^/newsroom/articles/(\d+)`)

// measurePublish writes articles and publishes them, timing until the public site
// serves each one: its own page, and the home page, fetched before so that its cached
// copy is warm. The home page is warmed after the draft is saved: saving is a change
// too, and a page cache purged whole on every change would otherwise be cold again
// when the article is published.
func (b *bench) measurePublish(ctx context.Context, nc *http.Client, base string, res *newsroomResult) error {
	for i := range publishes {
		home := base + "/fr/"
		title := publishTitle(i)
		d, err := saveDraft(ctx, nc, base, title)
		if err != nil {
			return err
		}
		for range 3 { // warm: the second request onwards comes from the page cache
			if _, err := fetchText(ctx, b.http, home); err != nil {
				return err
			}
		}
		loc, start, err := d.publish(ctx, nc, base)
		if err != nil {
			return err
		}
		editor, err := fetchText(ctx, nc, base+loc)
		if err != nil {
			return err
		}
		public := regexp.MustCompile(`href="(/fr/[^"/]+/[^"/]+)"[^>]*>`).FindAllStringSubmatch(editor, -1)
		path := ""
		for _, p := range public {
			if strings.Contains(p[1], "mesure-de-publication") {
				path = p[1]
			}
		}
		if path == "" {
			return errors.New("the editor shows no public address for the published article")
		}
		toPage, err := b.pollUntil(ctx, base+path, title, start)
		if err != nil {
			return err
		}
		toHome, err := b.pollUntil(ctx, home, title, start)
		if err != nil {
			return err
		}
		res.PublishToPageMS = append(res.PublishToPageMS, toPage)
		res.PublishToHomeMS = append(res.PublishToHomeMS, toHome)
	}
	b.logf("publish to visible: article page median %.0f ms (max %.0f), warm home page median %.0f ms (max %.0f)",
		median(res.PublishToPageMS), slices.Max(res.PublishToPageMS),
		median(res.PublishToHomeMS), slices.Max(res.PublishToHomeMS))
	return nil
}

// publishTitle is the title of the i-th article a scenario publishes: unique, so that
// its appearance on a page can only be this publish's.
func publishTitle(i int) string {
	return fmt.Sprintf("Mesure de publication %d %d", time.Now().UnixNano(), i)
}

// publishArticle saves a French draft through the newsroom at base and publishes it.
// It returns where publishing led (the article's editor) and when the publish request
// was sent, from which publish-to-visible is timed.
func publishArticle(ctx context.Context, nc *http.Client, base, title string) (loc string, start time.Time, err error) {
	d, err := saveDraft(ctx, nc, base, title)
	if err != nil {
		return "", start, err
	}
	return d.publish(ctx, nc, base)
}

// draft is an article saved in the newsroom and not yet published.
type draft struct {
	id   string
	form url.Values
}

// saveDraft saves a French article, without section, tags or dossier, as a draft.
func saveDraft(ctx context.Context, nc *http.Client, base, title string) (draft, error) {
	form := url.Values{"title": {title}, "body": {"Un paragraphe écrit par le banc d’essai."},
		"lang": {"fr"}, "kind": {"article"}, "version": {"0"}}
	loc, err := post(ctx, nc, base+"/newsroom/articles/new", form)
	if err != nil {
		return draft{}, err
	}
	m := editorRe.FindStringSubmatch(loc)
	if m == nil {
		return draft{}, fmt.Errorf("saving a draft led to %q, not its editor", loc)
	}
	form.Set("version", "1")
	return draft{id: m[1], form: form}, nil
}

// publish publishes the draft; see publishArticle.
func (d draft) publish(ctx context.Context, nc *http.Client, base string) (loc string, start time.Time, err error) {
	start = time.Now()
	loc, err = post(ctx, nc, base+"/newsroom/articles/"+d.id+"/publish", d.form)
	if err != nil {
		return "", start, err
	}
	if !strings.Contains(loc, "done=published") {
		return "", start, fmt.Errorf("publishing led to %q", loc)
	}
	return loc, start, nil
}

// pollUntil asks for u until its body holds want, and returns the time since start.
func (b *bench) pollUntil(ctx context.Context, u, want string, start time.Time) (float64, error) {
	deadline := start.Add(30 * time.Second)
	for time.Now().Before(deadline) {
		body, err := fetchText(ctx, b.http, u)
		if err == nil && strings.Contains(body, want) {
			return ms(time.Since(start)), nil
		}
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		time.Sleep(pollEvery)
	}
	return 0, fmt.Errorf("%s did not show %q within 30 s of publishing", u, want)
}

// measureHash runs the auth package's Go benchmark of one password hash.
func (b *bench) measureHash(ctx context.Context, res *newsroomResult) error {
	b.logf("timing one argon2id hash (go test -bench Hash ./internal/auth)")
	out, err := runTool(ctx, b.root, "go", "test", "-run", "^$", "-bench", "^BenchmarkHash$", "-benchmem", "-benchtime", "20x", "./internal/auth")
	if err != nil {
		return err
	}
	h, err := parseHashBench(string(out))
	if err != nil {
		return err
	}
	res.Hash = h
	b.logf("argon2id (%s): %.1f ms, %.1f MB a hash", h.Params, h.MSPerOp, h.MBPerOp)
	return nil
}

var hashBenchRe = regexp.MustCompile(`BenchmarkHash\S*\s+\d+\s+(\d+) ns/op\s+(\d+) B/op`)
var hashParamsRe = regexp.MustCompile(`params: (.+)`)

func parseHashBench(out string) (*hashCost, error) {
	m := hashBenchRe.FindStringSubmatch(out)
	if m == nil {
		return nil, fmt.Errorf("no BenchmarkHash figures in %q", out)
	}
	var ns, bytes float64
	fmt.Sscan(m[1], &ns)
	fmt.Sscan(m[2], &bytes)
	h := &hashCost{MSPerOp: ns / 1e6, MBPerOp: bytes / 1e6}
	if p := hashParamsRe.FindStringSubmatch(out); p != nil {
		h.Params = strings.TrimSpace(p[1])
	}
	return h, nil
}

// firstOption is the value of the first numbered option of a select, "" if none.
func firstOption(page, name string) string {
	if o := options(page, name); len(o) > 0 {
		return o[0]
	}
	return ""
}

// options are the numbered values of a select's options.
func options(page, name string) []string {
	sel := regexp.MustCompile(`(?s)<select[^>]*name="` + name + `"[^>]*>(.*?)</select>`).FindStringSubmatch(page)
	if sel == nil {
		return nil
	}
	var out []string
	for _, m := range regexp.MustCompile(`<option value="(\d+)"`).FindAllStringSubmatch(sel[1], -1) {
		out = append(out, m[1])
	}
	return out
}

// authorWithArticles is the first of the people offered whose filter lists articles.
func authorWithArticles(ctx context.Context, nc *http.Client, base string, ids []string) (string, error) {
	for _, id := range ids {
		body, err := fetchText(ctx, nc, base+"/newsroom/articles?author="+id)
		if err != nil {
			return "", err
		}
		if strings.Contains(body, `<td class="title-cell">`) {
			return id, nil
		}
	}
	return "", errors.New("no author in the list's filter has articles")
}

// encodeQuery escapes the values of a query string written for people.
func encodeQuery(q string) string {
	v, _ := url.ParseQuery(q)
	return v.Encode()
}

// post sends a form, as a browser of the same origin would, and returns where the
// answer redirects to; anything but a redirect is an error.
func post(ctx context.Context, c *http.Client, u string, form url.Values) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusSeeOther && resp.StatusCode != http.StatusFound {
		return "", fmt.Errorf("POST %s: %s: %s", u, resp.Status, body)
	}
	return resp.Header.Get("Location"), nil
}

// fetchText is fetch, as a string.
func fetchText(ctx context.Context, c *http.Client, u string) (string, error) {
	body, err := fetch(ctx, c, u)
	return string(body), err
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// percentile of values, by the nearest rank; values is not changed.
func percentile(values []float64, p float64) float64 {
	if len(values) == 0 {
		return 0
	}
	s := slices.Clone(values)
	slices.Sort(s)
	rank := int(p/100*float64(len(s))+0.5) - 1
	return s[max(0, min(rank, len(s)-1))]
}

// The newsroom issue's targets.
const (
	targetListP99MS        = 100.0
	targetPublishVisibleMS = 1000.0
)

// newsroomTargets judge the slowest list's p99 and the slowest publish, when measured.
func (r *results) newsroomTargets() []target {
	if !slices.Contains(r.Settings.Only, scenarioNewsroom) {
		return nil
	}
	list := target{Name: "newsroom list p99 ≤ 100 ms (slowest filter)", Limit: targetListP99MS, Unit: "ms", AtMost: true}
	publish := target{Name: "publish to visible ≤ 1 s (slowest, warm cache)", Limit: targetPublishVisibleMS, Unit: "ms", AtMost: true}
	n := r.Newsroom
	if n == nil || len(n.Lists) == 0 || len(n.PublishToHomeMS) == 0 {
		return []target{list.check(nil, ""), publish.check(nil, "")}
	}
	var worst float64
	for _, l := range n.Lists {
		worst = max(worst, l.P99MS)
	}
	slowest := max(slices.Max(n.PublishToPageMS), slices.Max(n.PublishToHomeMS))
	return []target{list.check(&worst, ""), publish.check(&slowest, "")}
}

// printNewsroom prints the newsroom scenario's figures.
func printNewsroom(out io.Writer, r *results) {
	n := r.Newsroom
	if n == nil {
		return
	}
	fmt.Fprintf(out, "\nNewsroom (%s), each list requested %d times one at a time:\n", n.Database, listRequests)
	for _, l := range n.Lists {
		fmt.Fprintf(out, "  ?%-40s %3d rows  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms\n", l.Query, l.Rows, l.P50MS, l.P99MS, l.MaxMS)
	}
	if len(n.PublishToPageMS) > 0 {
		fmt.Fprintf(out, "  publish to visible (%d articles): article page median %.0f ms, max %.0f ms; warm home page median %.0f ms, max %.0f ms\n",
			len(n.PublishToPageMS), median(n.PublishToPageMS), slices.Max(n.PublishToPageMS),
			median(n.PublishToHomeMS), slices.Max(n.PublishToHomeMS))
	}
	if h := n.Hash; h != nil {
		fmt.Fprintf(out, "  one password hash (%s): %.1f ms, %.1f MB\n", h.Params, h.MSPerOp, h.MBPerOp)
	}
}
