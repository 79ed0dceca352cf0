package demo

import (
	"bytes"
	"context"
	"fmt"
	"image/jpeg"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/demo/pictures"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/photo"
)

// photoPoolSize is how many pictures the demo draws. Articles share them, as a small
// paper reuses its agency's pictures: drawing one per article would make a large demo
// take minutes. A small demo draws fewer: one for every dozen articles.
const photoPoolSize = 24

// DefaultPictures is how many pictures a demo of n articles draws by default.
func DefaultPictures(articles int) int { return min(photoPoolSize, max(1, articles/12)) }

// pictures is how many pictures Generate draws.
func (o Options) pictures() int {
	switch {
	case o.Media == nil:
		return 0
	case o.Pictures < 0:
		return DefaultPictures(o.Articles)
	}
	return min(o.Pictures, maxPictures)
}

// maxPictures bounds what a demo draws: each takes a fraction of a second.
const maxPictures = 500

// Picture sizes: a newspaper photo's 3:2, and 2:3 for portraits. Wide enough for every
// derivative width and an HD download worth the name, small enough to draw quickly.
const (
	pictureLong  = 1600
	pictureShort = 1067
)

// photographers are the invented credits of the demo's pictures.
var photographers = []string{"Lotte Vermeulen", "Karim Benali", "Sophie Lambert", "Collectif Objectif", "Jonas De Smet", "Inès Moreau"}

// slogans are written on placards and banners, in the language of the march.
var slogans = []string{
	"Pas de réforme sans nous !", "Handen af van ons pensioen", "Climate justice now",
	"Égalité salariale, maintenant !", "Stop de afbraak van de openbare diensten",
	"Des logements, pas des expulsions", "Solidariteit kent geen grenzen", "Public services are not for sale",
	"Liberté pour les journalistes", "Vrede nu", "Nos emplois valent plus que leurs profits",
	"Welcome refugees",
}

// pictureAlts describe each kind of picture, in French, Dutch and English.
var pictureAlts = map[pictures.Kind]tri{
	pictures.Placard:   {"Une pancarte « %s » brandie au-dessus d'une foule de manifestants", "Een bord met „%s” boven een menigte betogers", "A placard reading “%s” held up above a crowd of protesters"},
	pictures.Banner:    {"La banderole « %s » en tête du cortège", "Het spandoek „%s” aan de kop van de stoet", "The banner “%s” at the head of the march"},
	pictures.Crowd:     {"Une rue remplie de manifestants, drapeaux levés", "Een straat vol betogers met vlaggen", "A street filled with marchers carrying flags"},
	pictures.Meeting:   {"Une salle pleine écoute les intervenants à la tribune", "Een volle zaal luistert naar de sprekers op het podium", "A packed hall listens to the speakers on the platform"},
	pictures.Portrait:  {"Portrait d'une militante en silhouette", "Portret van een militant in silhouet", "Silhouette portrait of an activist"},
	pictures.Landscape: {"La ville à la tombée du jour", "De stad bij valavond", "The city at dusk"},
}

// albumCaptions are the captions of a photo report's pictures, by kind.
var albumCaptions = map[pictures.Kind]tri{
	pictures.Placard:   {"Les pancartes ont fleuri dès le départ du cortège.", "Van bij het vertrek van de stoet doken de borden op.", "Placards went up as soon as the march set off."},
	pictures.Banner:    {"La banderole de tête, portée par les délégations.", "Het spandoek aan de kop, gedragen door de delegaties.", "The lead banner, carried by the delegations."},
	pictures.Crowd:     {"Plusieurs milliers de personnes ont rempli la rue.", "Enkele duizenden mensen vulden de straat.", "Several thousand people filled the street."},
	pictures.Meeting:   {"La salle était comble pour l'assemblée du soir.", "De zaal zat vol voor de avondvergadering.", "The hall was full for the evening meeting."},
	pictures.Portrait:  {"Une des organisatrices de la journée.", "Een van de organisatoren van de dag.", "One of the day's organisers."},
	pictures.Landscape: {"La ville, au soir de la mobilisation.", "De stad, op de avond van de actie.", "The city on the evening of the action."},
}

// picturePool is the demo's pictures as stored, in drawing order.
type picturePool struct {
	ids   []int64
	kinds []pictures.Kind
}

func (pp *picturePool) size() int {
	if pp == nil {
		return 0
	}
	return len(pp.ids)
}

// drawnPhoto is one picture drawn and cleaned through the real pipeline.
type drawnPhoto struct {
	kind  pictures.Kind
	text  string
	photo content.Photo
}

// makePhotoPool draws the pictures on every CPU, passes each through the same pipeline
// as an upload (photo.Clean: stored once, without metadata), and records them with their
// words. Their derivatives are queued as jobs, as an upload's are.
func makePhotoPool(ctx context.Context, ed *editorial.Service, m media.Store, seed uint64, n int) (*picturePool, error) {
	drawn := make([]drawnPhoto, n)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range drawn {
		g.Go(func() error {
			d, err := drawPhoto(gctx, m, seed, i)
			drawn[i] = d
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	pool := &picturePool{}
	err := ed.Bulk(ctx, actor, func(b *editorial.Batch) error {
		for i := range drawn {
			p := &drawn[i].photo
			alt := pictureAlts[drawn[i].kind]
			p.Alt = map[content.Lang]string{}
			for l, lang := range langs {
				text := alt[l]
				if strings.Contains(text, "%s") {
					text = fmt.Sprintf(text, drawn[i].text)
				}
				p.Alt[lang] = text
			}
			p.Credit = photographers[i%len(photographers)]
			if _, err := b.AddPhoto(p); err != nil {
				return fmt.Errorf("demo photo %d: %w", i, err)
			}
			pool.ids = append(pool.ids, p.ID)
			pool.kinds = append(pool.kinds, drawn[i].kind)
		}
		return nil
	})
	return pool, err
}

var jpegBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func drawPhoto(ctx context.Context, m media.Store, seed uint64, i int) (drawnPhoto, error) {
	kinds := pictures.Kinds()
	kind := kinds[i%len(kinds)]
	w, h := pictureLong, pictureShort
	if kind == pictures.Portrait {
		w, h = h, w
	}
	text := ""
	if kind == pictures.Placard || kind == pictures.Banner {
		text = slogans[(i/len(kinds)+i)%len(slogans)]
	}
	img := pictures.Draw(pictures.Spec{Kind: kind, Seed: seed*1000 + uint64(i), Text: text, Width: w, Height: h})
	buf := jpegBuffers.Get().(*bytes.Buffer)
	defer jpegBuffers.Put(buf)
	buf.Reset()
	if err := jpeg.Encode(buf, img, &jpeg.Options{Quality: 90}); err != nil {
		return drawnPhoto{}, err
	}
	p, err := photo.Clean(ctx, m, buf, photo.DefaultLimits)
	if err != nil {
		return drawnPhoto{}, fmt.Errorf("demo photo %d: %w", i, err)
	}
	return drawnPhoto{kind: kind, text: text, photo: p}, nil
}

// featuredPhoto is the pool index of a story's picture, or -1: every photo report has
// one, and two stories in three of the others.
func (pp *picturePool) featuredPhoto(st *story) int {
	n := pp.size()
	if n == 0 {
		return -1
	}
	h := mix(st.seed, 0x9e3779b97f4a7c15)
	if st.kind != content.KindPhotoReport && h%3 == 0 {
		return -1
	}
	return int((h >> 8) % uint64(n))
}

// album is a photo report's pictures: 8 to 24 distinct pictures of the pool, starting
// with its featured one, with captions in lang.
func (pp *picturePool) album(st *story, lang int) []content.AlbumItem {
	n := pp.size()
	if n == 0 || st.kind != content.KindPhotoReport {
		return nil
	}
	h := mix(st.seed, 0xbf58476d1ce4e5b9)
	size := min(8+int(h%17), n)
	first := pp.featuredPhoto(st)
	step := 1
	if n > 1 {
		step += int((h >> 16) % uint64(n-1))
	}
	for gcd(step, n) != 1 {
		step++
	}
	items := make([]content.AlbumItem, 0, size)
	for k := range size {
		i := (first + k*step) % n
		items = append(items, content.AlbumItem{PhotoID: pp.ids[i], Caption: albumCaptions[pp.kinds[i]][lang]})
	}
	return items
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// mix scrambles a seed with a constant, so that one story's choices do not follow one
// another.
func mix(x, c uint64) uint64 {
	x ^= c
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
