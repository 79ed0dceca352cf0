package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// defaultDBTimeout is how long a request may wait for the database: far more than any
// page needs, far less than a reader waits before leaving.
const defaultDBTimeout = 5 * time.Second

// withDeadline gives each request's context a deadline for its database work, so that
// a database that stalls costs a reader a few seconds and a 503, not a request that
// hangs on a connection that never answers: when a query's context ends, the driver
// drops its connection (pgx closes it; database/sql opens another). Paths under one of
// exempt stream bytes rather than query the database (media files, large and read
// slowly by some readers) and keep only the server's own timeouts. The newsroom's
// uploads, which last as long as their files take to arrive, leave this deadline once
// begun and give each of their database steps one of its own (newsroom.Config.DBTimeout).
//
// A handler that gives up at the deadline answers with its own 503 page. One that
// writes nothing (taking the end of its context for a reader who left) gets a plain
// 503 here, so that the reader is never left with an empty 200.
func withDeadline(d time.Duration, exempt []string, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, prefix := range exempt {
			if strings.HasPrefix(r.URL.Path, prefix) {
				next.ServeHTTP(w, r)
				return
			}
		}
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		rec := &answerRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(ctx))
		if rec.answered || !errors.Is(ctx.Err(), context.DeadlineExceeded) || r.Context().Err() != nil {
			return
		}
		log.Warn("request ran out of time for the database", "method", r.Method, "path", r.URL.Path, "db_timeout", d)
		writeUnavailable(w, r)
	})
}

// unavailablePage is the last resort when nothing else answered: it cannot ask the
// database for the site's language, so it speaks all three.
const unavailablePage = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>503</title></head><body>
<p lang="fr">Momentanément indisponible. Réessayez dans un instant.</p>
<p lang="nl">Tijdelijk niet beschikbaar. Probeer het zo meteen opnieuw.</p>
<p lang="en">Temporarily unavailable. Try again in a moment.</p>
</body></html>
`

func writeUnavailable(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Retry-After", "5")
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.Method != http.MethodHead {
		w.Write([]byte(unavailablePage))
	}
}

// answerRecorder notes whether a handler answered at all.
type answerRecorder struct {
	http.ResponseWriter
	answered bool
}

func (a *answerRecorder) WriteHeader(code int) {
	a.answered = a.answered || code >= 200 // 1xx are hints before the answer
	a.ResponseWriter.WriteHeader(code)
}

func (a *answerRecorder) Write(b []byte) (int, error) {
	a.answered = true
	return a.ResponseWriter.Write(b)
}

func (a *answerRecorder) Unwrap() http.ResponseWriter { return a.ResponseWriter }
