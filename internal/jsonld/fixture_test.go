package jsonld_test

import (
	"time"

	"github.com/roneo/roneo/internal/jsonld"
)

// S is schema.org's namespace, which expansion puts before every term.
const S = "https://schema.org/"

// brussels is not UTC, so that a test sees the offset kept.
var brussels = time.FixedZone("CET", 3600)

var (
	published = time.Date(2026, 12, 3, 9, 30, 0, 0, brussels)
	modified  = time.Date(2026, 12, 4, 18, 5, 7, 123456789, brussels)
)

func publisher() jsonld.Org {
	return jsonld.Org{
		Name:   "Comité pour la presse libre",
		URL:    "https://roneo.example/",
		Logo:   "https://roneo.example/static/logo.png",
		SameAs: []string{"https://mastodon.example/@comite", "https://fr.wikipedia.org/wiki/Comit%C3%A9"},
	}
}

func article() jsonld.Article {
	return jsonld.Article{
		URL:         "https://roneo.example/fr/article/greve-generale",
		Headline:    "Grève générale : les cheminots rejoignent le mouvement",
		Description: "Les syndicats appellent à une journée d’action le 5 décembre.",
		Lang:        "fr",
		Published:   published,
		Modified:    modified,
		Authors: []jsonld.Person{
			{Name: "Camille Durand", URL: "https://roneo.example/fr/auteur/camille-durand"},
			{Name: "Jan Peeters"},
		},
		Signature: "notre correspondant à Namur", // not used: the article has authors
		Images: []jsonld.Image{
			{URL: "https://roneo.example/media/cortege-1200.webp", Width: 1200, Height: 675, Alt: "Le cortège place de la République"},
			{URL: "https://roneo.example/media/cortege-800.webp", Width: 800, Height: 800},
		},
		Section:   "Social",
		Keywords:  []string{"grève", "rail", "grève", ""},
		Dossiers:  []jsonld.Part{{Name: "Réforme des retraites", URL: "https://roneo.example/fr/dossier/retraites"}},
		Publisher: publisher(),
		WordCount: 812,
	}
}

func pressRelease() jsonld.Article {
	a := article()
	a.Headline = "Communiqué : le comité condamne l’expulsion"
	a.Authors, a.Signature = nil, ""
	a.PressRelease = true
	return a
}

func crumbs() []jsonld.Crumb {
	return []jsonld.Crumb{
		{Name: "Accueil", URL: "https://roneo.example/fr/"},
		{Name: "Social", URL: "https://roneo.example/fr/rubrique/social"},
		{Name: ""}, // skipped: nothing to show
		{Name: "Grève générale"},
	}
}

func website() map[string]any {
	return jsonld.WebSite("Roneo", "https://roneo.example/fr/", "fr", "https://roneo.example/fr/recherche/?q="+jsonld.SearchTerm)
}
