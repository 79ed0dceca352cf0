package site

import (
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
	"github.com/roneo/roneo/web"
)

const testHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

func testMedia(name string) string { return "/media/" + name }

// TestPictureHTML: srcset lists the derivatives that exist and no other, src and the
// size always work, and a crop follows the focal point.
func TestPictureHTML(t *testing.T) {
	p := &content.Photo{ID: 3, Hash: testHash, Format: "jpeg", Width: 4000, Height: 3000, FocusX: 38, FocusY: 21}
	const dir = "/media/photos/9f/" + testHash
	for _, tt := range []struct {
		name   string
		widths []int
		spec   pictureSpec
		want   string
	}{
		{"no derivative yet: the original", nil, pictureBody,
			`<picture><img src="` + dir + `.jpg" width="4000" height="3000" alt="Foule" loading="lazy" decoding="async"></picture>`},
		{"the derivatives that exist", []int{400, 800}, pictureArticle,
			`<picture><source type="image/webp" srcset="` + dir + `-400.webp 400w, ` + dir + `-800.webp 800w" sizes="` + pictureArticle.sizes + `">` +
				`<img src="` + dir + `-800.jpg" srcset="` + dir + `-400.jpg 400w, ` + dir + `-800.jpg 800w" sizes="` + pictureArticle.sizes + `"` +
				` width="4000" height="3000" alt="Foule" loading="eager" fetchpriority="high" decoding="async"></picture>`},
		{"a thumbnail lists small files, cropped at the focal point", []int{400, 800, 1600}, pictureThumb,
			`<picture><source type="image/webp" srcset="` + dir + `-400.webp 400w, ` + dir + `-800.webp 800w" sizes="` + pictureThumb.sizes + `">` +
				`<img src="` + dir + `-800.jpg" srcset="` + dir + `-400.jpg 400w, ` + dir + `-800.jpg 800w" sizes="` + pictureThumb.sizes + `"` +
				` width="4000" height="3000" alt="Foule" loading="lazy" decoding="async" class="fx-40 fy-20"></picture>`},
		{"a small photo's own width", []int{400, 640}, pictureThumb,
			`<picture><source type="image/webp" srcset="` + dir + `-400.webp 400w, ` + dir + `-640.webp 640w" sizes="` + pictureThumb.sizes + `">` +
				`<img src="` + dir + `-640.jpg" srcset="` + dir + `-400.jpg 400w, ` + dir + `-640.jpg 640w" sizes="` + pictureThumb.sizes + `"` +
				` width="4000" height="3000" alt="Foule" loading="lazy" decoding="async" class="fx-40 fy-20"></picture>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p.Widths = tt.widths
			if got := pictureHTML(p, "Foule", tt.spec, testMedia); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	if got := listedWidths([]int{1600}, 800); len(got) != 1 || got[0] != 1600 {
		t.Errorf("only wider derivatives: listed %v, want the narrowest", got)
	}
	p.FocusX, p.FocusY = 52, 48
	if got := focusClass(p); got != "" {
		t.Errorf("the centre gets class %q", got)
	}
	if got := pictureHTML(p, `Des "manifestants" <ici>`, pictureBody, testMedia); !strings.Contains(got, `alt="Des &#34;manifestants&#34; &lt;ici&gt;"`) {
		t.Errorf("alt not escaped: %s", got)
	}
}

func TestDownloadName(t *testing.T) {
	for credit, want := range map[string]string{
		"Marie Dupont":                       "marie-dupont-9f86d081.jpg",
		"© Jean-Pierre Lefèvre":              "jean-pierre-lefevre-9f86d081.jpg",
		"Belga / AFP":                        "belga-afp-9f86d081.jpg",
		"":                                   "photo-9f86d081.jpg",
		"Ηλίας Ζ.":                           "photo-9f86d081.jpg",
		"Ηλίας Ζ. & Ann Smith":               "ann-smith-9f86d081.jpg",
		strings.Repeat("très long nom ", 20): strings.TrimSuffix(content.ClipSlug(strings.Repeat("tres-long-nom-", 20), 60), "-") + "-9f86d081.jpg",
	} {
		p := &content.Photo{Hash: testHash, Format: "jpeg", Credit: credit}
		if got := downloadName(p); got != want {
			t.Errorf("credit %q: %q, want %q", credit, got, want)
		}
	}
	p := &content.Photo{Hash: testHash, Format: "png", Credit: "Belga"}
	if got := downloadName(p); got != "belga-9f86d081.png" {
		t.Errorf("a PNG: %q", got)
	}
}

func TestFileSize(t *testing.T) {
	b, err := i18n.Load(web.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang content.Lang
		n    int64
		want string
	}{
		{"en", 5_234_567, "5.2\u00a0MB"},
		{"fr", 5_234_567, "5,2\u00a0Mo"},
		{"nl", 5_250_000, "5,3\u00a0MB"},
		{"en", 830_400, "830\u00a0kB"},
		{"fr", 120, "1\u00a0ko"},
		{"en", 412_345_678, "412\u00a0MB"},
		{"en", 999_999, "1000\u00a0kB"},
	} {
		if got := fileSize(b.Printer(tt.lang, nil), tt.n); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// TestExpandPhotos: a body's photos become pictures with their alt text in the page's
// language, a figure without a caption gets the photo's, and a photo that is gone
// leaves nothing behind.
func TestExpandPhotos(t *testing.T) {
	photos := map[int64]content.Photo{
		7: {ID: 7, Hash: testHash, Format: "jpeg", Width: 800, Height: 600, Widths: []int{400, 800},
			Alt: map[content.Lang]string{"fr": "La foule"}, Caption: "Place Saint-Lambert", Credit: "Marie Dupont"},
	}
	body := `<p>Avant <img data-photo="7" alt="écrit" loading="lazy"> après</p>` + "\n" +
		`<figure class="photo"><img data-photo="7" alt="écrit" loading="lazy"></figure>` + "\n" +
		`<figure class="photo"><img data-photo="7" alt="" loading="lazy"><figcaption>La sienne <span class="credit">© X</span></figcaption></figure>` + "\n" +
		`<figure class="photo"><img data-photo="99" alt="disparue" loading="lazy"></figure>` + "\n" +
		`<p>Fin &amp; <em>suite</em></p>`
	got := expandPhotos(body, photos, "fr", testMedia)
	pic := pictureHTML(ptr(photos[7]), "La foule", pictureBody, testMedia)
	want := `<p>Avant ` + pic + ` après</p>` + "\n" +
		`<figure class="photo">` + pic + `<figcaption>Place Saint-Lambert <span class="credit">© Marie Dupont</span></figcaption></figure>` + "\n" +
		`<figure class="photo">` + pic + `<figcaption>La sienne <span class="credit">© X</span></figcaption></figure>` + "\n" +
		`<figure class="photo"></figure>` + "\n" +
		`<p>Fin &amp; <em>suite</em></p>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := expandPhotos(body, photos, "nl", testMedia); !strings.Contains(got, `alt="écrit"`) {
		t.Errorf("without an alt text in the page's language, the writer's goes: %s", got)
	}
	if ids := bodyPhotoIDs(body); len(ids) != 2 || ids[0] != 7 || ids[1] != 99 {
		t.Errorf("bodyPhotoIDs = %v", ids)
	}
}

func ptr[T any](v T) *T { return &v }
