package auth

import (
	"github.com/roneo/roneo/internal/content"
)

// problems collects validation failures as a content.ValidationError, so that forms show
// account problems the way they show article problems.
type problems map[string]string

func (p problems) add(field, msg string) {
	if _, ok := p[field]; !ok {
		p[field] = msg
	}
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &content.ValidationError{Problems: p}
}
