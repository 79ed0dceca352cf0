package render

import "testing"

type textCase struct {
	name, in, want string
}

var frenchCases = []textCase{
	{"space before !", "Bonjour !", "Bonjour\u202f!"},
	{"no space before !", "Bonjour!", "Bonjour\u202f!"},
	{"nbsp before ?", "Vraiment\u00a0?", "Vraiment\u202f?"},
	{"several spaces collapse", "Quoi  \u00a0!", "Quoi\u202f!"},
	{"?! takes one space", "Quoi ?!", "Quoi\u202f?!"},
	{"!!! takes one space", "Non!!!", "Non\u202f!!!"},
	{"semicolon", "Ceci ; cela", "Ceci\u202f; cela"},
	{"colon", "Attention: danger", "Attention\u202f: danger"},
	{"colon at end", "La liste:", "La liste\u202f:"},
	{"time", "Rendez-vous à 10:30 ou 10 : 45.", "Rendez-vous à 10:30 ou 10\u202f: 45."},
	{"url", "Voir http://exemple.fr/page?id=3 ici", "Voir http://exemple.fr/page?id=3 ici"},
	{"url then question", "Vous connaissez http://exemple.fr ?", "Vous connaissez http://exemple.fr\u202f?"},
	{"ratio", "Format 3:2 et 16:9", "Format 3:2 et 16:9"},
	{"smileys", "Super :) et ;-) et :D et :-(", "Super :) et ;-) et :D et :-("},
	{"windows path", `Ouvrez C:\Roneo`, `Ouvrez C:\Roneo`},
	{"not equal", "si a != b", "si a != b"},
	{"punctuation opening a line", "! début\n? suite", "! début\n? suite"},
	{"straight quotes", `Il a dit "non".`, "Il a dit «\u202fnon\u202f»."},
	{"straight quotes spaced", `Il a dit " non ".`, "Il a dit «\u202fnon\u202f»."},
	{"typed guillemets", "« Non », dit-il.", "«\u202fNon\u202f», dit-il."},
	{"tight guillemets", "«Non»", "«\u202fNon\u202f»"},
	{"guillemets and !", "« Oui ! »", "«\u202fOui\u202f!\u202f»"},
	{"guillemets then ?", `Le "non" ?`, "Le «\u202fnon\u202f»\u202f?"},
	{"apostrophes", "l'été, aujourd'hui, qu'il", "l’été, aujourd’hui, qu’il"},
	{"nested quotes", `Il a dit "c'est 'super'"`, "Il a dit «\u202fc’est “super”\u202f»"},
	{"quote inside typed guillemets", `« Il a dit "non" »`, "«\u202fIl a dit “non”\u202f»"},
	{"ellipsis", "Bof... bon", "Bof… bon"},
	{"four dots", "Bof....", "Bof…."},
	{"en dash", "1914--1918", "1914–1918"},
	{"em dash", "Oui --- enfin", "Oui — enfin"},
	{"long hyphen runs stay", "-----", "-----"},
	{"already typeset", "«\u202fOui\u202f»\u202f!", "«\u202fOui\u202f»\u202f!"},
	{"empty guillemets", "« »", "«\u202f»"},
	{"multiline", "Tu viens ?\nOui: demain.", "Tu viens\u202f?\nOui\u202f: demain."},
}

var dutchCases = []textCase{
	{"double quotes", `Hij zei "nee".`, "Hij zei „nee”."},
	{"single quotes", "Ze zei 'ja' en ging.", "Ze zei ‘ja’ en ging."},
	{"apostrophe", "zo'n auto", "zo’n auto"},
	{"elided article", "'s avonds en 't huis", "’s avonds en ’t huis"},
	{"elided capital", "'s Avonds", "’s Avonds"},
	{"elision inside quote", "Hij zei 'ik kom 's avonds' en ging.", "Hij zei ‘ik kom ’s avonds’ en ging."},
	{"decade", "de jaren '80", "de jaren ’80"},
	{"no French spacing", "Let op: nu! Wat?", "Let op: nu! Wat?"},
	{"quote inside typed quotes", `„Hij zei "nee" en ging”`, "„Hij zei ‘nee’ en ging”"},
	{"dashes and ellipsis", "1940--1945... en --- kortom", "1940–1945… en — kortom"},
}

var englishCases = []textCase{
	{"double quotes", `She said "hello".`, "She said “hello”."},
	{"apostrophe", "don't", "don’t"},
	{"single quotes", "'Hello,' she said", "‘Hello,’ she said"},
	{"rock and roll", "rock 'n' roll", "rock ’n’ roll"},
	{"decade", "the '90s", "the ’90s"},
	{"plural possessive", "the students' books", "the students’ books"},
	{"elision inside quotes", `"'Tis the season," he said`, "“’Tis the season,” he said"},
	{"no French spacing", "Wait: what?", "Wait: what?"},
	{"en dash", "pages 10--12", "pages 10–12"},
	{"em dash", "yes---no", "yes—no"},
	{"ellipsis", "and so...", "and so…"},
	{"quote after bracket", `("yes")`, "(“yes”)"},
	{"quote inside typed quotes", `“He said "no" twice”`, "“He said ‘no’ twice”"},
}

func TestText(t *testing.T) {
	r := New()
	for _, tt := range []struct {
		langs []string
		cases []textCase
	}{
		{[]string{"fr", "fr-BE", "FR_ch"}, frenchCases},
		{[]string{"nl", "nl-BE"}, dutchCases},
		{[]string{"en", "en-GB", "de", ""}, englishCases},
	} {
		for _, lang := range tt.langs {
			for _, c := range tt.cases {
				if got := r.Text(lang, c.in); got != c.want {
					t.Errorf("Text(%q, %q) [%s]\n got %+q\nwant %+q", lang, c.in, c.name, got, c.want)
				}
			}
		}
	}
}

func TestTextIdempotent(t *testing.T) {
	r := New()
	all := append(append(append([]textCase{}, frenchCases...), dutchCases...), englishCases...)
	for _, lang := range []string{"fr", "nl", "en"} {
		for _, c := range all {
			once := r.Text(lang, c.in)
			if twice := r.Text(lang, once); twice != once {
				t.Errorf("Text(%q) not idempotent on %q:\n once %+q\ntwice %+q", lang, c.in, once, twice)
			}
		}
	}
}
