package feed

import (
	"errors"
	"fmt"
	"strings"
)

// Format is a feed's syndication format. The zero value is no format, so that a
// forgotten one is an error rather than Atom.
type Format int

const (
	Atom Format = iota + 1 // Atom 1.0, RFC 4287
	RSS                    // RSS 2.0.11 with the content, dc and atom modules
	JSON                   // JSON Feed 1.1
)

// Formats returns every format, in the order a page offers them.
func Formats() []Format { return []Format{Atom, RSS, JSON} }

// ErrUnknownFormat is returned for a format this package does not write.
var ErrUnknownFormat = errors.New("unknown feed format")

var formatInfo = [...]struct{ name, mediaType string }{
	Atom: {"atom", "application/atom+xml; charset=utf-8"},
	RSS:  {"rss", "application/rss+xml; charset=utf-8"},
	JSON: {"json", "application/feed+json; charset=utf-8"},
}

// ParseFormat returns the format a file extension names: "atom", "rss" or "json",
// with or without its dot, so that it reads both String and Ext.
func ParseFormat(ext string) (Format, error) {
	name := strings.TrimPrefix(ext, ".")
	for _, f := range Formats() {
		if formatInfo[f].name == name {
			return f, nil
		}
	}
	return 0, fmt.Errorf("%q: %w", ext, ErrUnknownFormat)
}

func (f Format) valid() bool { return f >= Atom && f <= JSON }

// String returns the format's name: "atom", "rss" or "json".
func (f Format) String() string {
	if !f.valid() {
		return fmt.Sprintf("Format(%d)", int(f))
	}
	return formatInfo[f].name
}

// Ext returns the file extension of the format's documents, with its dot: ".atom".
func (f Format) Ext() string {
	if !f.valid() {
		return ""
	}
	return "." + formatInfo[f].name
}

// MediaType returns the Content-Type to serve the format with.
func (f Format) MediaType() string {
	if !f.valid() {
		return ""
	}
	return formatInfo[f].mediaType
}
