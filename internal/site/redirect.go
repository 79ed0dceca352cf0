package site

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
	"github.com/roneo/roneo/internal/webkit"
)

// root answers "/": an old address with a query string ("/?p=123", "/?cat=4", as a
// WordPress site had) first, then the default language's home page.
func (s *Server) root(w http.ResponseWriter, r *http.Request) error {
	if r.URL.RawQuery != "" {
		if done, err := s.redirectOld(w, r); done || err != nil {
			return err
		}
	}
	st, err := s.current(r.Context())
	if err != nil {
		return err
	}
	http.Redirect(w, r, s.scheme.Path(urls.Page{Kind: urls.Home, Lang: st.site.DefaultLang()}), http.StatusFound)
	return nil
}

// unknown answers an address where no page is: the redirect recorded for it, if any,
// else notFound.
func (s *Server) unknown(w http.ResponseWriter, r *http.Request, notFound error) error {
	done, err := s.redirectOld(w, r)
	if done || err != nil {
		return err
	}
	if to, ok := s.feedAlias(r.Context(), r.URL.Path); ok && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return nil
	}
	return notFound
}

// feedAliases are the last segments by which feed readers, and sites this one may have
// replaced (WordPress's /feed/, /feed/rss2/, /feed/atom/), ask for a list's feed, and
// the format each stands for.
var feedAliases = map[string]string{"feed": "atom", "atom": "atom", "rss": "rss", "rss2": "rss", "json": "json"}

// feedAlias finds the feed an address such as /fr/rubrique/belgique/feed/ or /feed/
// asks for: the feed of the list before it (the default language's home page for the
// root), in the format it names.
func (s *Server) feedAlias(ctx context.Context, path string) (string, bool) {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	ext, ok := feedAliases[segs[len(segs)-1]]
	if !ok || len(path) > urls.MaxPathLen {
		return "", false
	}
	segs = segs[:len(segs)-1]
	if n := len(segs); n > 0 && segs[n-1] == "feed" { // /feed/rss2/
		segs = segs[:n-1]
	}
	var parent urls.Page
	if len(segs) == 0 {
		st, err := s.current(ctx)
		if err != nil {
			return "", false
		}
		parent = urls.Page{Kind: urls.Home, Lang: st.site.DefaultLang()}
	} else {
		parsed := s.scheme.Parse("/" + strings.Join(segs, "/"))
		if parsed.Status == urls.NotFound || parsed.Page.Num > 1 {
			return "", false
		}
		// A feed readers would not find is no place to send them.
		if visible, err := s.visible(ctx, s.scheme.Path(parsed.Page), 1); err != nil || !visible {
			return "", false
		}
		parent = parsed.Page
	}
	k, ok := parent.Kind.Feed()
	if !ok {
		return "", false
	}
	return s.scheme.Path(urls.Page{Kind: k, Lang: parent.Lang, Key: parent.Key, Ext: ext}), true
}

// redirectOld answers the request with its recorded redirect, and reports whether it
// did. An address recorded as gone answers 410; one that leads to a page readers may
// not see (a draft, an embargoed release) answers as if it were unknown.
func (s *Server) redirectOld(w http.ResponseWriter, r *http.Request) (bool, error) {
	ctx := r.Context()
	rd, err := s.store.FindRedirect(ctx, urls.OldAddresses(r.URL.Path, r.URL.RawQuery))
	switch {
	case errors.Is(err, store.ErrNotFound):
		return false, nil
	case err != nil:
		return false, err
	case rd.Gone:
		return true, webkit.Gone(errors.New("recorded as gone"))
	}
	if strings.HasPrefix(rd.To, "/") {
		visible, err := s.visible(ctx, rd.To, 2)
		if err != nil || !visible {
			return false, err
		}
	}
	http.Redirect(w, r, rd.To, http.StatusMovedPermanently)
	return true, nil
}

// visible reports whether readers would find a page at target, a path of this site
// (with a query string or not), following up to hops of the scheme's own redirects.
func (s *Server) visible(ctx context.Context, target string, hops int) (bool, error) {
	u, err := url.Parse(target)
	if err != nil {
		return false, nil
	}
	parsed := s.scheme.Parse(u.Path)
	switch parsed.Status {
	case urls.Redirect:
		return hops > 0 && parsed.Location != target && func() bool {
			ok, _ := s.visible(ctx, parsed.Location, hops-1)
			return ok
		}(), nil
	case urls.NotFound:
		// Perhaps an old address itself, whose own redirect the reader will follow.
		_, err := s.store.FindRedirect(ctx, urls.OldAddresses(u.Path, u.RawQuery))
		if errors.Is(err, store.ErrNotFound) {
			return false, nil
		}
		return err == nil, err
	}
	switch parsed.Page.Kind {
	case urls.Root, urls.Media, urls.Asset, urls.Search:
		return true, nil
	}
	if s.cache.has(u.Path) {
		return true, nil
	}
	resp, err := s.Build(ctx, PageRequest{Page: parsed.Page})
	if err != nil {
		if st := webkit.Classify(err).Status; st == http.StatusNotFound || st == http.StatusGone {
			return false, nil
		}
		return false, err
	}
	return resp.Status == http.StatusOK || resp.Status == http.StatusMovedPermanently, nil
}
