package demo

import (
	"strings"

	"github.com/roneo/roneo/internal/content"
)

// Language indexes into a tri.
const (
	fr = iota
	nl
	en
)

// langs are the languages demo content is written in, in tri order.
var langs = [3]content.Lang{"fr", "nl", "en"}

// tri is one phrase in French, Dutch and English. The three say the same thing, so that a
// story and its translations, generated from one seed, read as translations of each other. A phrase may hold "masculine|feminine" forms; see gendered.
type tri [3]string

// gendered picks the masculine or feminine form of "form|form"; plain phrases pass through.
func gendered(s string, female bool) string {
	m, f, ok := strings.Cut(s, "|")
	switch {
	case !ok:
		return s
	case female:
		return f
	default:
		return m
	}
}

// place is a Belgian town: its name and its "at" form in each language, and the regional
// section its news goes to.
type place struct {
	name, at tri
	region   string
}

// country is somewhere abroad the organisation's solidarity work reaches.
type country struct {
	bare    tri // "Colombie", for titles
	name    tri // "la Colombie", inside sentences
	in      tri // "en Colombie"
	capital tri
	region  string // section key
}

// firstName carries its grammatical gender, which French and Dutch roles agree with.
type firstName struct {
	name   string
	female bool
}
