package sitemap_test

import (
	"fmt"
	"os"
	"time"

	"github.com/roneo/roneo/internal/sitemap"
)

// The site serves an index of Files(n) sitemaps; sitemap k lists the URLs from
// (k-1)×MaxURLs on, read from the store a batch at a time and added as they come.
func Example() {
	articles := 120_000
	x := sitemap.NewIndex(os.Stdout)
	for k := 1; k <= sitemap.Files(articles); k++ {
		x.Add(fmt.Sprintf("https://roneo.example/sitemap-%d.xml", k), time.Time{})
	}
	x.Close()

	w := sitemap.NewWriter(os.Stdout)
	w.Add(sitemap.URL{Loc: "https://roneo.example/fr/", LastMod: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
	// <sitemap><loc>https://roneo.example/sitemap-1.xml</loc></sitemap>
	// <sitemap><loc>https://roneo.example/sitemap-2.xml</loc></sitemap>
	// <sitemap><loc>https://roneo.example/sitemap-3.xml</loc></sitemap>
	// </sitemapindex>
	// <?xml version="1.0" encoding="UTF-8"?>
	// <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
	// <url><loc>https://roneo.example/fr/</loc><lastmod>2026-12-01T10:00:00Z</lastmod></url>
	// </urlset>
}
