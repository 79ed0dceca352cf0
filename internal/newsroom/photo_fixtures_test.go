package newsroom

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store"
)

// Pictures made by the tests: small, so that the tests stay fast under -race.

// testJPEG is a w×h JPEG of a gradient, seeded so that two seeds make two photos.
func testJPEG(t testing.TB, w, h int, seed uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), seed, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// noisyJPEG is a JPEG of noise, which compresses badly: a large file of few pixels.
func noisyJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(rnd.IntN(256))
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testPNG is a w×h PNG.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(y * 255 / h), 90, uint8(x * 255 / w), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gpsSecret is what the EXIF segment of withGPS says, to be looked for after cleaning.
const gpsSecret = "SECRET-PLACE Rue de la Loi 16"

// withGPS inserts, by hand, an APP1 EXIF segment after the JPEG's start: a TIFF
// structure with an image description and a GPS directory at 50°50'47.40" N.
func withGPS(t testing.TB, jpg []byte) []byte {
	t.Helper()
	be := binary.BigEndian
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a")
	binary.Write(&tiff, be, uint32(8)) // IFD0 right after the header
	desc := []byte(gpsSecret + "\x00")
	const ifd0Len = 2 + 2*12 + 4
	gpsIFD := uint32(8 + ifd0Len)
	const gpsLen = 2 + 2*12 + 4
	descAt := gpsIFD + gpsLen
	latAt := descAt + uint32(len(desc))
	entry := func(tag, typ uint16, count, value uint32) {
		binary.Write(&tiff, be, tag)
		binary.Write(&tiff, be, typ)
		binary.Write(&tiff, be, count)
		binary.Write(&tiff, be, value)
	}
	binary.Write(&tiff, be, uint16(2))
	entry(0x010e, 2, uint32(len(desc)), descAt) // ImageDescription
	entry(0x8825, 4, 1, gpsIFD)                 // GPSInfo
	binary.Write(&tiff, be, uint32(0))
	binary.Write(&tiff, be, uint16(2))
	entry(0x0001, 2, 2, uint32('N')<<24) // GPSLatitudeRef "N"
	entry(0x0002, 5, 3, latAt)           // GPSLatitude
	binary.Write(&tiff, be, uint32(0))
	tiff.Write(desc)
	for _, r := range [][2]uint32{{50, 1}, {50, 1}, {4740, 100}} {
		binary.Write(&tiff, be, r)
	}
	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xff, 0xe1, 0, 0}
	be.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, jpg[:2]...) // SOI
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// pngBomb is a PNG whose header claims 60000×60000 pixels: 3.6 billion, which decoding
// would try to allocate.
func pngBomb() []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(kind))
		crc.Write(data)
		b.WriteString(kind)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 60000)
	binary.BigEndian.PutUint32(ihdr[4:], 60000)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

// testFile is a file of an upload form.
type testFile struct {
	name string
	data []byte
}

// uploadForm posts the fields, then the files, as one multipart form, as a browser
// sends the upload form without its script.
func (c *client) uploadForm(path string, fields [][2]string, files ...testFile) *page {
	c.e.t.Helper()
	req := multipartRequest(c.e.t, path, fields, files)
	return c.do(req)
}

func multipartRequest(t testing.TB, path string, fields [][2]string, files []testFile) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range fields {
		mw.WriteField(f[0], f[1])
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile(photosField, f.name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(f.data)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

// uploadJSON sends one file as the newsroom's script does, and reads the answer.
func (c *client) uploadJSON(t testing.TB, fields [][2]string, f testFile) (*page, uploadAnswer) {
	t.Helper()
	req := multipartRequest(t, "/newsroom/photos/upload", fields, []testFile{f})
	req.Header.Set("Accept", "application/json")
	p := c.do(req)
	var answer uploadAnswer
	if err := json.Unmarshal([]byte(p.body), &answer); err != nil {
		t.Fatalf("upload answer %d: %v\n%.500s", p.StatusCode, err, p.body)
	}
	return p, answer
}

// mediaNames lists the files of the media store.
func (e *env) mediaNames() []string {
	e.t.Helper()
	var names []string
	err := e.media.List(context.Background(), "", func(info media.Info) error {
		names = append(names, info.Name)
		return nil
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return names
}

// mediaFile reads a file of the media store.
func (e *env) mediaFile(name string) []byte {
	e.t.Helper()
	blob, _, err := e.media.Open(context.Background(), name)
	if err != nil {
		e.t.Fatal(err)
	}
	defer blob.Close()
	b, err := io.ReadAll(blob)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// photo adds a photo record to the library without a file, as fast as a test needs:
// its hash is made of its caption.
func (e *env) photo(caption, credit string, alt map[content.Lang]string) content.Photo {
	e.t.Helper()
	sum := sha256.Sum256([]byte(caption + "\x00" + credit))
	p := content.Photo{Hash: hex.EncodeToString(sum[:]), Format: "jpeg", Width: 1200, Height: 800, Bytes: 1 << 20,
		Caption: caption, Credit: credit, Alt: alt}
	ed := editorial.New(e.store, editorial.Config{Renderer: e.srv.cfg.Renderer, Clock: e.clock.Now})
	if _, err := ed.AddPhoto(context.Background(), editorial.System("test"), &p); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// photos lists the library, newest first.
func (e *env) photos(q string) []content.Photo {
	e.t.Helper()
	list, _, err := e.store.Photos(context.Background(), store.PhotoQuery{Q: q, Limit: 1000})
	if err != nil {
		e.t.Fatal(err)
	}
	return list
}

// albumIDs is an article's album, as photo IDs in order.
func (e *env) albumIDs(articleID int64) []int64 {
	e.t.Helper()
	items, err := e.store.Album(context.Background(), articleID)
	if err != nil {
		e.t.Fatal(err)
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.PhotoID
	}
	return ids
}
