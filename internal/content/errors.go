package content

import "errors"

// ErrInvalid marks input that breaks a content rule. Callers show the wrapped message to
// the person who typed it; it never carries internal details.
var ErrInvalid = errors.New("invalid")

// ValidationError lists every problem of one object, so a form can show them all at once.
type ValidationError struct {
	Problems map[string]string // field name → human-readable problem
}

func (e *ValidationError) Error() string {
	msg := "invalid:"
	for _, f := range sortedKeys(e.Problems) {
		msg += " " + f + ": " + e.Problems[f] + ";"
	}
	return msg
}

func (e *ValidationError) Unwrap() error { return ErrInvalid }

// problems collects validation failures; err returns nil when there are none.
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
	return &ValidationError{Problems: p}
}
