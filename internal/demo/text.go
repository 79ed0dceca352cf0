package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cast is who and where a story is about. It is chosen once per story so that every
// sentence, and every language version, speaks of the same people and places.
type cast struct {
	place, country, company, actors, work int
	people                                [2]quoted
}

// otherCompany draws any company but Métallerie Vandamme, whose closure is a dossier of
// its own: a strike there told in another story would contradict it.
func otherCompany(rng *rand.Rand) int {
	return vandamme + 1 + rng.IntN(len(companies)-1)
}

// quoted is someone a story quotes: an invented name and a role.
type quoted struct{ first, last, role int }

func newCast(rng *rand.Rand, tp *topic) cast {
	c := cast{
		place:   rng.IntN(len(places)),
		country: rng.IntN(len(countries)),
		company: otherCompany(rng),
		actors:  rng.IntN(len(tp.actorList())),
		work:    rng.IntN(len(works)),
	}
	for i := range c.people {
		c.people[i] = quoted{rng.IntN(len(firstNames)), rng.IntN(len(lastNames)), rng.IntN(len(tp.roleList()))}
	}
	if c.people[0].last == c.people[1].last { // two voices, two families
		c.people[1].last = (c.people[1].last + 1) % len(lastNames)
	}
	if tp.pin != nil {
		tp.pin(&c)
	}
	return c
}

// draw holds the numbers one phrase may use: n (20–899), k (2–29), m (20–39), big
// (1,000–49,999), wage (a monthly wage in euros), pct (2–15 %) and a weekday. Every
// phrase draws all of them, whatever its language needs, so that the versions of a story
// stay in step.
type draw struct{ n, k, m, big, wage, pct, day int }

func newDraw(rng *rand.Rand) draw {
	return draw{
		n:    20 + rng.IntN(880),
		k:    2 + rng.IntN(28),
		m:    20 + rng.IntN(20),
		big:  1000 + rng.IntN(49000),
		wage: 1600 + 10*rng.IntN(180),
		pct:  2 + rng.IntN(14),
		day:  rng.IntN(len(weekdays)),
	}
}

// text writes the phrases of one story in one language.
type text struct {
	lang  int
	topic *topic
	cast  *cast
	buf   []byte
	// quoted counts quotations so far: each {quote} takes the next of the topic's, so that
	// a piece quotes them all before it repeats one.
	quoted int
	// counted are the words written so far in each language, while the fewest of them
	// is under minWords; others hold the other languages' text while it is counted.
	counted [len(langs)]int
	others  []*text
}

// phrase appends tpl in the text's language, filled and starting with a capital letter.
func (t *text) phrase(tpl tri, d draw) {
	if t.others != nil && t.words() < minWords {
		for _, o := range t.others {
			o.fill(tpl[o.lang], d)
			t.counted[o.lang] += wordCount(o.buf)
			o.buf = o.buf[:0]
		}
		defer func(start int) { t.counted[t.lang] += wordCount(t.buf[start:]) }(len(t.buf))
	}
	start := len(t.buf)
	t.fill(tpl[t.lang], d)
	capitalize(t.buf[start:])
}

// countInAllLangs makes the text count its words in every language: a body that pads
// itself up to minWords must pad alike in all, or its versions would not say the same.
func (t *text) countInAllLangs() {
	for l := range langs {
		if l != t.lang {
			t.others = append(t.others, &text{lang: l, topic: t.topic, cast: t.cast, quoted: t.quoted, buf: make([]byte, 0, 512)})
		}
	}
}

// words is the fewest words the text has in any language, as far as it counts them.
func (t *text) words() int {
	if t.others == nil {
		return wordCount(t.buf)
	}
	return min(t.counted[0], t.counted[1], t.counted[2])
}

// take returns what the text holds and empties it for the next field.
func (t *text) take() string {
	s := string(t.buf)
	t.buf = t.buf[:0]
	return s
}

// fill appends s with its {placeholders} replaced.
func (t *text) fill(s string, d draw) {
	for len(s) > 0 {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			t.buf = append(t.buf, s...)
			return
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			panic("demo: unclosed placeholder in " + s) // a typo in the phrase tables
		}
		t.buf = append(t.buf, s[:i]...)
		at := len(t.buf)
		t.value(s[i+1:i+j], d)
		if t.lang == fr {
			t.elide(at)
		}
		s = s[i+j+1:]
	}
}

func (t *text) value(key string, d draw) {
	l, c := t.lang, t.cast
	switch key {
	case "place":
		t.buf = append(t.buf, places[c.place].name[l]...)
	case "at_place":
		t.buf = append(t.buf, places[c.place].at[l]...)
	case "Country":
		t.buf = append(t.buf, countries[c.country].bare[l]...)
	case "country":
		t.buf = append(t.buf, countries[c.country].name[l]...)
	case "in_country":
		t.buf = append(t.buf, countries[c.country].in[l]...)
	case "capital":
		t.buf = append(t.buf, countries[c.country].capital[l]...)
	case "company":
		t.buf = append(t.buf, companies[c.company]...)
	case "work":
		t.buf = append(t.buf, works[c.work]...)
	case "actors":
		t.buf = append(t.buf, t.topic.actorList()[c.actors][l]...)
	case "name", "name2":
		t.name(c.people[len(key)-4])
	case "role", "role2":
		t.role(c.people[len(key)-4])
	case "org":
		t.buf = append(t.buf, orgName[l]...)
	case "quote":
		q := t.topic.quoteList()
		t.quoted++
		t.fill(q[t.quoted%len(q)][l], d)
	default:
		t.number(key, d)
	}
}

func (t *text) name(p quoted) {
	t.buf = append(t.buf, firstNames[p.first].name...)
	t.buf = append(t.buf, ' ')
	t.buf = append(t.buf, lastNames[p.last]...)
}

func (t *text) role(p quoted) {
	t.buf = append(t.buf, gendered(t.topic.roleList()[p.role][t.lang], firstNames[p.first].female)...)
}

func (t *text) number(key string, d draw) {
	switch key {
	case "n":
		t.buf = strconv.AppendInt(t.buf, int64(d.n), 10)
	case "k":
		t.buf = strconv.AppendInt(t.buf, int64(d.k), 10)
	case "m":
		t.buf = strconv.AppendInt(t.buf, int64(d.m), 10)
	case "big":
		t.buf = appendThousands(t.buf, d.big, thousandsSep[t.lang])
	case "wage":
		t.buf = appendThousands(t.buf, d.wage, thousandsSep[t.lang])
	case "pct":
		t.buf = strconv.AppendInt(t.buf, int64(d.pct), 10)
		t.buf = append(t.buf, percentSign[t.lang]...)
	case "day":
		t.buf = append(t.buf, weekdays[d.day][t.lang]...)
	default:
		panic("demo: unknown placeholder {" + key + "}") // a typo in the phrase tables
	}
}

// Numbers as each language writes them: "12 400 euros", "12.400 euro", "12,400 euros".
var (
	thousandsSep = [3]string{"\u202f", ".", ","}
	percentSign  = [3]string{"\u202f%", " procent", "%"}
)

func appendThousands(b []byte, v int, sep string) []byte {
	if v < 1000 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	b = appendThousands(b, v/1000, sep)
	b = append(b, sep...)
	r := v % 1000
	if r < 100 {
		b = append(b, '0')
	}
	if r < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(r), 10)
}

// capitalize upper-cases the first letter of b and of every sentence in it, in place,
// skipping opening punctuation ("« les grévistes…" → "« Les grévistes…"). Letters whose
// capital needs more bytes stay as they are; none in the phrase tables do.
func capitalize(b []byte) {
	start := true
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case start && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if u := unicode.ToUpper(r); u != r && utf8.RuneLen(u) == size {
				utf8.EncodeRune(b[i:], u)
			}
			start = false
		case (r == '.' || r == '!' || r == '?') && i+1 < len(b) && b[i+1] == ' ':
			start = true
		}
		i += size
	}
}
