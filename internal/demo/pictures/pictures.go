package pictures

import "image"

// Kind is the subject of a picture.
type Kind int

const (
	Placard   Kind = iota // a protest placard held up over a crowd, with the slogan on it
	Banner                // a long banner carried at the head of a march, or hung across a street
	Crowd                 // a march filling a street: rows of people, flags, placards
	Meeting               // a hall: a panel at a table or a speaker at a lectern, an audience
	Portrait              // head and shoulders in silhouette against a soft background
	Landscape             // a skyline, a harbour or a factory, from daylight to dusk
	numKinds
)

// Kinds lists every kind, for a demo that wants one of each.
func Kinds() []Kind { return []Kind{Placard, Banner, Crowd, Meeting, Portrait, Landscape} }

func (k Kind) String() string {
	switch k {
	case Placard:
		return "placard"
	case Banner:
		return "banner"
	case Crowd:
		return "crowd"
	case Meeting:
		return "meeting"
	case Portrait:
		return "portrait"
	case Landscape:
		return "landscape"
	}
	return "unknown"
}

// Spec is one picture to draw.
type Spec struct {
	Kind Kind
	Seed uint64 // varies the light, the palette and the composition
	// Text is the slogan on placards and banners and on the banner behind a meeting's
	// panel; other kinds ignore it. Empty gives illegible scribbles.
	Text          string
	Width, Height int
}

// Draw renders the picture s describes. The same Spec gives the same pixels with the
// same build. A width or height under 1 gives an empty image.
func Draw(s Spec) *image.RGBA {
	cv := newCanvas(max(s.Width, 0), max(s.Height, 0))
	if s.Width < 1 || s.Height < 1 {
		return cv.img
	}
	r := newRNG(s.Seed, uint64(s.Kind)+1)
	switch s.Kind {
	case Placard:
		drawPlacard(cv, r, s.Text)
	case Banner:
		drawBanner(cv, r, s.Text)
	case Meeting:
		drawMeeting(cv, r, s.Text)
	case Portrait:
		drawPortrait(cv, r)
	case Landscape:
		drawLandscape(cv, r)
	default:
		drawCrowd(cv, r, s.Text)
	}
	cv.finish(s.Seed, 0.035, 0.28)
	return cv.img
}
