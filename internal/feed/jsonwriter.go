package feed

import (
	"bytes"
	"fmt"
	"strings"
)

// jsonWriter writes an indented JSON document into a buffer, byte for byte as
// encoding/json's Encoder with SetIndent("", "  ") and SetEscapeHTML(false) would. It
// exists for speed: the Encoder marshals through reflection and then reads its whole
// output again to indent it, which made the JSON feed three times slower to write than
// the Atom one.
type jsonWriter struct {
	b     *bytes.Buffer
	depth int
	empty bool // the innermost object or array has no member yet
}

// open starts an object or an array (delim '{' or '['), as a member named key of the
// enclosing object, or as an element of an array when key is "".
func (j *jsonWriter) open(key string, delim byte) {
	j.member(key)
	j.b.WriteByte(delim)
	j.depth++
	j.empty = true
}

// close ends what open started; delim is '}' or ']'.
func (j *jsonWriter) close(delim byte) {
	j.depth--
	if !j.empty {
		j.newline()
	}
	j.b.WriteByte(delim)
	j.empty = false
	if j.depth == 0 {
		j.b.WriteByte('\n')
	}
}

// str writes a string member, cleaned, even empty.
func (j *jsonWriter) str(key, val string) {
	j.member(key)
	j.quote(cleanXML(val))
}

// opt writes a string member unless it is empty once cleaned.
func (j *jsonWriter) opt(key, val string) {
	if val = cleanXML(val); val != "" {
		j.member(key)
		j.quote(val)
	}
}

// member writes what comes before a value: the comma after the previous one, a new
// line, and the key in an object.
func (j *jsonWriter) member(key string) {
	if j.depth == 0 {
		return
	}
	if !j.empty {
		j.b.WriteByte(',')
	}
	j.empty = false
	j.newline()
	if key != "" {
		j.quote(key)
		j.b.WriteString(": ")
	}
}

func (j *jsonWriter) newline() {
	j.b.WriteByte('\n')
	for range j.depth {
		j.b.WriteString("  ")
	}
}

// quote writes s, which cleanXML has cleaned, as a JSON string.
func (j *jsonWriter) quote(s string) {
	j.b.WriteByte('"')
	last := 0
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c != '"' && c != '\\' && c != 0xe2 {
			i++
			continue
		}
		esc, size := jsonEscape(s[i:])
		if esc != "" {
			j.b.WriteString(s[last:i])
			j.b.WriteString(esc)
			last = i + size
		}
		i += size
	}
	j.b.WriteString(s[last:])
	j.b.WriteByte('"')
}

// jsonEscape returns the escape of the character s starts with, or "" if it needs
// none, and the character's length. U+2028 and U+2029 are escaped as encoding/json
// does, for JavaScript that evaluates JSON; other controls than \t, \n and \r do not
// get this far, but are escaped anyway so that quote alone makes valid JSON.
func jsonEscape(s string) (string, int) {
	switch c := s[0]; c {
	case '"':
		return `\"`, 1
	case '\\':
		return `\\`, 1
	case '\n':
		return `\n`, 1
	case '\r':
		return `\r`, 1
	case '\t':
		return `\t`, 1
	case 0xe2:
		switch {
		case strings.HasPrefix(s, "\u2028"):
			return `\u2028`, 3
		case strings.HasPrefix(s, "\u2029"):
			return `\u2029`, 3
		}
		return "", 1
	default:
		return fmt.Sprintf(`\u%04x`, c), 1
	}
}
