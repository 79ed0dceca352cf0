// Package search is the language half of Roneo's full-text search: it turns
// articles into index terms and readers' queries into match expressions for
// SQLite FTS5 and PostgreSQL tsquery. The storage half (tables, triggers,
// ranking SQL) lives with the store and calls this package; this one is pure
// Go and must not import database/sql, a driver, net/http or templates.
//
// # One analyzer for both databases
//
// Neither database analyses our text. [Terms] tokenizes, lowercases, stems by
// the article's language (French, Dutch and English with Snowball; other
// languages are not stemmed) and folds accents, so "grèves" is indexed as
// "grev". French is folded after stemming, because its stemmer reads accents;
// Dutch and English before, as theirs expect unaccented words. The store keeps the space-joined terms of
// [Document] in an FTS5 table (tokenizer unicode61 remove_diacritics 2), or
// in PostgreSQL as the tsvector literal [TSVector] writes, so that both hold
// exactly the same terms at the same positions. Terms are lowercase letters
// and digits only, which unicode61 keeps whole. A reindex gives each worker
// an [Indexer], which remembers the stems of the words it has met.
//
// A query does not know the language of the article it will find, so
// [Query.Expand] analyses each word as each language would and ORs the
// results, plus the folded, unstemmed word as a prefix: Snowball is not
// idempotent (Dutch "fiets" → "fiet" but "fietsen" → "fiets").
//
// Readers often type without accents, and the French stemmer cuts
// "supprimées" to "supprim" but "supprimees" to "supprime". So a French word
// is also stemmed as each spelling with an accented ending it may stand for
// ("supprimées", "supprimés"…, see accents.go), and its terms depend on its
// folded form alone: typed with or without accents, a word searches the same
// terms, and finds the article that writes it either way. [FTS5] and
// [TSQuery] render the expanded query; every term they emit is quoted and
// made of letters and digits only, so nothing a reader types can become
// query syntax, and the size of their output is bounded whatever the input.
// A phrase is matched as each one language would index it (all its words
// stemmed alike, in each combination of their French spellings up to a
// bound), or unstemmed with prefixes; never with languages mixed.
//
// # Choices
//
//   - Stop words stay in the index: « droit de grève » must match as a phrase,
//     and positions must agree between index and query. Outside quotes a
//     query ignores them ("grève de la faim" requires "grève" and "faim"),
//     unless the query has nothing else.
//     The lists are small and hold only words that are function words in
//     every one of the three languages they exist in ("or", gold in French,
//     and "an", a year, are not stop words).
//   - Elisions are dropped on both sides, in every language, because the query
//     side has no language: "l’usine" and "qu’il" index "usine" and "il". So
//     is the "s" after an apostrophe ("John's", Dutch "auto's").
//   - Hyphens and other punctuation split words; an unquoted word that splits
//     into several ("état-major", "covid-19") is searched as a phrase.
//   - The ligatures œ, æ, ĳ and ß are spelt out before stemming, and ø, ł, đ,
//     ħ and ı folded with the accents, so "oeuvre" finds "œuvre".
//   - Title and body are kept apart ([Fields]) so that the store can weigh a
//     title hit above a body hit: two FTS5 columns given bm25 weights, or
//     weight A on the title's lexemes in [TSVector] for ts_rank. The
//     standfirst goes at the head of the body.
//
// [Snippet] picks the passage of a text that best matches a query, using the
// same analyzer, and returns plain-text fragments for the site to escape and
// mark up.
package search
