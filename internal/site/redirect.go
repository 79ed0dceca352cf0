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
	return notFound
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
