// Package urls is the address scheme of the public site: the one place that knows the
// path of every page type in every language. It builds paths ([Scheme.Path], escaped)
// and parses them ([Scheme.Parse], decoded), says which slugs the scheme keeps for
// itself ([Scheme.Reserved]), and writes links either root-relative, for the server, or
// relative, for a static mirror opened from disk ([Links], [FileOf]).
//
// It must import only the standard library and internal/content (for languages and
// slugs): no HTTP, no templates, no store. The site, the newsroom and the mirror depend
// on it, never the other way round.
//
// # The addresses
//
//	/                                 Root (the site sends it to the default language)
//	/{lang}/                          Home; page n: /{lang}/page/{n}
//	/{lang}/{word}/{slug}             Article, Section, Tag, Author, Dossier; page n: …/page/{n}
//	/{lang}/{word}/{slug}/print       ArticlePrint
//	/{lang}/{word}/{slug}/mastodon    ArticleShare
//	/{lang}/dossiers/                 Dossiers; page n: /{lang}/dossiers/page/{n}
//	/{lang}/{word}/                   Search (its query string is the site's business)
//	/{lang}/preview/{secret}          Preview
//	/media/{name…}                    Media (name may hold slashes)
//	/static/{file}                    Asset
//
// The words are the reader's: fr article, rubrique, sujet, auteur, dossier, recherche;
// nl artikel, rubriek, trefwoord, auteur, dossier, zoeken; en article, section, tag,
// author, dossier, search. Another language uses its base language's words ("fr-BE"
// French), else English ones. Every kind and its words are in one table (kind.go);
// adding a page type is a constant and a row there.
//
// Lists paginate in the path, so that every page is a file in a static mirror; the
// first page has no /page/1. Search is the exception: it keeps ?page=n, being never
// cached nor mirrored.
//
// # Choices
//
//   - Kinds start at 1: the zero [Page] is no page, and [Scheme.Path] refuses it rather
//     than linking to "/".
//   - [Scheme.Path] panics on an invalid [Page]. Every key it meets was validated when
//     stored (slugs by content, media names by media, secrets made by auth), so an
//     invalid one is a programming error that a silent "" would turn into a link to the
//     current page. Callers holding unchecked input ask [Scheme.Check] first.
//   - [Scheme.Parse] takes r.URL.Path, already decoded, and answers Found, Redirect (to
//     the canonical path, permanently: a trailing slash added or removed, /page/1
//     dropped) or NotFound. It accepts any canonical language tag; whether the site
//     publishes in it is the site's business, as is the query string (the search's
//     redirect keeps it).
//   - The first page of a list has Num 0 in a parsed [Page]; [Scheme.Path] also accepts
//     1. [Page.Number] gives the 1-based number handlers compute offsets from.
//   - /robots.txt, /favicon.ico and /healthz are not in the scheme: their addresses are
//     fixed by crawlers, browsers and load balancers, they have no language, no page
//     links to them and a mirror does not hold them as pages. None of them is a language
//     tag or a word of the scheme, so they cannot collide with it; Parse answers
//     NotFound for them and the router serves them before asking.
package urls
