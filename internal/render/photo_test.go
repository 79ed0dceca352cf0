package render

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestMarkdownPhotos(t *testing.T) {
	r := New()
	for _, tt := range []struct {
		name, lang, src, want string
	}{
		{"figure with caption and credit", "en",
			`![Protesters at the embassy](photo:12 "Rally at the embassy © Marie Dupont")`,
			`<figure class="photo"><img data-photo="12" alt="Protesters at the embassy" loading="lazy">` +
				`<figcaption>Rally at the embassy <span class="credit">© Marie Dupont</span></figcaption></figure>` + "\n"},
		{"figure without title: the site adds the photo's caption", "fr",
			`![Foule](photo:7)`,
			`<figure class="photo"><img data-photo="7" alt="Foule" loading="lazy"></figure>` + "\n"},
		{"caption typeset", "fr",
			`![Foule](photo:7 "La foule : \"non\"")`,
			`<figure class="photo"><img data-photo="7" alt="Foule" loading="lazy">` +
				"<figcaption>La foule\u202f: «\u202fnon\u202f»</figcaption></figure>\n"},
		{"inline", "en",
			`See ![the map](photo:3) here`,
			`<p>See <img data-photo="3" alt="the map" loading="lazy"> here</p>` + "\n"},
		{"in a link", "en",
			`[![a](photo:4)](https://example.org/)`,
			`<p><a href="https://example.org/" rel="noreferrer"><img data-photo="4" alt="a" loading="lazy"></a></p>` + "\n"},
		{"number written with zeros and capitals", "en",
			`![z](Photo:0012)`,
			`<figure class="photo"><img data-photo="12" alt="z" loading="lazy"></figure>` + "\n"},
		{"zero is no photo", "en", `![zero](photo:0)`, "<p>zero</p>\n"},
		{"letters are no photo", "en", `A ![b & c](photo:x) d`, "<p>A b &amp; c d</p>\n"},
		{"no number", "en", `![none](photo:)`, "<p>none</p>\n"},
		{"19 digits is no photo", "en", `![big](photo:1234567890123456789)`, "<p>big</p>\n"},
		{"18 digits is", "en", `![big](photo:123456789012345678)`,
			`<figure class="photo"><img data-photo="123456789012345678" alt="big" loading="lazy"></figure>` + "\n"},
		{"alt escaped", "en", `![a < b & "c"](photo:5)`,
			`<figure class="photo"><img data-photo="5" alt="a &lt; b &amp; &#34;c&#34;" loading="lazy"></figure>` + "\n"},
		{"inside code: text", "en", "`![a](photo:5)`", "<p><code>![a](photo:5)</code></p>\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := MustMarkdown(t, r, tt.lang, tt.src); got != tt.want {
				t.Errorf("got  %+q\nwant %+q", got, tt.want)
			}
		})
	}
}

// TestPhotoMarkupSanitised: the sanitiser lets through exactly what photos need, on
// the elements they need it on.
func TestPhotoMarkupSanitised(t *testing.T) {
	r := New()
	for _, tt := range []struct{ src, want string }{
		{`<img data-photo="5" alt="a">`, `<img data-photo="5" alt="a">`},
		{`<img data-photo="5 6" alt="a">`, `<img alt="a">`},
		{`<img data-photo="-5" alt="a">`, `<img alt="a">`},
		{`<img data-photo="1234567890123456789" alt="a">`, `<img alt="a">`},
		{`<img data-photo="javascript:alert(1)" alt="a">`, `<img alt="a">`},
		{`<img data-other="5" alt="a">`, `<img alt="a">`},
		{`<p data-photo="5">x</p>`, `x`},
		{`<figure class="photo"><img data-photo="5" alt=""></figure>`, `<figure class="photo"><img data-photo="5" alt=""></figure>`},
		{`<figure class="photo big"><img src="/a.jpg" alt=""></figure>`, `<figure><img src="/a.jpg" alt=""></figure>`},
		{`<div class="photo">x</div>`, `<div>x</div>`},
		{`<img data-photo="5" alt="a" style="x" onerror="alert(1)">`, `<img data-photo="5" alt="a">`},
	} {
		got := strings.TrimSpace(MustMarkdown(t, r, "en", tt.src))
		got = strings.TrimSuffix(strings.TrimPrefix(got, "<p>"), "</p>")
		if got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestPhotoRefs(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []int64
	}{
		{"none", "Du texte, ![une image](/media/a.jpg).", nil},
		{"in order, each once", "![a](photo:3) et ![b](photo:2)\n\n![c](photo:3 \"Légende\")", []int64{3, 2}},
		{"invalid ones left out", "![a](photo:0) ![b](photo:x) ![c](photo:1234567890123456789) ![d](photo:9)", []int64{9}},
		{"not in code", "`![a](photo:5)`\n\n    ![b](photo:6)\n\n```\n![c](photo:7)\n```", nil},
		{"reference-style and footnotes", "Texte[^1].\n\n![r][ref]\n\n[ref]: photo:5\n[^1]: ![e](photo:4)", []int64{5, 4}},
		{"raw HTML", `<p><img data-photo="8" alt=""></p>` + "\n\nTexte <img data-photo=\"11\"> ![a](photo:8)", []int64{8, 11}},
		{"raw HTML the sanitiser refuses", `<img data-photo="8 9"> <span data-photo="10">x</span>`, nil},
		{"leading zeros", "![a](photo:007) ![b](photo:7)", []int64{7}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := PhotoRefs(tt.src); !slices.Equal(got, tt.want) {
				t.Errorf("PhotoRefs = %v, want %v", got, tt.want)
			}
		})
	}
}

// renderedPhotos are the photo numbers a rendered body names, in order.
func renderedPhotos(out string) []int64 {
	var ids []int64
	for _, m := range dataPhoto.FindAllStringSubmatch(out, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		ids = append(ids, id)
	}
	return ids
}

var dataPhoto = regexp.MustCompile(`<img data-photo="([0-9]+)"`)

// TestPhotoRefsAgreeWithRendering: on every fuzz seed, each photo a rendered body names
// is among PhotoRefs.
func TestPhotoRefsAgreeWithRendering(t *testing.T) {
	r := New()
	for _, src := range append(fuzzSeeds(), sanitiserSeeds()...) {
		checkPhotoRefs(t, r, src)
	}
}

func checkPhotoRefs(t *testing.T, r *Renderer, src string) {
	t.Helper()
	refs := PhotoRefs(src)
	out := MustMarkdown(t, r, "fr", src)
	for _, id := range renderedPhotos(out) {
		if id > 0 && !slices.Contains(refs, id) {
			t.Fatalf("%+q renders photo %d, which PhotoRefs %v misses:\n%s", src, id, refs, out)
		}
	}
}
