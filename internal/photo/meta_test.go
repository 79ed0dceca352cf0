package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"testing"
)

// Builders of the metadata a camera, a phone or an editor writes, by hand, so that the
// tests need no tool to make them. exiftool reads them back in metadata_test.go, which
// proves they are real.

const (
	secretPlace  = "Rue de la Loi 16"
	secretPerson = "Marie Dupont"
)

// tiffTag is one entry of a TIFF directory.
type tiffTag struct {
	id, typ uint16
	count   uint32
	data    []byte // the value's bytes, little-endian
}

const (
	tiffByte      = 1
	tiffASCII     = 2
	tiffShort     = 3
	tiffLong      = 4
	tiffRational  = 5
	tiffUndefined = 7
)

func asciiTag(id uint16, s string) tiffTag {
	return tiffTag{id, tiffASCII, uint32(len(s) + 1), append([]byte(s), 0)}
}

func shortTag(id uint16, v uint16) tiffTag {
	return tiffTag{id, tiffShort, 1, binary.LittleEndian.AppendUint16(nil, v)}
}

func longTag(id uint16, v uint32) tiffTag {
	return tiffTag{id, tiffLong, 1, binary.LittleEndian.AppendUint32(nil, v)}
}

func rationalsTag(id uint16, v ...uint32) tiffTag {
	var b []byte
	for i := 0; i < len(v); i += 2 {
		b = binary.LittleEndian.AppendUint32(b, v[i])
		b = binary.LittleEndian.AppendUint32(b, v[i+1])
	}
	return tiffTag{id, tiffRational, uint32(len(v) / 2), b}
}

// ifdLen is the size of a directory and the values that do not fit in its entries.
func ifdLen(tags []tiffTag) int {
	n := 2 + 12*len(tags) + 4
	for _, t := range tags {
		if len(t.data) > 4 {
			n += len(t.data) + len(t.data)&1
		}
	}
	return n
}

// putIFD writes a directory at off in tiff, its long values after it.
func putIFD(tiff []byte, off int, tags []tiffTag) {
	le := binary.LittleEndian
	le.PutUint16(tiff[off:], uint16(len(tags)))
	data := off + 2 + 12*len(tags) + 4
	for i, t := range tags {
		e := off + 2 + 12*i
		le.PutUint16(tiff[e:], t.id)
		le.PutUint16(tiff[e+2:], t.typ)
		le.PutUint32(tiff[e+4:], t.count)
		if len(t.data) <= 4 {
			copy(tiff[e+8:], t.data)
			continue
		}
		le.PutUint32(tiff[e+8:], uint32(data))
		copy(tiff[data:], t.data)
		data += len(t.data) + len(t.data)&1
	}
}

// exifTIFF is the EXIF of a phone that knows where it is: camera, serial number, date,
// a maker note, the orientation, and a GPS position.
func exifTIFF(orientation int) []byte {
	exif := []tiffTag{
		asciiTag(0x9003, "2026:03:08 09:30:00"),                                // DateTimeOriginal
		{0x927c, tiffUndefined, 24, []byte("ACME\x00\x01secret-maker-note!!")}, // MakerNote
		asciiTag(0xa431, "SN-0042-7731"),                                       // BodySerialNumber
	}
	gps := []tiffTag{
		{0x0000, tiffByte, 4, []byte{2, 3, 0, 0}},     // GPSVersionID
		asciiTag(0x0001, "N"),                         // GPSLatitudeRef
		rationalsTag(0x0002, 50, 1, 50, 1, 4812, 100), // GPSLatitude
		asciiTag(0x0003, "E"),                         // GPSLongitudeRef
		rationalsTag(0x0004, 4, 1, 22, 1, 900, 100),   // GPSLongitude
		asciiTag(0x001d, "2026:03:08"),                // GPSDateStamp
	}
	ifd0 := []tiffTag{
		asciiTag(0x010e, "Protest "+secretPlace), // ImageDescription
		asciiTag(0x010f, "Acme"),                 // Make
		asciiTag(0x0110, "Acme Phone 9"),         // Model
		shortTag(0x0112, uint16(orientation)),    // Orientation
		asciiTag(0x013b, secretPerson),           // Artist
		longTag(0x8769, 0),                       // ExifIFD, set below
		longTag(0x8825, 0),                       // GPS IFD, set below
	}
	offExif := 8 + ifdLen(ifd0)
	offGPS := offExif + ifdLen(exif)
	ifd0[5] = longTag(0x8769, uint32(offExif))
	ifd0[6] = longTag(0x8825, uint32(offGPS))
	tiff := make([]byte, offGPS+ifdLen(gps))
	copy(tiff, "II*\x00")
	binary.LittleEndian.PutUint32(tiff[4:], 8)
	putIFD(tiff, 8, ifd0)
	putIFD(tiff, offExif, exif)
	putIFD(tiff, offGPS, gps)
	return tiff
}

// orientationTIFF is EXIF with nothing but the orientation.
func orientationTIFF(orientation int) []byte {
	tags := []tiffTag{shortTag(0x0112, uint16(orientation))}
	tiff := make([]byte, 8+ifdLen(tags))
	copy(tiff, "II*\x00")
	binary.LittleEndian.PutUint32(tiff[4:], 8)
	putIFD(tiff, 8, tags)
	return tiff
}

const xmpPacket = `<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/">
<dc:creator><rdf:Seq><rdf:li>` + secretPerson + `</rdf:li></rdf:Seq></dc:creator>
<photoshop:City>Brussels</photoshop:City>
<exif:GPSLatitude>50,50.8N</exif:GPSLatitude><exif:GPSLongitude>4,22.15E</exif:GPSLongitude>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`

// iptc is an IPTC-IIM record set: UTF-8, by-line, caption, city, keywords.
func iptc() []byte {
	var b []byte
	add := func(record, dataset byte, v string) {
		b = append(b, 0x1c, record, dataset)
		b = binary.BigEndian.AppendUint16(b, uint16(len(v)))
		b = append(b, v...)
	}
	add(1, 90, "\x1b%G")
	add(2, 80, secretPerson)
	add(2, 120, "Faces of the march at "+secretPlace)
	add(2, 90, "Brussels")
	add(2, 25, "protest")
	return b
}

// photoshopIPTC wraps IPTC in the Photoshop image resource a JPEG's APP13 holds.
func photoshopIPTC() []byte {
	data := iptc()
	b := []byte("Photoshop 3.0\x008BIM\x04\x04\x00\x00")
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	b = append(b, data...)
	if len(data)&1 == 1 {
		b = append(b, 0)
	}
	return b
}

// iccProfile is a small ICC profile with the texts a profile can carry.
func iccProfile() []byte {
	text := func(s string) []byte { return append(append([]byte("text\x00\x00\x00\x00"), s...), 0) }
	desc := []byte("desc\x00\x00\x00\x00")
	d := "Calibrated by " + secretPerson
	desc = binary.BigEndian.AppendUint32(desc, uint32(len(d)+1))
	desc = append(append(desc, d...), 0)
	desc = append(desc, make([]byte, 4+4+2+1+67)...)
	tags := []struct {
		sig  string
		data []byte
	}{{"desc", desc}, {"cprt", text("Copyright " + secretPerson)}}
	p := make([]byte, 128+4+12*len(tags))
	copy(p[4:], "none")
	binary.BigEndian.PutUint32(p[8:], 0x02100000)
	copy(p[12:], "mntrRGB XYZ ")
	copy(p[36:], "acsp")
	binary.BigEndian.PutUint32(p[128:], uint32(len(tags)))
	for i, t := range tags {
		for len(p)%4 != 0 {
			p = append(p, 0)
		}
		e := 132 + 12*i
		copy(p[e:], t.sig)
		binary.BigEndian.PutUint32(p[e+4:], uint32(len(p)))
		binary.BigEndian.PutUint32(p[e+8:], uint32(len(t.data)))
		p = append(p, t.data...)
	}
	binary.BigEndian.PutUint32(p, uint32(len(p)))
	return p
}

// jpegSegment is a marker segment.
func jpegSegment(marker byte, payload []byte) []byte {
	b := []byte{0xff, marker}
	b = binary.BigEndian.AppendUint16(b, uint16(len(payload)+2))
	return append(b, payload...)
}

// withSegments puts segments right after a JPEG's start, where cameras write them.
func withSegments(jpg []byte, segments ...[]byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	for _, s := range segments {
		out = append(out, s...)
	}
	return append(out, jpg[2:]...)
}

// jpegWithEverything is a JPEG of img carrying EXIF with GPS and a maker note, XMP,
// IPTC, an ICC profile with texts and a comment.
func jpegWithEverything(tb testing.TB, img image.Image, orientation int) []byte {
	return withSegments(encodeJPEG(tb, img),
		jpegSegment(0xe1, append([]byte("Exif\x00\x00"), exifTIFF(orientation)...)),
		jpegSegment(0xe1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmpPacket...)),
		jpegSegment(0xe2, append([]byte("ICC_PROFILE\x00\x01\x01"), iccProfile()...)),
		jpegSegment(0xed, photoshopIPTC()),
		jpegSegment(0xfe, []byte("Taken by "+secretPerson+" at "+secretPlace)),
	)
}

// pngChunk is a PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(append(b, typ...), data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[4:]))
}

// withChunks puts chunks right after a PNG's header chunk.
func withChunks(pngData []byte, chunks ...[]byte) []byte {
	ihdrEnd := 8 + 8 + 13 + 4
	out := append([]byte{}, pngData[:ihdrEnd]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, pngData[ihdrEnd:]...)
}

func zlibBytes(s string) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write([]byte(s))
	w.Close()
	return buf.Bytes()
}

// pngWithEverything is a PNG of img with text chunks of the three kinds, EXIF with GPS
// (eXIf), XMP (in iTXt, as Adobe writes it) and a time.
func pngWithEverything(tb testing.TB, img image.Image, orientation int) []byte {
	return withChunks(encodePNG(tb, img),
		pngChunk("tEXt", []byte("Author\x00"+secretPerson)),
		pngChunk("zTXt", append([]byte("Comment\x00\x00"), zlibBytes("GPS "+secretPlace)...)),
		pngChunk("iTXt", []byte("Description\x00\x00\x00en\x00\x00Faces at "+secretPlace)),
		pngChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"+xmpPacket)),
		pngChunk("eXIf", exifTIFF(orientation)),
		pngChunk("tIME", []byte{0x07, 0xea, 3, 8, 9, 30, 0}),
	)
}

// riffChunk is a RIFF chunk, padded to an even size.
func riffChunk(fourcc string, data []byte) []byte {
	b := append([]byte(fourcc), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
	b = append(b, data...)
	if len(data)&1 == 1 {
		b = append(b, 0)
	}
	return b
}

func riff(chunks ...[]byte) []byte {
	var body []byte
	for _, c := range chunks {
		body = append(body, c...)
	}
	b := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(4+len(body)))...)
	return append(append(b, "WEBP"...), body...)
}

// vp8x is the extended WebP header chunk.
func vp8x(flags byte, w, h int) []byte {
	d := []byte{flags, 0, 0, 0}
	d = append(d, byte(w-1), byte((w-1)>>8), byte((w-1)>>16))
	d = append(d, byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	return riffChunk("VP8X", d)
}

// webpFrame is the chunks of the picture of a WebP file the encoder wrote (VP8, or
// VP8L, or ALPH and VP8), without its header chunk: whether it has an alpha channel.
func webpFrame(file []byte) (chunks []byte, alpha bool) {
	chunks = file[12:]
	if string(chunks[:4]) == "VP8X" {
		chunks = chunks[8+10:]
	}
	return chunks, bytes.Contains(chunks[:4], []byte("ALPH"))
}

// webpWithEverything is an extended WebP of img with EXIF (GPS, orientation) and XMP.
func webpWithEverything(tb testing.TB, img image.Image, orientation int) []byte {
	const exifFlag, xmpFlag = 1 << 3, 1 << 2
	b := img.Bounds()
	frame, alpha := webpFrame(encodeWebP(tb, img))
	flags := byte(exifFlag | xmpFlag)
	if alpha {
		flags |= webpAlphaFlag
	}
	return riff(
		vp8x(flags, b.Dx(), b.Dy()),
		frame,
		riffChunk("EXIF", exifTIFF(orientation)),
		riffChunk("XMP ", []byte(xmpPacket)),
	)
}

// animatedWebP is a WebP of two frames of img.
func animatedWebP(tb testing.TB, img image.Image) []byte {
	b := img.Bounds()
	frame, _ := webpFrame(encodeWebP(tb, img))
	anmf := func() []byte {
		d := []byte{0, 0, 0, 0, 0, 0}
		d = append(d, byte(b.Dx()-1), byte((b.Dx()-1)>>8), 0, byte(b.Dy()-1), byte((b.Dy()-1)>>8), 0)
		d = append(d, 100, 0, 0, 0) // 100 ms, no blending
		return riffChunk("ANMF", append(d, frame...))
	}
	return riff(vp8x(webpAnimationFlag, b.Dx(), b.Dy()), riffChunk("ANIM", make([]byte, 6)), anmf(), anmf())
}
