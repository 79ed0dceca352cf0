package demo

import (
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/urls"
)

// Every decision below draws from the story's random stream the same way in every
// language, and the phrase tables are aligned, so a translation has the same paragraphs,
// quotations and figures as the original. Nothing here may branch on the language before
// a draw.

// writeHeadline sets the job's title, standfirst and signature, before typography.
func (j *job) writeHeadline() {
	st := j.story
	rng := st.rng(j.seed, streamHeadline)
	t := &text{lang: j.lang, topic: st.topic, cast: &st.cast, quoted: rng.IntN(8)}
	t.phrase(st.headline[0], newDraw(rng))
	j.title = t.take()
	t.phrase(st.headline[1], newDraw(rng))
	j.standfirst = t.take()
	if st.byline != nil {
		t.fill(gendered(st.byline[j.lang], st.female), draw{})
		j.signature = t.take()
	}
}

// Bodies have 300 to 900 words: mostly news pieces of 300 to 450, a few long reads. Every
// word is stored twice (Markdown and HTML), so the mean sets how fast a large demo is
// written. Sentences average 10 words in Dutch and 11.5 in French: 30 to 62 of them keep
// French under the maximum. A short piece pads up to the minimum before its closing
// paragraph; whether it must is judged in the language that says it in fewest words, so
// that every version pads alike and says the same.
const (
	minWords     = 300
	minSentences = 30
	maxSentences = 62
)

// body returns the article's Markdown in paragraphs with now and then subheadings, a
// quotation, a list, a table, a footnote and a link.
func (j *job) body() string {
	b := &bodyWriter{
		rng:  j.story.rng(j.seed, streamBody),
		t:    text{lang: j.lang, topic: j.story.topic, cast: &j.story.cast, buf: make([]byte, 0, 8<<10)},
		kind: j.story.kind,
	}
	b.own.list, b.generic.list = j.story.topic.sentences, genericSentences
	b.t.quoted = b.rng.IntN(8)
	b.t.countInAllLangs()
	paras, after, heads, footnote := b.layout()
	for i, n := range paras {
		last := i == len(paras)-1
		for last && b.t.words() < minWords {
			b.paragraph(3, false, false, false)
		}
		b.paragraph(n, i == 0, last, i == footnote)
		for _, block := range after[i] {
			block()
		}
		if heads[i] {
			b.subhead()
		}
	}
	if j.link != nil {
		b.readAlso(j.lang, j.link)
	}
	if j.story.kind == content.KindPressRelease && j.status == content.StatusScheduled {
		b.t.buf = append(b.t.buf, embargoNote[j.lang]...)
		b.t.buf = append(b.t.buf, "\n\n"...)
	}
	if footnote >= 0 {
		b.t.buf = append(b.t.buf, "[^1]: "...)
		b.t.phrase(pick(b.rng, footnotes), draw{})
		b.t.buf = append(b.t.buf, '\n')
	}
	return string(b.t.buf)
}

type bodyWriter struct {
	rng          *rand.Rand
	t            text
	kind         content.Kind
	own, generic deck // the topic's sentences and everyone's
}

// deck deals phrases in a random order without repeating one until all have been dealt.
type deck struct {
	list     []tri
	order    []int
	shuffled bool
}

// spent reports whether the deck has dealt all its phrases since it was last shuffled.
func (d *deck) spent() bool { return d.shuffled && len(d.order) == 0 }

func (d *deck) deal(rng *rand.Rand) tri {
	if len(d.order) == 0 {
		d.order, d.shuffled = rng.Perm(len(d.list)), true
	}
	k := d.order[0]
	d.order = d.order[1:]
	return d.list[k]
}

// layout decides the sentences of each paragraph, the blocks and subheadings that follow
// each, and which paragraph carries the footnote (-1: none).
func (b *bodyWriter) layout() (paras []int, after [][]func(), heads []bool, footnote int) {
	u := b.rng.Float64()
	sentences := minSentences + int(float64(maxSentences-minSentences)*u*u*u*u)
	for n := 0; n < sentences; {
		k := 2 + b.rng.IntN(4)
		paras = append(paras, k)
		n += k
	}
	after, heads = make([][]func(), len(paras)), make([]bool, len(paras))
	gap := func() int { return b.rng.IntN(len(paras) - 1) } // never after the last paragraph
	if b.rng.IntN(100) < 45 {
		for range 1 + b.rng.IntN(2) {
			heads[gap()] = true
		}
	}
	for _, blk := range []struct {
		percent int
		write   func()
	}{{50, b.quote}, {25, b.list}, {6, b.table}} {
		if b.rng.IntN(100) < blk.percent {
			g := gap()
			after[g] = append(after[g], blk.write)
		}
	}
	footnote = -1
	if b.rng.IntN(100) < 6 {
		footnote = b.rng.IntN(len(paras))
	}
	return paras, after, heads, footnote
}

// paragraph writes n sentences. A press release opens with the organisation's position and
// closes with practical details; a photo report frames its pictures.
func (b *bodyWriter) paragraph(n int, first, last, footnote bool) {
	switch {
	case first && b.kind == content.KindPressRelease:
		b.sentence(pick(b.rng, pressOpenings))
		n--
	case first && b.kind == content.KindPhotoReport:
		b.sentence(photoSentences[0])
		b.sentence(photoSentences[1])
		n -= 2
	}
	for i := range n {
		b.sentence(b.next(first))
		if footnote && i == n-1 {
			b.t.buf = append(b.t.buf, "[^1]"...)
		}
	}
	switch {
	case last && b.kind == content.KindPressRelease:
		for _, k := range b.rng.Perm(len(pressClosings))[:2] {
			b.sentence(pressClosings[k])
		}
	case last && b.kind == content.KindPhotoReport:
		b.sentence(photoSentences[2])
	}
	b.endBlock()
}

// next deals the next sentence: the topic's own in the opening paragraph and about two in
// five elsewhere, generic ones otherwise. When the chosen deck is spent the other one
// deals, so that a sentence comes back only once both have run out.
func (b *bodyWriter) next(first bool) tri {
	d, other := &b.generic, &b.own
	if first || b.rng.IntN(100) < 40 {
		d, other = other, d
	}
	if d.spent() && !other.spent() {
		d = other
	}
	return d.deal(b.rng)
}

// sentence appends one sentence, separated from the previous one on its line.
func (b *bodyWriter) sentence(tpl tri) {
	if n := len(b.t.buf); n > 0 && b.t.buf[n-1] != '\n' {
		b.t.buf = append(b.t.buf, ' ')
	}
	b.t.phrase(tpl, newDraw(b.rng))
}

func (b *bodyWriter) endBlock() { b.t.buf = append(b.t.buf, "\n\n"...) }

func (b *bodyWriter) subhead() {
	b.t.buf = append(b.t.buf, "## "...)
	b.t.phrase(pick(b.rng, subheads), newDraw(b.rng))
	b.endBlock()
}

func (b *bodyWriter) quote() {
	b.t.phrase(blockQuote, newDraw(b.rng))
	b.endBlock()
}

func (b *bodyWriter) list() {
	b.t.phrase(pick(b.rng, listIntros), draw{})
	b.endBlock()
	demands := slices.Concat(b.t.topic.demands, genericDemands)
	for _, k := range b.rng.Perm(len(demands))[:3+b.rng.IntN(3)] {
		b.t.buf = append(b.t.buf, "- "...)
		b.t.phrase(demands[k], newDraw(b.rng))
		b.t.buf = append(b.t.buf, '\n')
	}
	b.t.buf = append(b.t.buf, '\n')
}

// table writes turnout by town or pay claims by sector.
func (b *bodyWriter) table() {
	intro, header, rows := turnoutIntro, turnoutHeader, len(places)
	sector := b.rng.IntN(2) == 0
	if sector {
		intro, header, rows = sectorIntro, sectorHeader, len(sectors)
	}
	b.t.phrase(intro, newDraw(b.rng))
	b.endBlock()
	l := b.t.lang
	b.t.buf = append(b.t.buf, "| "+header[0][l]+" | "+header[1][l]+" |\n| --- | ---: |\n"...)
	for _, k := range b.rng.Perm(rows)[:3+b.rng.IntN(3)] {
		n := 200 + b.rng.IntN(9800)
		if sector {
			b.t.buf = append(b.t.buf, "| "+sectors[k][l]+" | "...)
			b.t.buf = strconv.AppendInt(b.t.buf, int64(2+n%12), 10)
			b.t.buf = append(b.t.buf, percentSign[l]...)
		} else {
			b.t.buf = append(b.t.buf, "| "+places[k].name[l]+" | "...)
			b.t.buf = appendThousands(b.t.buf, n, thousandsSep[l])
		}
		b.t.buf = append(b.t.buf, " |\n"...)
	}
	b.t.buf = append(b.t.buf, '\n')
}

// readAlso links to an earlier article of the same language, by the path the site serves.
func (b *bodyWriter) readAlso(l int, to *ref) {
	path := scheme.Path(urls.Page{Kind: urls.Article, Lang: langs[l], Key: to.slug})
	b.t.buf = append(b.t.buf, "*"+readAlso[l]+"["+to.title+"]("+path+")*\n\n"...)
}

// scheme builds the addresses of the articles bodies link to.
var scheme = urls.New()

// wordCount counts runs of non-blank bytes, which is what a reader counts as words.
func wordCount[T string | []byte](b T) int {
	n, inWord := 0, false
	for i := range len(b) {
		blank := b[i] == ' ' || b[i] == '\n'
		if !blank && !inWord {
			n++
		}
		inWord = !blank
	}
	return n
}

func pick(rng *rand.Rand, list []tri) tri { return list[rng.IntN(len(list))] }
