package card_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/roneo/roneo/internal/card"
)

var samples = flag.String("samples", "", "write sample cards into this directory, to look at the design")

// TestSamples writes cards that show the design at its limits, with -samples DIR.
func TestSamples(t *testing.T) {
	if *samples == "" {
		t.Skip("no -samples directory")
	}
	r := MustRenderer(t)
	for name, c := range sampleCards {
		f, err := os.Create(filepath.Join(*samples, "card-"+name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Render(f, c); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

var sampleCards = map[string]card.Card{
	"sample": {
		Site: "Collectif Vélorution", Kicker: "Communiqué de presse", Lang: "fr",
		Title: "Pistes cyclables : la mairie recule, nous manifesterons samedi !",
	},
	"long": {
		Site: "Stichting Schone Lucht Nederland", Kicker: "Luchtkwaliteit", Lang: "nl",
		Title: "Na drie jaar procederen erkent de rechter eindelijk dat de provincie de " +
			"Europese normen voor stikstofdioxide stelselmatig heeft overschreden, en dat " +
			"omwonenden van de snelweg recht hebben op schadevergoeding, een onafhankelijk " +
			"meetnet en een plan dat binnen zes maanden wordt uitgevoerd",
	},
	"short": {Site: "Roneo", Title: "Strike!", Lang: "en"},
	"oneword": {
		Site: "Bürgerinitiative gegen die Ortsumgehung und für einen besseren Nahverkehr im ganzen Landkreis", Lang: "de",
		Kicker: "Pressemitteilung", Title: "Die Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt antwortet nicht",
	},
	"nokicker": {
		Site: "Friends of the Earth Wales", Lang: "en",
		Title: "Why the new bypass will not fix congestion, and what would",
	},
	"cyrillic": {
		Site: "Мемориал", Kicker: "Новости", Lang: "ru",
		Title: "Суд признал незаконным арест участников пикета у здания парламента",
	},
	"mixed": {
		Site: "Roneo", Kicker: "Solidarité", Lang: "fr",
		Title: "Hong Kong 香港 : « la liberté de la presse » ✊🏽 n’est pas négociable",
	},
}
