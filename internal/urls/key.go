package urls

import (
	"strings"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
)

// keyRule says what a kind's Page.Key holds and what makes it valid.
type keyRule int

const (
	noKey       keyRule = iota // Key is ""
	slugKey                    // content.ValidSlug
	secretKey                  // a preview link's URL-safe token
	fileKey                    // one path segment: a static file's hashed name
	nameKey                    // segments joined by "/": a media name
	downloadKey                // "{sha-256}/{file name}": a photo's original, saved under that name
)

// Limits on keys that content does not bound. A secret is base64url of a few bytes; a
// media name is at most 512 bytes (media.MaxNameLen), and any name of nameKey keeps the
// path under MaxPathLen.
const (
	maxSecretLen  = 128
	maxSegmentLen = 255
	maxNameLen    = 900
)

func (r keyRule) valid(key string) bool {
	switch r {
	case noKey:
		return key == ""
	case slugKey:
		return content.ValidSlug(key)
	case secretKey:
		return len(key) <= maxSecretLen && key != "" && strings.IndexFunc(key, notTokenRune) < 0
	case fileKey:
		return validSegment(key)
	case nameKey:
		return validName(key)
	case downloadKey:
		hash, name, ok := strings.Cut(key, "/")
		return ok && content.ValidPhotoHash(hash) && validDownloadName(name)
	}
	return false
}

func notTokenRune(r rune) bool {
	return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_')
}

// validSegment refuses what cannot be one segment of a path, and "." and "..", which
// browsers resolve away before asking. Which names exist is the server's business.
func validSegment(s string) bool {
	return s != "" && s != "." && s != ".." && len(s) <= maxSegmentLen &&
		!strings.Contains(s, "/") && utf8.ValidString(s)
}

func validName(name string) bool {
	if len(name) > maxNameLen {
		return false
	}
	for seg := range strings.SplitSeq(name, "/") {
		if !validSegment(seg) {
			return false
		}
	}
	return true
}

// validDownloadName accepts the file names Download gives: ASCII letters, digits, "-"
// and "_", then ".jpg" or ".png", so that every browser saves the file under that name.
func validDownloadName(name string) bool {
	base, ok := strings.CutSuffix(name, ".jpg")
	if !ok {
		base, ok = strings.CutSuffix(name, ".png")
	}
	return ok && base != "" && len(name) <= maxSegmentLen && strings.IndexFunc(base, notTokenRune) < 0
}
