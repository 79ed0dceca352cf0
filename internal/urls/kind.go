package urls

// Kind is a type of public page.
type Kind int

// The kinds. They start at 1 so that the zero Kind, and the zero Page, are no page.
const (
	Root Kind = iota + 1
	Home
	Article
	ArticlePrint
	ArticleShare
	Section
	Tag
	Author
	Dossier
	Dossiers
	Search
	Preview
	Media
	Asset
)

// specs describes every kind: adding a page type is a constant above and a row here.
// Words are keyed by base language; "en" also serves the languages without their own.
// The table is never written after start-up.
var specs = [...]spec{
	Root:         {name: "root", shape: atRoot},
	Home:         {name: "home", shape: atLang, paged: true},
	Article:      {name: "article", shape: item, key: slugKey, words: words{"fr": "article", "nl": "artikel", "en": "article"}},
	ArticlePrint: {name: "article-print", shape: sub, parent: Article, words: words{"en": "print"}},
	ArticleShare: {name: "article-share", shape: sub, parent: Article, words: words{"en": "mastodon"}},
	Section:      {name: "section", shape: item, key: slugKey, paged: true, words: words{"fr": "rubrique", "nl": "rubriek", "en": "section"}},
	Tag:          {name: "tag", shape: item, key: slugKey, paged: true, words: words{"fr": "sujet", "nl": "trefwoord", "en": "tag"}},
	Author:       {name: "author", shape: item, key: slugKey, paged: true, words: words{"fr": "auteur", "nl": "auteur", "en": "author"}},
	Dossier:      {name: "dossier", shape: item, key: slugKey, paged: true, words: words{"en": "dossier"}},
	Dossiers:     {name: "dossiers", shape: index, paged: true, words: words{"en": "dossiers"}},
	Search:       {name: "search", shape: index, words: words{"fr": "recherche", "nl": "zoeken", "en": "search"}},
	Preview:      {name: "preview", shape: item, key: secretKey, words: words{"en": "preview"}},
	Media:        {name: "media", shape: top, key: nameKey, words: words{"en": "media"}},
	Asset:        {name: "asset", shape: top, key: fileKey, words: words{"en": "static"}},
}

// pageWord introduces a list's page number: /fr/rubrique/belgique/page/2.
const pageWord = "page"

// reservedEverywhere are slugs no standing page may take in any language although no
// kind uses them after a language: the newsroom lives at /newsroom/, and a page at
// /fr/newsroom would pass for it.
var reservedEverywhere = []string{"newsroom"}

// shape is how a kind's path is made.
type shape int

const (
	atRoot shape = iota + 1 // "/"
	atLang                  // "/{lang}/"
	index                   // "/{lang}/{word}/"
	item                    // "/{lang}/{word}/{key}"
	sub                     // the parent's path + "/{word}", same key
	top                     // "/{word}/{key}", outside the languages
)

type words map[string]string

type spec struct {
	name   string
	shape  shape
	key    keyRule
	parent Kind // of a sub kind
	paged  bool
	words  words
}

// Kinds returns every kind, in order.
func Kinds() []Kind {
	out := make([]Kind, 0, len(specs)-1)
	for k := Root; int(k) < len(specs); k++ {
		out = append(out, k)
	}
	return out
}

func (k Kind) valid() bool { return k >= Root && int(k) < len(specs) }

func (k Kind) spec() *spec {
	if !k.valid() {
		return &spec{}
	}
	return &specs[k]
}

// String names the kind for logs and tests: "article-print".
func (k Kind) String() string {
	if !k.valid() {
		return "invalid"
	}
	return specs[k].name
}

// Paginated reports whether the kind is a list whose pages are /page/{n}.
func (k Kind) Paginated() bool { return k.spec().paged }

// word is the kind's segment in a language, by its base ("fr" for "fr-BE").
func (sp *spec) word(base string) string {
	if w, ok := sp.words[base]; ok {
		return w
	}
	return sp.words["en"]
}
