package editorial

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/urls"
)

// maxAddressLen bounds an address of a redirect, as the store does.
const maxAddressLen = 2048

// RedirectLine is one redirect to add: From an old address, To the new one, or empty
// for an address that is gone (410).
type RedirectLine struct {
	From, To string
	Line     int // in the file it came from, for messages; 0 when typed
}

// OldAddress turns an old address as people paste it — a path, a path with a query
// string ("/?p=123"), or a whole URL of the old site — into what the site compares
// readers' requests with: the decoded path, and the query string with its parameters
// in a canonical order.
func OldAddress(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	switch {
	case raw == "" || err != nil:
		return "", fmt.Errorf("%w: %q is not an address", content.ErrInvalid, raw)
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%w: %q is not a web address", content.ErrInvalid, raw)
	case u.Scheme == "" && !strings.HasPrefix(raw, "/"):
		return "", fmt.Errorf("%w: an old address starts with / or http(s):// (%q)", content.ErrInvalid, raw)
	}
	p := u.Path
	if p == "" {
		p = "/"
	}
	if !utf8.ValidString(p) || strings.ContainsRune(p, 0) {
		return "", fmt.Errorf("%w: %q is not a valid path", content.ErrInvalid, raw)
	}
	old := p
	if q := urls.CanonicalQuery(u.RawQuery); q != "" {
		old += "?" + q
	}
	if !utf8.ValidString(old) || strings.ContainsRune(old, 0) {
		return "", fmt.Errorf("%w: %q is not a valid address", content.ErrInvalid, raw)
	}
	if len(old) > maxAddressLen {
		return "", fmt.Errorf("%w: an address of more than %d bytes", content.ErrInvalid, maxAddressLen)
	}
	return old, nil
}

// NewAddress checks where a redirect leads: a path of this site or an absolute http(s)
// URL.
func NewAddress(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	switch {
	case err != nil || raw == "" || len(raw) > maxAddressLen || !utf8.ValidString(raw) || strings.ContainsRune(raw, 0):
		return "", fmt.Errorf("%w: %q is not an address", content.ErrInvalid, raw)
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		return raw, nil
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//"):
		return raw, nil
	}
	return "", fmt.Errorf("%w: a new address is a path of this site (/fr/…) or an http(s):// URL (%q)", content.ErrInvalid, raw)
}

// AddRedirects adds redirects in one transaction, replacing those from the same old
// addresses; a line that is not valid fails them all, saying which. It returns how many
// were written.
func (s *Service) AddRedirects(ctx context.Context, actor Actor, lines []RedirectLine) (int, error) {
	if !actor.can(auth.ActTaxonomy) {
		return 0, ErrForbidden
	}
	rs := make([]store.Redirect, 0, len(lines))
	for _, l := range lines {
		r, err := redirectOf(l)
		if err != nil {
			return 0, err
		}
		r.CreatedBy = actor.userID()
		rs = append(rs, r)
	}
	err := s.update(ctx, func(tx store.Tx) error {
		for _, r := range rs {
			if err := tx.PutRedirect(ctx, r); err != nil {
				return err
			}
		}
		detail := fmt.Sprintf("%d redirects", len(rs))
		if len(rs) == 1 {
			detail = rs[0].From + " → " + rs[0].To
			if rs[0].Gone {
				detail = rs[0].From + " gone"
			}
		}
		return tx.Audit(ctx, actor.entry(s.now(), "redirect.add", "redirects", detail))
	})
	if err != nil {
		return 0, err
	}
	return len(rs), nil
}

// redirectOf checks one line.
func redirectOf(l RedirectLine) (store.Redirect, error) {
	at := ""
	if l.Line > 0 {
		at = fmt.Sprintf("line %d: ", l.Line)
	}
	from, err := OldAddress(l.From)
	if err != nil {
		return store.Redirect{}, fmt.Errorf("%sold address: %w", at, err)
	}
	if strings.TrimSpace(l.To) == "" {
		return store.Redirect{From: from, Gone: true}, nil
	}
	to, err := NewAddress(l.To)
	if err != nil {
		return store.Redirect{}, fmt.Errorf("%snew address: %w", at, err)
	}
	if same, err := OldAddress(to); to == from || (err == nil && same == from) {
		return store.Redirect{}, fmt.Errorf("%w: %s%s leads to itself", content.ErrInvalid, at, from)
	}
	return store.Redirect{From: from, To: to}, nil
}

// RemoveRedirect removes the redirect from an old address.
func (s *Service) RemoveRedirect(ctx context.Context, actor Actor, old string) error {
	if !actor.can(auth.ActTaxonomy) {
		return ErrForbidden
	}
	from, err := OldAddress(old)
	if err != nil {
		return err
	}
	return s.update(ctx, func(tx store.Tx) error {
		if err := tx.DeleteRedirect(ctx, from); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.entry(s.now(), "redirect.remove", "redirects", from))
	})
}

// ReadRedirectsCSV reads lines "old,new" (an empty new address: gone). Blank lines,
// lines starting with # and a first line "old,new" are skipped.
func ReadRedirectsCSV(r io.Reader) ([]RedirectLine, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.Comment = '#'
	var out []RedirectLine
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", content.ErrInvalid, err)
		}
		line, _ := cr.FieldPos(0)
		switch {
		case len(rec) == 1 && strings.TrimSpace(rec[0]) == "":
			continue
		case len(rec) > 2:
			return nil, fmt.Errorf("%w: line %d: %d fields, want old,new", content.ErrInvalid, line, len(rec))
		case len(out) == 0 && strings.EqualFold(strings.TrimSpace(rec[0]), "old"):
			continue // a header
		}
		l := RedirectLine{From: rec[0], Line: line}
		if len(rec) == 2 {
			l.To = rec[1]
		}
		out = append(out, l)
	}
}
