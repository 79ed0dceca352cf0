// Package sitemap writes sitemaps in the sitemaps.org 0.9 protocol: a <urlset> of
// pages ([Writer]) and a <sitemapindex> of sitemap files ([Index]).
//
// It streams: each entry goes to the io.Writer as it is added, through a fixed buffer,
// so a site of any size is listed in constant memory. A file holds at most [MaxURLs]
// entries and the Locs it accepts are short enough that a full file stays under
// [MaxBytes]; [Files] says how many files a number of URLs needs, so the site can
// serve file k as the URLs from (k-1)×MaxURLs on.
//
// It must import only the standard library: no net/http, no store, no site. Building
// addresses is the business of internal/urls; choosing what to list is the site's.
//
// # Choices
//
//   - A Loc must already be an escaped absolute http(s) URL (printable ASCII). One that
//     is not is refused with [ErrInvalid] rather than repaired: a stripped or re-escaped
//     address is another address, which crawlers would find missing. A refused entry
//     leaves the file as it was, so the caller can skip it and go on.
//   - The schema requires at least one entry in a <urlset> and in a <sitemapindex>.
//     An empty file is still written well-formed when closed, but validators reject
//     it: the site should always list its home pages, so that no file is empty.
//   - Dates are written in UTC to the second (2006-01-02T15:04:05Z); a zero time writes
//     no <lastmod>.
package sitemap
