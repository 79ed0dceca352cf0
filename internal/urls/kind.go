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
	Press
	HomeFeed
	PressFeed
	SectionFeed
	TagFeed
	AuthorFeed
	DossierFeed
	ArticleCard
	HomeCard
	SitemapIndex
	Sitemap
	Album
	AlbumPhoto
	AlbumZip
	Download
)

// specs describes every kind: adding a page type is a constant above and a row here.
// Words are keyed by base language; "en" also serves the languages without their own.
// The table is never written after start-up.
//
// index says whether search engines are to find the kind's pages in the sitemaps: the
// standing pages of a language. Print views and previews are copies or secrets, search
// results are endless, and files (feeds, cards, sitemaps, media) are no pages to rank.
var specs = [...]spec{
	Root:         {name: "root", shape: atRoot},
	Home:         {name: "home", shape: atLang, paged: true, index: true},
	Article:      {name: "article", shape: item, key: slugKey, index: true, words: words{"fr": "article", "nl": "artikel", "en": "article"}},
	ArticlePrint: {name: "article-print", shape: sub, parent: Article, words: words{"en": "print"}},
	ArticleShare: {name: "article-share", shape: sub, parent: Article, words: words{"en": "mastodon"}},
	Section:      {name: "section", shape: item, key: slugKey, paged: true, index: true, words: words{"fr": "rubrique", "nl": "rubriek", "en": "section"}},
	Tag:          {name: "tag", shape: item, key: slugKey, paged: true, index: true, words: words{"fr": "sujet", "nl": "trefwoord", "en": "tag"}},
	Author:       {name: "author", shape: item, key: slugKey, paged: true, index: true, words: words{"fr": "auteur", "nl": "auteur", "en": "author"}},
	Dossier:      {name: "dossier", shape: item, key: slugKey, paged: true, index: true, words: words{"en": "dossier"}},
	Dossiers:     {name: "dossiers", shape: index, paged: true, index: true, words: words{"en": "dossiers"}},
	Search:       {name: "search", shape: index, words: words{"fr": "recherche", "nl": "zoeken", "en": "search"}},
	Preview:      {name: "preview", shape: item, key: secretKey, words: words{"en": "preview"}},
	Media:        {name: "media", shape: top, key: nameKey, words: words{"en": "media"}},
	Asset:        {name: "asset", shape: top, key: fileKey, words: words{"en": "static"}},
	Press:        {name: "press", shape: index, paged: true, index: true, words: words{"fr": "communiques", "nl": "persberichten", "en": "press"}},
	HomeFeed:     {name: "home-feed", shape: file, parent: Home, role: feedRole, exts: feedExts, words: words{"en": "feed"}},
	PressFeed:    {name: "press-feed", shape: file, parent: Press, role: feedRole, exts: feedExts, words: words{"en": "feed"}},
	SectionFeed:  {name: "section-feed", shape: file, parent: Section, role: feedRole, exts: feedExts, words: words{"en": "feed"}},
	TagFeed:      {name: "tag-feed", shape: file, parent: Tag, role: feedRole, exts: feedExts, words: words{"en": "feed"}},
	AuthorFeed:   {name: "author-feed", shape: file, parent: Author, role: feedRole, exts: feedExts, words: words{"en": "feed"}},
	DossierFeed:  {name: "dossier-feed", shape: file, parent: Dossier, role: feedRole, exts: feedExts, words: words{"en": "feed"}},
	ArticleCard:  {name: "article-card", shape: file, parent: Article, role: cardRole, exts: []string{"png"}, words: words{"en": "card"}},
	HomeCard:     {name: "home-card", shape: file, parent: Home, role: cardRole, exts: []string{"png"}, words: words{"en": "card"}},
	SitemapIndex: {name: "sitemap-index", shape: file, parent: Root, exts: []string{"xml"}, words: words{"en": "sitemap"}},
	Sitemap:      {name: "sitemap", shape: top, key: fileKey, words: words{"en": "sitemaps"}},
	Album:        {name: "album", shape: sub, parent: Article, words: words{"fr": "photos", "nl": "fotos", "en": "photos"}},
	AlbumPhoto:   {name: "album-photo", shape: nth, parent: Article, words: words{"fr": "photo", "nl": "foto", "en": "photo"}},
	AlbumZip:     {name: "album-zip", shape: file, parent: Article, exts: []string{"zip"}, words: words{"fr": "photos", "nl": "fotos", "en": "photos"}},
	Download:     {name: "download", shape: top, key: downloadKey, words: words{"en": "hd"}},
}

// feedExts are the formats of every feed, the default first: Atom carries full content
// with the most precise metadata; RSS and JSON Feed are for the readers that prefer them.
var feedExts = []string{"atom", "rss", "json"}

// role groups the file kinds that play one part for several kinds of page.
type role int

const (
	noRole   role = iota
	feedRole      // the page's feed: /fr/rubrique/belgique/feed.atom
	cardRole      // the page's share image: /fr/article/x/card.png
)

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
	file                    // the parent's path + "/{word}.{ext}", same key: a feed, a card
	nth                     // the parent's path + "/{word}/{n}", same key, n ≥ 1: an album's photo
)

type words map[string]string

type spec struct {
	name   string
	shape  shape
	key    keyRule
	parent Kind // of a sub, nth or file kind
	paged  bool
	index  bool     // listed in the sitemaps
	role   role     // of a file kind
	exts   []string // of a file kind: its formats, the default first
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

// Indexed reports whether search engines are to find the kind's pages in the sitemaps.
func (k Kind) Indexed() bool { return k.spec().index }

// Parent is the kind a sub or file kind belongs to (Article for ArticlePrint); 0 for
// the others.
func (k Kind) Parent() Kind { return k.spec().parent }

// Exts are the formats of a file kind, the default first (feeds: atom, rss, json); nil
// for a page.
func (k Kind) Exts() []string { return k.spec().exts }

// Feed is the kind of the feed that follows k's pages (SectionFeed for Section).
func (k Kind) Feed() (Kind, bool) { return k.child(feedRole) }

// Card is the kind of k's share image (ArticleCard for Article).
func (k Kind) Card() (Kind, bool) { return k.child(cardRole) }

func (k Kind) child(r role) (Kind, bool) {
	for c := Root; int(c) < len(specs); c++ {
		if sp := c.spec(); sp.role == r && sp.parent == k && k.valid() {
			return c, true
		}
	}
	return 0, false
}

// word is the kind's segment in a language, by its base ("fr" for "fr-BE").
func (sp *spec) word(base string) string {
	if w, ok := sp.words[base]; ok {
		return w
	}
	return sp.words["en"]
}
