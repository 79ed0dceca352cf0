package search

import (
	"strconv"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/testkit"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		lang content.Lang
		text string
		want string
	}{
		// Stemming, then folding: every spelling of a word meets on one term.
		{"fr", "grève grèves greve Grèves GRÈVES", "grev grev grev grev grev"},
		{"fr", "gre\u0300ves", "grev"}, // decomposed accents
		{"fr-BE", "grèves", "grev"},
		{"nl", "staking stakingen", "staking staking"},
		{"nl", "fiets fietsen", "fiet fiets"}, // Snowball is not idempotent: see Expand
		{"en", "strike strikes striking", "strike strike strike"},
		// Elisions, possessives, hyphens.
		{"fr", "L’usine d'Aulnay, qu’il dit jusqu’au soir", "usin aulnay il dit au soir"},
		{"fr", "aujourd’hui", "aujourd hui"},
		{"en", "John's strike, don't", "john strike don t"},
		{"nl", "auto's en foto’s", "auto en foto"},
		{"fr", "état-major, covid-19", "etat major covid 19"},
		// Ligatures and letters NFD does not decompose.
		{"fr", "œuvres oeuvre", "oeuvr oeuvr"},
		{"de", "Straße Łódź Ørsted", "strasse lodz orsted"},
		// Stop words and repetitions stay: phrases need their positions.
		{"fr", "le droit de grève, le droit", "le droit de grev le droit"},
		// Other scripts are kept, not stemmed.
		{"ar", "إضراب عام", "اضراب عام"},
		{"hi", "हड़ताल", "हडतल"},
		{"fr", "😀 ?! -- “”", ""},
	}
	for _, tt := range tests {
		got := strings.Join(Terms(tt.lang, tt.text), " ")
		if got != tt.want {
			t.Errorf("Terms(%s, %q) = %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestTermsCutsLongWords(t *testing.T) {
	got := Terms("de", strings.Repeat("é", 1000))
	if len(got) != 1 || got[0] != strings.Repeat("e", maxTermRunes) {
		t.Errorf("Terms of a 1000-letter word = %q", got)
	}
}

func TestDocument(t *testing.T) {
	got := Document("fr", "Les grèves continuent", "À l’usine de Flins,", "la grève dure.")
	want := Fields{Title: "le grev continuent", Body: "a usin de flin la grev dur"}
	if got != want {
		t.Errorf("Document = %+v, want %+v", got, want)
	}
}

func TestTSVector(t *testing.T) {
	got := TSVector(Document("fr", "La grève", "", "Le droit de grève, la grève."))
	// The body starts at 4: position 3 is the gap that keeps phrases in one field.
	want := "'la':1A,8 'grev':2A,7,9 'le':4 'droit':5 'de':6"
	if got != want {
		t.Errorf("TSVector = %q, want %q", got, want)
	}
	long := TSVector(Fields{Body: strings.Repeat("grev ", 20000)})
	if n := strings.Count(long, ","); n != maxTSPositions-1 || !strings.HasSuffix(long, ","+strconv.Itoa(maxTSPositions+1)) {
		t.Errorf("TSVector of 20,000 repetitions keeps %d positions, ends %q", n+1, long[len(long)-10:])
	}
}

func TestIndexerAgreesWithDocument(t *testing.T) {
	var ix Indexer
	for range 2 {
		for _, lang := range langs("fr", "nl", "en", "de", "fr-BE") {
			got := ix.Document(lang, "Les grèves", "De stakingen", article())
			if want := Document(lang, "Les grèves", "De stakingen", article()); got != want {
				t.Errorf("Indexer.Document(%s) = %+v, want %+v", lang, got, want)
			}
		}
	}
}

// TestImports keeps the package pure: no database, no HTTP, no templates.
func TestImports(t *testing.T) {
	allowed := []string{
		"github.com/blevesearch/snowballstem", "github.com/blevesearch/snowballstem/dutch",
		"github.com/blevesearch/snowballstem/english", "github.com/blevesearch/snowballstem/french",
		"github.com/roneo/roneo/internal/content", "golang.org/x/text/unicode/norm",
		"slices", "strconv", "strings", "unicode", "unicode/utf8",
	}
	testkit.Imports(t, allowed...)
}

// article returns a 3 KB French news story, the size of a typical Roneo
// article, written without repeats so that the benchmarks do not flatter the
// stemmer's memory.
func article() string {
	const text = "Les syndicats de l’usine de Flins ont voté mardi la reconduction de la grève, " +
		"qu’ils jugent « indispensable » face au projet de réforme présenté la semaine dernière par " +
		"le gouvernement. Réunis en assemblée générale dès six heures du matin, plusieurs centaines " +
		"de salariés ont approuvé à main levée la poursuite du mouvement jusqu’à vendredi au moins. " +
		"La direction, qui avait proposé jeudi une prime exceptionnelle, dénonce un blocage « " +
		"irresponsable » et affirme que les commandes de véhicules électriques prendront du retard. " +
		"Selon la préfecture, le piquet de grève installé devant l’entrée principale n’empêche pas " +
		"l’accès des camions de livraison, mais la production est quasiment à l’arrêt depuis lundi. " +
		"Les représentants du personnel réclament l’ouverture de négociations sur les salaires, " +
		"gelés depuis trois ans, ainsi que des garanties sur l’avenir du site après deux mille " +
		"vingt-huit. Ils rappellent que l’entreprise a versé l’an dernier des dividendes records à " +
		"ses actionnaires. À Bruxelles, la Commission européenne suit le dossier avec attention : " +
		"une aide publique accordée au constructeur pour la transition énergétique pourrait être " +
		"réexaminée si les engagements en matière d’emploi n’étaient pas respectés. Le ministre de " +
		"l’Industrie a appelé les deux parties au dialogue et promis de recevoir une délégation " +
		"syndicale dans les prochains jours. Dans les communes voisines, commerçants et élus " +
		"locaux s’inquiètent des conséquences économiques d’un conflit prolongé. « Quand l’usine " +
		"tousse, c’est toute la vallée qui s’enrhume », résume le maire de Meulan, qui a ouvert une " +
		"salle municipale pour les grévistes et leurs familles. Une cagnotte en ligne a déjà " +
		"recueilli plus de quarante mille euros. Les économistes interrogés rappellent que le " +
		"secteur automobile traverse une période de profonde mutation : la fin programmée des " +
		"moteurs thermiques, la concurrence des fabricants asiatiques et la hausse du prix des " +
		"matières premières pèsent sur les marges. Pour les salariés, l’enjeu dépasse toutefois la " +
		"seule question salariale. Beaucoup craignent que la réorganisation annoncée ne prépare " +
		"une délocalisation partielle de la production vers l’Europe de l’Est ou le Maroc. La " +
		"direction dément catégoriquement et assure que de nouveaux investissements sont prévus " +
		"pour moderniser les chaînes de montage. Les syndicats demandent que ces promesses soient " +
		"inscrites noir sur blanc dans un accord d’entreprise, avec un calendrier précis et des " +
		"indicateurs vérifiables. Une nouvelle assemblée générale est prévue vendredi matin; " +
		"d’ici là, le mouvement pourrait s’étendre aux sous-traitants de la région, où des " +
		"préavis ont été déposés. Les transports en commun, eux, fonctionnent normalement. " +
		"Au Parlement, l’opposition a demandé l’audition du président du groupe, tandis que " +
		"la majorité souhaite attendre l’issue des discussions avant toute initiative législative."
	return text[:3000]
}

func BenchmarkTerms(b *testing.B) {
	text := article()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Terms("fr", text)
	}
}

// BenchmarkIndexer analyses the same article again and again: the best case,
// every word already met, which a long reindex approaches.
func BenchmarkIndexer(b *testing.B) {
	text := article()
	b.SetBytes(int64(len(text)))
	var ix Indexer
	for b.Loop() {
		ix.Document("fr", "La grève continue à Flins", text[:200], text)
	}
}

func BenchmarkDocument(b *testing.B) {
	text := article()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		TSVector(Document("fr", "La grève continue à Flins", text[:200], text))
	}
}
