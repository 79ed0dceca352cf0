package media

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
)

// Limits on names. A segment must fit a file name on every file system we meet
// (255 bytes); a whole name stays well inside S3's 1024-byte keys, prefix included.
const (
	MaxNameLen    = 512
	maxSegmentLen = 255
)

// ValidateName accepts the names a Store stores blobs under: slash-separated relative
// paths (fs.ValidPath) of valid UTF-8 without control characters or backslashes, whose
// segments do not start with a dot, at most MaxNameLen bytes long. The dot rule keeps
// ".." out, hides dot files (the directory backend's temporary files among them), and
// refuses what a web server would refuse to serve. It returns an error wrapping
// ErrInvalidName.
func ValidateName(name string) error {
	if problem := nameProblem(name); problem != "" {
		return fmt.Errorf("%w: %s", ErrInvalidName, problem)
	}
	return nil
}

func nameProblem(name string) string {
	switch {
	case name == "":
		return "empty"
	case len(name) > MaxNameLen:
		return fmt.Sprintf("longer than %d bytes", MaxNameLen)
	case !utf8.ValidString(name):
		return "not UTF-8"
	case strings.ContainsFunc(name, isControl):
		return "control character"
	case strings.Contains(name, `\`):
		return "backslash"
	case !fs.ValidPath(name):
		return "not a clean relative path (leading, trailing or double slash, or a . or .. segment)"
	}
	for seg := range strings.SplitSeq(name, "/") {
		if seg[0] == '.' {
			return "a segment starts with a dot"
		}
		if len(seg) > maxSegmentLen {
			return fmt.Sprintf("a segment is longer than %d bytes", maxSegmentLen)
		}
	}
	return ""
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// validatePrefix accepts the prefixes of valid names: the part up to the last slash must
// be a valid name, the rest may be any start of a segment.
func validatePrefix(prefix string) error {
	if strings.HasPrefix(prefix, "/") {
		return fmt.Errorf("%w: prefix starts with a slash", ErrInvalidName)
	}
	dir, last := splitPrefix(prefix)
	if dir != "" {
		if err := ValidateName(dir); err != nil {
			return err
		}
	}
	if last == "" {
		return nil
	}
	if err := ValidateName(last); err != nil {
		return err
	}
	return nil
}

// splitPrefix splits "a/b/c" into the directory "a/b" and the segment start "c".
func splitPrefix(prefix string) (dir, last string) {
	i := strings.LastIndexByte(prefix, '/')
	if i < 0 {
		return "", prefix
	}
	return prefix[:i], prefix[i+1:]
}

// truncate keeps error messages short when a name is absurdly long.
func truncate(name string) string {
	if len(name) <= 80 {
		return name
	}
	return name[:80] + "…"
}

// ContentType returns the content type of a blob named name, from its extension in any
// case; application/octet-stream for an extension it does not know. It is a fixed table,
// not mime.TypeByExtension, because that one reads the machine's mime.types and would
// answer differently from one server to the next.
func ContentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".avif":
		return "image/avif"
	case ".gif":
		return "image/gif"
	case ".jpeg", ".jpg":
		return "image/jpeg"
	case ".png":
		return "image/png"
	case ".svg":
		return "image/svg+xml"
	case ".webp":
		return "image/webp"
	case ".pdf":
		return "application/pdf"
	case ".mp3":
		return "audio/mpeg"
	case ".ogg":
		return "audio/ogg"
	case ".mp4":
		return "video/mp4"
	case ".webm":
		return "video/webm"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".ics":
		return "text/calendar; charset=utf-8"
	case ".json":
		return "application/json"
	case ".zip":
		return "application/zip"
	}
	return "application/octet-stream"
}
