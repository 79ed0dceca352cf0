// Package content holds Roneo's domain: articles, sections, tags, dossiers, people,
// their validation and the rules that do not need storage (slugs, related reading).
//
// It must not import database, HTTP or template packages: the store, the site and the
// newsroom depend on it, never the other way round.
package content
