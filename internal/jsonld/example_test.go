package jsonld_test

import (
	"fmt"
	"time"

	"github.com/roneo/roneo/internal/jsonld"
)

// The site builds one graph per page and gives it to its template, which encodes it:
//
//	<script type="application/ld+json">{{.StructuredData}}</script>
func ExampleGraph() {
	publisher := jsonld.Org{Name: "Comité Roneo", URL: "https://roneo.example/", Logo: "https://roneo.example/logo.png"}
	article := jsonld.NewsArticle(jsonld.Article{
		URL:       "https://roneo.example/fr/article/greve",
		Headline:  "Grève générale",
		Lang:      "fr",
		Published: time.Date(2026, 12, 3, 9, 30, 0, 0, time.FixedZone("CET", 3600)),
		Publisher: publisher,
	})
	trail := jsonld.Breadcrumbs([]jsonld.Crumb{{Name: "Accueil", URL: "https://roneo.example/fr/"}, {Name: "Grève générale"}})
	b, _ := jsonld.Marshal(jsonld.Graph(article, trail))
	fmt.Println(string(b))
	// Output:
	// {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2026-12-03T09:30:00+01:00","headline":"Grève générale","inLanguage":"fr","mainEntityOfPage":"https://roneo.example/fr/article/greve","name":"Grève générale","publisher":{"@type":"Organization","logo":{"@type":"ImageObject","url":"https://roneo.example/logo.png"},"name":"Comité Roneo","url":"https://roneo.example/"},"url":"https://roneo.example/fr/article/greve"},{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://roneo.example/fr/","name":"Accueil","position":1},{"@type":"ListItem","name":"Grève générale","position":2}]}]}
}
