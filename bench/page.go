package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

// newClient fetches pages the way wrk does: without Accept-Encoding, so that servers
// answer with the plain bytes, and without following redirects.
func newClient() *http.Client {
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{DisableCompression: true, Proxy: nil},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// fetch GETs url and requires a 200.
func fetch(ctx context.Context, client *http.Client, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: status %d, want 200", url, resp.StatusCode)
	}
	return body, nil
}

// firstArticlePath is the path of the first article linked from the French home page.
func firstArticlePath(home []byte) (string, error) { return articlePathIn(home, "fr", "article") }

// articlePathIn is the first article linked from a language's home page: the teaser
// titles first, any article link otherwise. segment is the language's word for
// articles in their paths ("article", "artikel").
func articlePathIn(home []byte, lang, segment string) (string, error) {
	prefix := regexp.QuoteMeta("/" + lang + "/" + segment + "/")
	teaserLink := regexp.MustCompile(`class="teaser-title"[^>]*>\s*<a\s[^>]*?href="(` + prefix + `[^"?#]+)["?#]`)
	articleLink := regexp.MustCompile(`href="(` + prefix + `[^"?#]+)["?#]`)
	for _, re := range []*regexp.Regexp{teaserLink, articleLink} {
		if m := re.FindSubmatch(home); m != nil {
			return string(m[1]), nil
		}
	}
	return "", fmt.Errorf("the home page /%s/ links to no article (no href=\"/%s/%s/…\")", lang, lang, segment)
}

// page is the article every scenario requests.
type page struct {
	Path string
	Body []byte
}

// samePage checks that a server's copy of the page matches the reference: the same
// length is required (for wrk, the same work); identical bytes are reported.
func samePage(server string, got []byte, ref page) (identical bool, err error) {
	if len(got) != len(ref.Body) {
		return false, fmt.Errorf("%s serves %s in %d bytes, the reference page has %d", server, ref.Path, len(got), len(ref.Body))
	}
	return bytes.Equal(got, ref.Body), nil
}

// freePort asks the kernel for a port on the loopback that nothing listens on.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func loopback(port int) string { return "127.0.0.1:" + strconv.Itoa(port) }

// waitHealthy polls url until it answers 200, the child exits, or the deadline passes.
func waitHealthy(ctx context.Context, client *http.Client, c *child, url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		if _, err := fetch(ctx, client, url); err == nil {
			return nil
		} else if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after %s: %w", c.name, timeout, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-c.done:
			return c.exited()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
