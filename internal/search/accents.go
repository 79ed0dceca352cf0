package search

import "strings"

// Accents are folded away from every term, but the French stemmer reads them first, and
// in a word's ending they change what it removes: "supprimées" loses "ées" and
// "supprimees" only its "s" and "e", so the index holds "supprim" where a reader who
// types without accents asks for "supprime". Dutch and English stem alike with or
// without accents once folded first (their stemmers were written for unaccented text),
// so only French needs what follows.
//
// A query word is therefore also stemmed as each spelling with an accented ending that
// it may stand for: "supprimees" as "supprimées" too, "solidarite" as "solidarité",
// "ouvrieres" as "ouvrières". The endings are those in which the stemmer tells an
// accented letter from a plain one (a test keeps the list in step with its tables).
// Measured on Debian's French word list (342,000 forms, 141,000 with accents), a word
// typed without its accents missed its own stem for 44,090 forms before, and misses it
// for 105 now (rare verb forms such as "dûs" or "blasphèment"); 3,533 of the 325,000
// spellings without accents now also match the stem of a related family ("jonglera"
// finds "jonglerie"), a cost paid in a few more results, never in fewer.

// frenchEndings are the endings that the French stemmer reads differently with an accent, as
// typed without it and as written with it.
var frenchEndings = []struct{ typed, written string }{
	// Past participles and the "é" of step 2b: supprimé, supprimée, supprimés, supprimées.
	{"e", "é"}, {"ee", "ée"}, {"es", "és"}, {"ees", "ées"},
	// A final "s" stays after "è": progrès, procès, succès.
	{"es", "ès"},
	// Nouns in "-ité" (step 1): solidarité, austérité.
	{"ite", "ité"}, {"ites", "ités"},
	// "-ière" (step 4), and before "-ement" (step 1): ouvrière, entièrement.
	{"iere", "ière"}, {"ieres", "ières"}, {"ierement", "ièrement"}, {"ierements", "ièrements"},
	// The passé simple and subjunctive endings of step 2: furent, vînmes, fût.
	{"erent", "èrent"}, {"it", "ît"}, {"imes", "îmes"}, {"ites", "îtes"},
	{"at", "ât"}, {"ames", "âmes"}, {"ates", "âtes"},
	// The diaeresis after "gu": ambiguë, aiguës.
	{"gue", "guë"}, {"gues", "guës"},
	// Verb endings that begin with an "e" which an accent makes part of the stem
	// ("libérez" loses "ez", "liberez" "erez": -érer verbs), or that the stemmer removes
	// with an "e" before them and not with an "é" ("créait", "créant"; "féaux").
	{"era", "éra"}, {"erai", "érai"}, {"eraient", "éraient"}, {"erais", "érais"},
	{"erait", "érait"}, {"eras", "éras"}, {"erez", "érez"}, {"eriez", "ériez"},
	{"erions", "érions"}, {"erons", "érons"}, {"eront", "éront"},
	{"ea", "éa"}, {"eai", "éai"}, {"eaient", "éaient"}, {"eais", "éais"}, {"eait", "éait"},
	{"eant", "éant"}, {"eante", "éante"}, {"eantes", "éantes"}, {"eants", "éants"},
	{"eas", "éas"}, {"easse", "éasse"}, {"eassent", "éassent"}, {"easses", "éasses"},
	{"eassiez", "éassiez"}, {"eassions", "éassions"}, {"eaux", "éaux"},
}

// minFrenchStem is how many letters must come before an ending for it to be given an
// accent: "es" is not "ès" nor "és".
const minFrenchStem = 2

// frenchSpellings returns plain, a folded word, and each spelling with an accented
// ending that it may stand for.
func frenchSpellings(plain string) []string {
	out := []string{plain}
	for _, e := range frenchEndings {
		if len(plain) >= len(e.typed)+minFrenchStem && strings.HasSuffix(plain, e.typed) {
			out = append(out, plain[:len(plain)-len(e.typed)]+e.written)
		}
	}
	return out
}
