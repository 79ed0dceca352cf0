// Package i18n holds the interface strings of the public site and the newsroom in each
// language, and formats dates and numbers the way each language's readers expect.
//
// Catalogs are flat JSON objects (key → text), one file per language, loaded once at
// start-up. It imports no HTTP, database or template package.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/roneo/roneo/internal/content"
)

// Fallback is the language whose catalog completes the others.
const Fallback = "en"

// Bundle holds every loaded catalog.
type Bundle struct {
	catalogs map[string]map[string]string // base language → key → text
}

// Load reads every "<lang>.json" in dir of fsys and in its subdirectories, merging the
// catalogs of one language: the public site's strings and each part of the newsroom's
// live in files of their own. A key defined twice is an error.
func Load(fsys fs.FS, dir string) (*Bundle, error) {
	b := &Bundle{catalogs: map[string]map[string]string{}}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		lang, ok := strings.CutSuffix(d.Name(), ".json")
		if !ok {
			return nil
		}
		return b.merge(fsys, p, lang)
	})
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	if b.catalogs[Fallback] == nil {
		return nil, fmt.Errorf("i18n: no %s.json in %s", Fallback, dir)
	}
	return b, nil
}

func (b *Bundle) merge(fsys fs.FS, p, lang string) error {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return err
	}
	cat := map[string]string{}
	if err := json.Unmarshal(data, &cat); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	if b.catalogs[lang] == nil {
		b.catalogs[lang] = map[string]string{}
	}
	for k, v := range cat {
		if _, dup := b.catalogs[lang][k]; dup {
			return fmt.Errorf("%s: %q is defined twice", p, k)
		}
		b.catalogs[lang][k] = v
	}
	return nil
}

// Langs lists the languages that have a catalog.
func (b *Bundle) Langs() []string {
	var out []string
	for l := range b.catalogs {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Keys lists the keys of one catalog, for completeness tests.
func (b *Bundle) Keys(lang string) []string {
	var out []string
	for k := range b.catalogs[lang] {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Printer speaks one language. It is cheap to make and safe to share.
type Printer struct {
	lang     content.Lang
	cat      map[string]string
	fallback map[string]string
	loc      *time.Location
}

// Printer returns a printer for lang, showing times in loc. Languages without a catalog
// get the fallback's strings.
func (b *Bundle) Printer(lang content.Lang, loc *time.Location) *Printer {
	if loc == nil {
		loc = time.UTC
	}
	return &Printer{lang: lang, cat: b.catalogs[lang.Base()], fallback: b.catalogs[Fallback], loc: loc}
}

// Lang is the printer's language.
func (p *Printer) Lang() content.Lang { return p.lang }

// T returns the text for key, formatted with args like fmt.Sprintf. A missing key shows
// as itself, so that it is noticed instead of leaving a hole in the page.
func (p *Printer) T(key string, args ...any) string {
	s, ok := p.cat[key]
	if !ok {
		if s, ok = p.fallback[key]; !ok {
			return key
		}
	}
	if len(args) == 0 || !strings.Contains(s, "%") {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// N chooses between key+".one" and key+".other" by n, and formats n into it.
func (p *Printer) N(key string, n int, args ...any) string {
	form := ".other"
	if n == 1 || (n == 0 && p.lang.Base() == "fr") { // French treats 0 as singular
		form = ".one"
	}
	return p.T(key+form, append([]any{n}, args...)...)
}

// Date formats a day: "25 novembre 2026", "25 november 2026", "25 November 2026".
func (p *Printer) Date(t time.Time) string {
	t = t.In(p.loc)
	day := strconv.Itoa(t.Day())
	if first := p.T("format.firstday"); t.Day() == 1 && first != "format.firstday" {
		day = first // "1er novembre"
	}
	return p.T("format.date", day, p.T(fmt.Sprintf("month.%d", t.Month())), t.Year())
}

// DateTime formats a day and a time of day in the site's zone, as each language's press
// writes it (the catalog's "format.datetime"): "7 h 37" in French and "7.37 uur" in
// Dutch, with no leading zero on the hour (Le Soir, De Standaard, the Taalunie's
// advice); "07:37" in English, the 24-hour clock of continental datelines, which a
// reader in Brussels expects and no reader misreads as evening.
func (p *Printer) DateTime(t time.Time) string {
	t = t.In(p.loc)
	return p.T("format.datetime", p.Date(t), t.Hour(), t.Minute())
}

// ISO formats t for a datetime attribute, in the site's zone with its offset.
func (p *Printer) ISO(t time.Time) string { return t.In(p.loc).Format(time.RFC3339) }

// Autonym is a language's name in that language ("Nederlands"): what a reader looks for
// in a language switcher, whatever language the page is in.
func Autonym(l content.Lang) string {
	if name, ok := autonyms[l.Base()]; ok {
		return name
	}
	return string(l)
}

var autonyms = map[string]string{
	"fr": "Français", "nl": "Nederlands", "en": "English", "de": "Deutsch", "es": "Español",
	"it": "Italiano", "pt": "Português", "ar": "العربية", "tr": "Türkçe", "pl": "Polski",
	"fa": "فارسی", "ru": "Русский", "uk": "Українська", "ca": "Català", "eu": "Euskara",
}

// Locale is a language as OpenGraph names it, language_TERRITORY ("fr_BE"). A tag that
// names its region keeps it ("fr-FR" → "fr_FR"). Without one, French and Dutch are
// those of Belgium and English is British: Roneo's readers are first those of a
// Brussels organisation, whose English edition follows British spelling, and a share
// preview in fr_FR or en_US would be the wrong guess for them. Other languages take
// the region where most of their speakers live ("de" → "de_DE").
func Locale(l content.Lang) string {
	tag, err := language.Parse(string(l))
	if err != nil {
		return strings.ReplaceAll(string(l), "-", "_")
	}
	base, _ := tag.Base()
	region, conf := tag.Region()
	if conf != language.Exact {
		if r, ok := defaultRegions[base.String()]; ok {
			return base.String() + "_" + r
		}
	}
	return base.String() + "_" + region.String()
}

// defaultRegions are the territories of languages whose tag names none.
var defaultRegions = map[string]string{"fr": "BE", "nl": "BE", "en": "GB"}
