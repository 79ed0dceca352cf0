package newsroom

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
)

// fieldErrors are a form's problems by field name, in the person's language.
type fieldErrors map[string]string

// problems turns a validation error into field errors. The domain's messages are plain
// English; each has a translation under "nr.problem." + the message, and one without
// one is shown as it is rather than hidden. ok is false for any other error, which the
// caller returns as it is.
func problems(r *request, err error) (fe fieldErrors, ok bool) {
	var ve *content.ValidationError
	if !errors.As(err, &ve) {
		return nil, false
	}
	fe = fieldErrors{}
	for field, msg := range ve.Problems {
		fe[field] = problemText(r, msg)
	}
	return fe, true
}

func problemText(r *request, msg string) string {
	key := "nr.problem." + msg
	if t := r.T(key); t != key {
		return t
	}
	if t, ok := patternProblem(r, msg); ok {
		return t
	}
	return msg
}

// carry is a form field carried through the sign-in pages in a hidden input.
type carry struct{ Name, Value string }

// carryPrefix marks carried fields so that they never mix with the sign-in form's own.
const carryPrefix = "carry."

// carried lists a form's fields for hidden inputs, in a stable order.
func carried(form url.Values) []carry {
	var out []carry
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range form {
			if !yield(k) {
				return
			}
		}
	}) {
		for _, v := range form[name] {
			out = append(out, carry{Name: carryPrefix + name, Value: v})
		}
	}
	return out
}

// uncarry takes the carried fields back out of the sign-in form, for its hidden inputs
// (again) or for the form they came from.
func uncarry(form url.Values) url.Values {
	out := url.Values{}
	for k, vs := range form {
		if name, ok := strings.CutPrefix(k, carryPrefix); ok {
			out[name] = vs
		}
	}
	return out
}

// formID reads an ID from a form or path value; 0 and garbage are not IDs.
func formID(v string) (int64, bool) {
	id, err := strconv.ParseInt(v, 10, 64)
	return id, err == nil && id > 0
}

// formIDs reads every ID in a multi-valued field, ignoring blanks and duplicates.
func formIDs(vs []string) ([]int64, error) {
	var out []int64
	for _, v := range vs {
		if strings.TrimSpace(v) == "" {
			continue
		}
		id, ok := formID(v)
		if !ok {
			return nil, badRequest(errors.New("bad ID in form"))
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}
