package render

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fuzzSeeds returns realistic French, Dutch and English texts, plus the
// shapes that trouble typographers and sanitisers. The benchmark article
// comes in paragraphs: the fuzzer mutates and minimises short inputs far
// faster than a whole article.
func fuzzSeeds() []string {
	return append(strings.Split(frenchArticle, "\n\n"),
		"Il a dit : « Non ! » Puis, à 10:30, il est parti... l'été dernier.",
		`"C'est 'super'", dit-elle -- et c'est vrai !`,
		"Quoi ?! Non !!! Voir http://exemple.fr/?q=1 ou C:\\Temp ;-) :)",
		"Hij zei „nee” en 's avonds kwam zo'n man: 'ik ga', zei hij.",
		`De jaren '80 waren "anders" -- vond 't Belang van Limburg...`,
		"She said \"don't\" -- and 'rock 'n' roll' was the '90s...",
		"**mot** : `code \"x\" --` et [lien](https://exemple.fr) !",
		"# Titre : \"bilan\"\n\n## Sous-titre\n\nTexte[^1].\n\n[^1]: Note : \"ici\".",
		"| a | b |\n|:-|-:|\n| x : | \"y\" |",
		"![Foule](/m.jpg \"Place Saint-Lambert © Marie Dupont\")\n\nTexte ![icône](/i.png) !",
		"<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>",
		"[x](javascript:alert(1)) <a href=\"jav&#x09;ascript:alert(1)\" style=\"x\">y</a>",
		"\\\"échappé\\\" &quot;entité&quot; &#8239;! &nbsp;:",
		"«  » « » «» \u00a0! \u202f? \t: \n; '\"'\"",
		"---\n\n- a -- b\n- c --- d\n\n1. « un »\n2. 'deux'",
		"![Foule place Saint-Lambert](photo:12 \"La manifestation : \\\"non\\\" © Marie Dupont\")",
		"Voir ![plan](photo:3) et ![x](photo:0) ou ![y](photo:x) !\n\n[![z](photo:4)](/a)",
		"![r][p]\n\n[p]: photo:5\n\nNote[^1].\n\n[^1]: ![e](PHOTO:006 \"© Belga\")",
		"<img data-photo=\"8\" alt=\"a\"><figure class=\"photo x\"><img data-photo=\"9 9\" onerror=\"alert(1)\"></figure>",
		"<style><img data-photo=\"13\"></style> ![a](photo:1234567890123456789) `![c](photo:14)`",
	)
}

func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"fr", "nl", "en"} {
			once := r.Text(lang, s)
			if twice := r.Text(lang, once); twice != once {
				t.Fatalf("Text(%q) not idempotent on %+q:\n once %+q\ntwice %+q", lang, s, once, twice)
			}
			if utf8.ValidString(s) && !utf8.ValidString(once) {
				t.Fatalf("Text(%q, %+q) = %+q: invalid UTF-8", lang, s, once)
			}
			if spacePairs(once) > spacePairs(s) {
				t.Fatalf("Text(%q, %+q) = %+q: created consecutive spaces", lang, s, once)
			}
			checkNodeOrder(t, r.family(lang).style, s)
		}
	})
}

// checkNodeOrder typesets s as if each '*' ended a text node and each '`'
// were a code span, and checks what the Markdown path relies on: every
// node's characters stay together and in order, and objects are kept.
func checkNodeOrder(t *testing.T, st style, s string) {
	var cells []cell
	var seg int32
	objects := 0
	for _, r := range s {
		switch r {
		case '*':
			seg++
		case '`':
			cells = append(cells, cell{r: objectRune, seg: opaque})
			objects++
		default:
			cells = append(cells, cell{r: r, seg: seg})
		}
	}
	var buf buffers
	last := int32(0)
	for _, c := range st.apply(cells, &buf) {
		if c.seg == opaque {
			objects--
			continue
		}
		if c.seg < last {
			t.Fatalf("typesetting %+q moved text of node %d after node %d", s, c.seg, last)
		}
		last = c.seg
	}
	if objects != 0 {
		t.Fatalf("typesetting %+q lost or added objects", s)
	}
}

// spacePairs counts adjacent pairs of white space characters.
func spacePairs(s string) int {
	n := 0
	prevSpace := false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && prevSpace {
			n++
		}
		prevSpace = space
	}
	return n
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range append(fuzzSeeds(), sanitiserSeeds()...) {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			t.Skip()
		}
		for _, lang := range []string{"fr", "nl", "en"} {
			out, err := r.Markdown(lang, src)
			if err != nil {
				t.Fatalf("Markdown(%q, %+q): %v", lang, src, err)
			}
			if problem := unsafeMarkup(out); problem != "" {
				t.Fatalf("Markdown(%q, %+q): %s in\n%s", lang, src, problem, out)
			}
			if strings.Contains(strings.ToLower(out), "<h1") {
				t.Fatalf("Markdown(%q, %+q) produced an <h1>:\n%s", lang, src, out)
			}
			if !utf8.ValidString(out) {
				t.Fatalf("Markdown(%q, %+q): invalid UTF-8 output", lang, src)
			}
		}
		checkPhotoRefs(t, r, src)
	})
}
