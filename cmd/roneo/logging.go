package main

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"
)

func newLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	if err := checkLogFlags(level, format); err != nil {
		return nil, err
	}
	var lv slog.Level
	lv.UnmarshalText([]byte(level))
	opts := &slog.HandlerOptions{Level: lv}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return slog.New(slog.NewTextHandler(w, opts)), nil
}

// checkLogFlags refuses a level or a format newLogger does not know.
func checkLogFlags(level, format string) error {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return fmt.Errorf("%w: --log-level %q: use debug, info, warn or error", errUsage, level)
	}
	if format != "text" && format != "json" {
		return fmt.Errorf("%w: --log-format %q: use text or json", errUsage, format)
	}
	return nil
}

// accessLog logs each request's method, path, status and duration — never the reader's
// address: this may be the only record of who read what.
func accessLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "duration", time.Since(start))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
