package photo

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
)

// format is a kind of file recognised by its first bytes.
type format int

const (
	unknown format = iota
	formatJPEG
	formatPNG
	formatWebP
	// Images recognised only to be refused with a helpful reason.
	formatGIF
	formatHEIF
	formatAVIF
	formatTIFF
	formatBMP
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// sniff recognises a file by its first bytes (at least 16 of them, when the file has
// them), never by its name.
func sniff(head []byte) format {
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xd8, 0xff}):
		return formatJPEG
	case bytes.HasPrefix(head, pngSignature):
		return formatPNG
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return formatWebP
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return formatGIF
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return formatTIFF
	case bytes.HasPrefix(head, []byte("BM")) && len(head) >= 14:
		return formatBMP
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		switch string(head[8:12]) {
		case "avif", "avis":
			return formatAVIF
		case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1":
			return formatHEIF
		}
	}
	return unknown
}

// refusal says why an unaccepted format is refused.
func (f format) refusal() *Error {
	switch f {
	case formatGIF:
		return refuse(ErrUnsupported, "This is a GIF image. "+accepted)
	case formatHEIF:
		return refuse(ErrUnsupported, "This is a HEIC photo, as iPhones take them. "+
			"Export it as JPEG first (or set the camera to “Most Compatible”). "+accepted)
	case formatAVIF:
		return refuse(ErrUnsupported, "This is an AVIF image. "+accepted)
	case formatTIFF:
		return refuse(ErrUnsupported, "This is a TIFF image (or a camera's raw file). "+accepted)
	case formatBMP:
		return refuse(ErrUnsupported, "This is a BMP image. "+accepted)
	}
	return refuse(ErrNotImage, "This file is not a photo. "+accepted)
}

// facts are what a file says about itself before its pixels are decoded.
type facts struct {
	animated    bool
	orientation int // EXIF orientation, 1–8; 1 when absent or unreadable
	// JPEG only, from the frame header: whether it is progressive (the decoder then
	// keeps every coefficient), and its components' sampling factors.
	progressive bool
	sampling    [][2]int
	// WebP only: a lossless picture (VP8L), or one with an alpha channel.
	webpLossless, webpAlpha bool
}

// maxSteps bounds the segments or chunks walked before the pixels: real files have a
// few dozen, and a file made of millions of tiny ones must not cost millions of reads.
const maxSteps = 4096

// maxMetaSegment bounds what is read of one metadata segment or chunk looking for the
// orientation: EXIF is at most 64 KiB in a JPEG, and the orientation is at its start.
const maxMetaSegment = 64 << 10

// scan reads the facts of a file of format f from r (of size bytes), walking its
// segments or chunks without decoding any pixel. A structure it cannot walk is left
// for the decoder to refuse.
func scan(f format, r io.ReaderAt, size int64) facts {
	switch f {
	case formatJPEG:
		return scanJPEG(r, size)
	case formatPNG:
		return scanPNG(r, size)
	case formatWebP:
		return scanWebP(r, size)
	case formatGIF:
		return facts{animated: gifFrames(r, size) > 1, orientation: 1}
	}
	return facts{orientation: 1}
}

// scanJPEG walks the markers up to the first scan: APP1 Exif for the orientation, the
// frame header for the sampling.
func scanJPEG(r io.ReaderAt, size int64) facts {
	ft := facts{orientation: 1}
	var b [4]byte
	for off, step := int64(2), 0; off+4 <= size && step < maxSteps; step++ {
		if _, err := r.ReadAt(b[:], off); err != nil || b[0] != 0xff {
			return ft
		}
		marker := b[1]
		switch {
		case marker == 0xff: // fill byte
			off++
			continue
		case marker == 0x01 || marker >= 0xd0 && marker <= 0xd7: // no length
			off += 2
			continue
		case marker == 0xd9 || marker == 0xda: // end, or the first scan
			return ft
		}
		n := int64(binary.BigEndian.Uint16(b[2:]))
		if n < 2 {
			return ft
		}
		body := io.NewSectionReader(r, off+4, n-2)
		switch {
		case marker == 0xe1:
			if seg := readUpTo(body, maxMetaSegment); bytes.HasPrefix(seg, []byte("Exif\x00\x00")) && ft.orientation == 1 {
				ft.orientation = exifOrientation(seg[6:])
			}
		case marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc:
			ft.progressive = marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce
			ft.sampling = frameSampling(readUpTo(body, 6+3*4))
		}
		off += 2 + n
	}
	return ft
}

// frameSampling reads the components' sampling factors from a frame header.
func frameSampling(sof []byte) [][2]int {
	if len(sof) < 6 {
		return nil
	}
	n := int(sof[5])
	var out [][2]int
	for i := 0; i < n && 6+3*i+2 < len(sof); i++ {
		hv := sof[6+3*i+1]
		out = append(out, [2]int{int(hv >> 4), int(hv & 15)})
	}
	return out
}

// scanPNG walks the chunks before the image data: acTL makes an APNG, eXIf holds the
// orientation.
func scanPNG(r io.ReaderAt, size int64) facts {
	ft := facts{orientation: 1}
	var b [8]byte
	for off, step := int64(len(pngSignature)), 0; off+8 <= size && step < maxSteps; step++ {
		if _, err := r.ReadAt(b[:], off); err != nil {
			return ft
		}
		n := int64(binary.BigEndian.Uint32(b[:4]))
		switch string(b[4:8]) {
		case "acTL":
			ft.animated = true
		case "eXIf":
			seg := readUpTo(io.NewSectionReader(r, off+8, n), maxMetaSegment)
			ft.orientation = exifOrientation(bytes.TrimPrefix(seg, []byte("Exif\x00\x00")))
		case "IDAT", "IEND":
			return ft
		}
		off += 12 + n
	}
	return ft
}

// VP8X flags.
const (
	webpAnimationFlag = 1 << 1
	webpAlphaFlag     = 1 << 4
)

// scanWebP walks the RIFF chunks: the animation flag of VP8X or an ANIM/ANMF chunk make
// an animation, an EXIF chunk holds the orientation.
func scanWebP(r io.ReaderAt, size int64) facts {
	ft := facts{orientation: 1}
	var b [9]byte
	for off, step := int64(12), 0; off+8 <= size && step < maxSteps; step++ {
		if _, err := r.ReadAt(b[:], off); err != nil {
			return ft
		}
		n := int64(binary.LittleEndian.Uint32(b[4:8]))
		switch string(b[:4]) {
		case "VP8X":
			ft.animated = ft.animated || b[8]&webpAnimationFlag != 0
			ft.webpAlpha = ft.webpAlpha || b[8]&webpAlphaFlag != 0
		case "ALPH":
			ft.webpAlpha = true
		case "VP8L":
			ft.webpLossless = true
		case "ANIM", "ANMF":
			ft.animated = true
		case "EXIF":
			seg := readUpTo(io.NewSectionReader(r, off+8, n), maxMetaSegment)
			ft.orientation = exifOrientation(bytes.TrimPrefix(seg, []byte("Exif\x00\x00")))
		}
		off += 8 + n + n&1
	}
	return ft
}

// gifFrames counts a GIF's frames, up to 2, by walking its blocks without decoding them.
func gifFrames(r io.ReaderAt, size int64) int {
	br := bufio.NewReader(io.NewSectionReader(r, 6, size-6))
	var screen [7]byte
	if _, err := io.ReadFull(br, screen[:]); err != nil {
		return 0
	}
	skipColorTable(br, screen[4])
	frames := 0
	for frames < 2 {
		introducer, err := br.ReadByte()
		switch {
		case err != nil || introducer == 0x3b: // end of file, trailer
			return frames
		case introducer == 0x21: // extension: a label, then sub-blocks
			br.ReadByte()
			skipSubBlocks(br)
		case introducer == 0x2c: // image: a descriptor, its colours, LZW size, data
			frames++
			var desc [9]byte
			if _, err := io.ReadFull(br, desc[:]); err != nil {
				return frames
			}
			skipColorTable(br, desc[8])
			br.ReadByte()
			skipSubBlocks(br)
		default:
			return frames
		}
	}
	return frames
}

func skipColorTable(br *bufio.Reader, flags byte) {
	if flags&0x80 != 0 {
		br.Discard(3 << (flags&7 + 1))
	}
}

func skipSubBlocks(br *bufio.Reader) {
	for {
		n, err := br.ReadByte()
		if err != nil || n == 0 {
			return
		}
		if _, err := br.Discard(int(n)); err != nil {
			return
		}
	}
}

// readUpTo reads at most limit bytes of r; a short read returns what it got.
func readUpTo(r io.Reader, limit int64) []byte {
	b, _ := io.ReadAll(io.LimitReader(r, limit))
	return b
}

// exifOrientation reads the Orientation tag (0x0112) of IFD0 from a TIFF structure;
// 1, upright, when there is none or the structure is broken.
func exifOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(tiff[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := int64(order.Uint32(tiff[4:8]))
	if ifd < 8 || ifd+2 > int64(len(tiff)) {
		return 1
	}
	count := int64(order.Uint16(tiff[ifd:]))
	for i := int64(0); i < count; i++ {
		e := ifd + 2 + 12*i
		if e+12 > int64(len(tiff)) {
			return 1
		}
		if order.Uint16(tiff[e:]) != 0x0112 || order.Uint16(tiff[e+2:]) != 3 {
			continue
		}
		if o := int(order.Uint16(tiff[e+8:])); o >= 1 && o <= 8 {
			return o
		}
		return 1
	}
	return 1
}
