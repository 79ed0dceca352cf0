package demo

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestPhraseTables fills every phrase of every table in every language, so that a typo in
// a placeholder fails here rather than in the middle of a demo.
func TestPhraseTables(t *testing.T) {
	tables := map[string][]tri{
		"generic": genericSentences, "subheads": subheads, "lists": listIntros,
		"demands": genericDemands, "footnotes": footnotes, "press openings": pressOpenings,
		"press closings": pressClosings, "photo": photoSentences, "photo titles": photoTitles,
		"quotes": genericQuotes, "one-offs": {blockQuote, turnoutIntro, sectorIntro, pressByline, homeByline, abroadByline},
	}
	for _, tp := range topics {
		for name, list := range map[string][]tri{"titles": tp.titles, "standfirsts": tp.standfirsts,
			"sentences": tp.sentences, "demands": tp.demands, "quotes": tp.quoteList(), "actors": tp.actorList(), "roles": tp.roleList()} {
			tables[tp.key+" "+name] = list
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for name, list := range tables {
		for i, phrase := range list {
			for l := range langs {
				tp := topics[rng.IntN(len(topics))]
				c := newCast(rng, tp)
				txt := &text{lang: l, topic: tp, cast: &c}
				txt.phrase(tri{gendered(phrase[l], true), gendered(phrase[l], false), phrase[l]}, newDraw(rng))
				if got := string(txt.buf); got == "" || strings.ContainsAny(got, "{}|") {
					t.Errorf("%s[%d] in %s: %q", name, i, langs[l], got)
				}
			}
		}
	}
}

func TestTopicWeightsAddUp(t *testing.T) {
	sum := 0
	for _, tp := range topics {
		sum += tp.weight
		if len(tp.titles) == 0 || len(tp.standfirsts) == 0 || len(tp.sentences) < 5 || len(tp.tags) < 3 {
			t.Errorf("topic %s has too few phrases or tags", tp.key)
		}
		for _, key := range tp.tags {
			if _, ok := tagByKey(key); !ok && key != "@country" {
				t.Errorf("topic %s uses unknown tag %q", tp.key, key)
			}
		}
	}
	if sum != 100 {
		t.Errorf("topic weights add up to %d, want 100", sum)
	}
}

func tagByKey(key string) (tagSpec, bool) {
	for _, s := range tagSpecs {
		if s.key == key {
			return s, true
		}
	}
	return tagSpec{}, false
}

func TestSlugSet(t *testing.T) {
	s := slugSet{}
	for _, c := range []struct{ ns, text, want string }{
		{"fr", "Grève à Liège", "greve-a-liege"},
		{"fr", "Grève à Liège !", "greve-a-liege-2"},
		{"fr", "greve a liege 2", "greve-a-liege-2-2"},
		{"fr", "Grève à Liège", "greve-a-liege-3"},
		{"nl", "Grève à Liège", "greve-a-liege"},
		{"fr", "« ? »", "sans-titre"},
		{"fr", strings.Repeat("mot ", 60), strings.TrimSuffix(strings.Repeat("mot-", 29), "-")},
	} {
		if got := s.unique(c.ns, c.text); got != c.want {
			t.Errorf("unique(%q, %q) = %q, want %q", c.ns, c.text, got, c.want)
		}
	}
}

func TestNumbersAndCapitals(t *testing.T) {
	for _, c := range []struct {
		v        int
		sep, out string
	}{{999, ".", "999"}, {1000, ".", "1.000"}, {12045, ",", "12,045"}, {1234567, "\u202f", "1\u202f234\u202f567"}} {
		if got := string(appendThousands(nil, c.v, c.sep)); got != c.out {
			t.Errorf("appendThousands(%d) = %q, want %q", c.v, got, c.out)
		}
	}
	for in, want := range map[string]string{
		"« les grévistes. »": "« Les grévistes. »",
		"à Liège. les gens":  "À Liège. Les gens",
		"12 jours. ok? oui":  "12 jours. Ok? Oui",
	} {
		b := []byte(in)
		capitalize(b)
		if string(b) != want {
			t.Errorf("capitalize(%q) = %q, want %q", in, b, want)
		}
	}
}

// TestFrenchContractions: French joins "de", "à", "le", "que" to what a placeholder
// brings ("de les travailleurs" → "des travailleurs"); other languages are left alone.
func TestFrenchContractions(t *testing.T) {
	c := cast{company: slices.Index(companies, "Imprimerie Wouters"), actors: 0, country: 1, place: 13}
	for _, tc := range []struct{ tpl, fr, nl string }{
		{"Reprise de {company}", "Reprise d'Imprimerie Wouters", "Reprise de Imprimerie Wouters"},
		{"la gare de {place}", "la gare d'Anvers", "la gare de Antwerpen"},
		{"les amis de {actors}", "les amis des travailleurs", "les amis de de werknemers"},
		{"De {actors} partout", "Des travailleurs partout", "De de werknemers partout"},
		{"face à {actors}", "face aux travailleurs", "face à de werknemers"},
		{"À {actors} de jouer", "Aux travailleurs de jouer", "À de werknemers de jouer"},
		{"les mines de {country}", "les mines du Chili", "les mines de Chili"},
		{"le code de {work}", "le code de Les Mains rouges", "le code de Les Mains rouges"},
		{"« {company} »", "« Imprimerie Wouters »", "« Imprimerie Wouters »"},
	} {
		for _, l := range []int{fr, nl} {
			txt := &text{lang: l, topic: topicStrike, cast: &c}
			txt.fill(tc.tpl, draw{})
			want := map[int]string{fr: tc.fr, nl: tc.nl}[l]
			if got := string(txt.buf); got != want {
				t.Errorf("%s in %s: %q, want %q", tc.tpl, langs[l], got, want)
			}
		}
	}
}
