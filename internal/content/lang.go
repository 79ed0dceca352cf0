package content

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Lang is a BCP 47 language tag in canonical form, such as "fr", "nl" or "fr-BE".
type Lang string

// ParseLang canonicalises a BCP 47 tag. It accepts what a URL or a form may carry
// ("FR", "nl_BE") and rejects anything that is not a well-formed tag.
func ParseLang(s string) (Lang, error) {
	if s == "" || len(s) > 35 {
		return "", fmt.Errorf("%w: language %q", ErrInvalid, s)
	}
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return "", fmt.Errorf("%w: language %q", ErrInvalid, s)
	}
	return Lang(tag.String()), nil
}

// Base returns the primary language subtag: "fr" for "fr-BE". Typography, stemming and
// interface strings are chosen by it.
func (l Lang) Base() string {
	base, _, _ := strings.Cut(string(l), "-")
	return base
}

func (l Lang) String() string { return string(l) }

// checkLang reports a language that is not a canonical tag: stored as "" or "FR", a tag,
// dossier or section name could never be found again by the canonical lookups.
func checkLang(p problems, field string, l Lang) {
	if pl, err := ParseLang(string(l)); err != nil || pl != l {
		p.add(field, "not a language tag")
	}
}
