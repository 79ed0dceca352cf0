package site

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
)

// kind names a type of page that lives at /{lang}/{segment}/{slug}.
type kind int

const (
	kindArticle kind = iota + 1
	kindSection
	kindTag
	kindAuthor
	kindDossier
	kindDossiers // the index: /{lang}/dossiers/
	kindSearch   // the search page: /{lang}/recherche/
)

// segments are the words readers see in URLs, in their language. Languages without an
// entry use English words.
var segments = map[string]map[kind]string{
	"fr": {kindArticle: "article", kindSection: "rubrique", kindTag: "sujet", kindAuthor: "auteur", kindDossier: "dossier", kindDossiers: "dossiers", kindSearch: "recherche"},
	"nl": {kindArticle: "artikel", kindSection: "rubriek", kindTag: "trefwoord", kindAuthor: "auteur", kindDossier: "dossier", kindDossiers: "dossiers", kindSearch: "zoeken"},
	"en": {kindArticle: "article", kindSection: "section", kindTag: "tag", kindAuthor: "author", kindDossier: "dossier", kindDossiers: "dossiers", kindSearch: "search"},
}

func segmentsFor(lang content.Lang) map[kind]string {
	if m, ok := segments[lang.Base()]; ok {
		return m
	}
	return segments["en"]
}

// kindOf resolves a URL segment in lang; 0 when it means nothing there.
func kindOf(lang content.Lang, segment string) kind {
	for k, word := range segmentsFor(lang) {
		if word == segment {
			return k
		}
	}
	return 0
}

// Paths of pages, relative to the site's root. Slugs are path-escaped: they may hold
// letters of any script.
func homePath(lang content.Lang) string { return "/" + string(lang) + "/" }

func pagePath(lang content.Lang, k kind, slug string) string {
	return "/" + string(lang) + "/" + segmentsFor(lang)[k] + "/" + url.PathEscape(slug)
}

func articlePath(lang content.Lang, slug string) string { return pagePath(lang, kindArticle, slug) }

func dossiersPath(lang content.Lang) string {
	return "/" + string(lang) + "/" + segmentsFor(lang)[kindDossiers] + "/"
}

// withPage adds page=n to a list's address, which may have a query string already; page
// 1 is the address as it is.
func withPage(path string, n int) string {
	if n <= 1 {
		return path
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "page=" + strconv.Itoa(n)
}

// absolute makes a site path absolute with the configured base URL.
func (s *Server) absolute(path string) string { return s.base + path }
