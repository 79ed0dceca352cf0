package card

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// Width and Height are the size OpenGraph readers show large without cropping.
const Width, Height = 1200, 630

const (
	// MaxTitleRunes cuts a title before layout: five lines at the smallest size hold
	// less than this, so nothing visible is lost and the work is bounded.
	MaxTitleRunes = 300
	// MaxLineRunes cuts the site's name and the kicker, which have one line each.
	MaxLineRunes = 120
)

// Card is what a share image shows.
type Card struct {
	Site   string // the site's name, at the top
	Title  string // the article's title, large
	Kicker string // optional small line above the title: a section, "Press release"
	Lang   string // the BCP 47 tag of the text, for casing and line breaking
}

// Renderer draws cards. It holds the parsed fonts, which are immutable, so one
// Renderer made at start-up is safe for concurrent use.
type Renderer struct {
	regular, bold *opentype.Font
	enc           png.Encoder
}

// NewRenderer parses the fonts once.
func NewRenderer() (*Renderer, error) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: parsing Go Regular: %w", err)
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: parsing Go Bold: %w", err)
	}
	return &Renderer{
		regular: regular,
		bold:    bold,
		// Speed over size: the PNG is cached, and a flat card compresses well anyway.
		enc: png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: new(encoderPool)},
	}, nil
}

// Render writes c as a PNG of Width×Height to w. It never fails on its input, however
// long or strange; the error is the writer's.
func (r *Renderer) Render(w io.Writer, c Card) error {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	r.draw(img, c)
	return r.enc.Encode(w, img)
}

// encoderPool reuses the PNG encoder's compression buffers between cards.
type encoderPool struct{ p sync.Pool }

func (e *encoderPool) Get() *png.EncoderBuffer {
	b, _ := e.p.Get().(*png.EncoderBuffer)
	return b
}

func (e *encoderPool) Put(b *png.EncoderBuffer) { e.p.Put(b) }
