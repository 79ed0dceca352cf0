package feed

import "bytes"

// xmlWriter writes an indented XML document into a buffer. It is a few appends
// rather than encoding/xml's Encoder, which is several times slower on a feed and
// whose escaping cannot be told to drop illegal characters.
//
// Every text and attribute value goes through cleanXML first; attributes are given as
// name, value pairs, and a pair whose value is empty once cleaned is left out, as
// every optional attribute of the three formats is.
type xmlWriter struct {
	b     *bytes.Buffer
	depth int
}

const xmlDecl = `<?xml version="1.0" encoding="utf-8"?>`

func newXMLWriter(b *bytes.Buffer) *xmlWriter {
	b.WriteString(xmlDecl)
	return &xmlWriter{b: b}
}

// open starts an element whose children follow.
func (x *xmlWriter) open(name string, attrs ...string) {
	x.startTag(name, attrs)
	x.b.WriteByte('>')
	x.depth++
}

// close ends the element open opened, on a line of its own.
func (x *xmlWriter) close(name string) {
	x.depth--
	x.indent()
	x.b.WriteString("</")
	x.b.WriteString(name)
	x.b.WriteByte('>')
	if x.depth == 0 {
		x.b.WriteByte('\n') // text files end with a newline
	}
}

// opt writes an optional element holding text, unless the text is empty once cleaned.
func (x *xmlWriter) opt(name, text string, attrs ...string) {
	if text = cleanXML(text); text != "" {
		x.textElem(name, text, attrs)
	}
}

// elem writes an element holding text, even empty: a required one.
func (x *xmlWriter) elem(name, text string, attrs ...string) {
	x.textElem(name, cleanXML(text), attrs)
}

func (x *xmlWriter) textElem(name, clean string, attrs []string) {
	x.startTag(name, attrs)
	x.b.WriteByte('>')
	x.escape(clean, false)
	x.b.WriteString("</")
	x.b.WriteString(name)
	x.b.WriteByte('>')
}

// empty writes an element with attributes only.
func (x *xmlWriter) empty(name string, attrs ...string) {
	x.startTag(name, attrs)
	x.b.WriteString("/>")
}

func (x *xmlWriter) startTag(name string, attrs []string) {
	x.indent()
	x.b.WriteByte('<')
	x.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		v := cleanXML(attrs[i+1])
		if v == "" {
			continue
		}
		x.b.WriteByte(' ')
		x.b.WriteString(attrs[i])
		x.b.WriteString(`="`)
		x.escape(v, true)
		x.b.WriteByte('"')
	}
}

func (x *xmlWriter) indent() {
	x.b.WriteByte('\n')
	for range x.depth {
		x.b.WriteString("  ")
	}
}

// The bytes escape replaces, as bit sets over the first 64 bytes, where they all are.
const (
	textSpecials = 1<<'&' | 1<<'<' | 1<<'>' | 1<<'\r'
	attrSpecials = textSpecials | 1<<'"' | 1<<'\n' | 1<<'\t'
)

// escape writes s, which cleanXML has cleaned, escaped. ">" is escaped too, so that
// "]]>" never appears; in attributes, so are the white space characters a parser would
// otherwise normalise to spaces, and in text the carriage return it would drop.
func (x *xmlWriter) escape(s string, attr bool) {
	specials := uint64(textSpecials)
	if attr {
		specials = attrSpecials
	}
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 64 || specials>>c&1 == 0 {
			continue
		}
		x.b.WriteString(s[last:i])
		x.b.WriteString(xmlEscape(s[i]))
		last = i + 1
	}
	x.b.WriteString(s[last:])
}

func xmlEscape(c byte) string {
	switch c {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '"':
		return "&quot;"
	case '\r':
		return "&#xD;"
	case '\n':
		return "&#xA;"
	}
	return "&#x9;"
}
