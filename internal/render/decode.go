package render

import (
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// decodeText appends to cells the characters goldmark's HTML writer prints
// for the source of a text node: backslash escapes and entity references
// resolved, NUL replaced. It mirrors the writer so that rewriting a node as
// a raw string shows the reader the same text plus our typography.
// Characters that came from an escape or a reference are literal: a writer
// who typed \" or &quot; wants a straight quote.
func decodeText(cells []cell, src []byte, seg int32) []cell {
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]):
			cells = append(cells, cell{r: rune(src[i+1]), seg: seg, lit: true})
			i += 2
			continue
		case c == 0:
			cells = append(cells, cell{r: utf8.RuneError, seg: seg})
			i++
			continue
		case c == '&':
			if r, n := entityAt(src[i:]); n > 0 {
				cells = appendLiteral(cells, r, seg)
				i += n
				continue
			}
		}
		r, n := utf8.DecodeRune(src[i:])
		cells = append(cells, cell{r: r, seg: seg})
		i += n
	}
	return cells
}

func appendLiteral(cells []cell, s string, seg int32) []cell {
	for _, r := range s {
		cells = append(cells, cell{r: r, seg: seg, lit: true})
	}
	return cells
}

// entityAt reads the character reference at the start of src ("&#233;",
// "&#xE9;", "&eacute;") with goldmark's limits on digits. It returns the
// characters and the length read, or 0 when src holds no reference.
func entityAt(src []byte) (string, int) {
	if len(src) > 2 && src[1] == '#' {
		if src[2] == 'x' || src[2] == 'X' {
			return numericRef(src, 3, 16, 7, util.IsHexDecimal)
		}
		return numericRef(src, 2, 10, 8, util.IsNumeric)
	}
	end, ok := util.ReadWhile(src, [2]int{1, len(src)}, util.IsAlphaNumeric)
	if !ok || end >= len(src) || src[end] != ';' {
		return "", 0
	}
	entity, found := util.LookUpHTML5EntityByName(string(src[1:end]))
	if !found {
		return "", 0
	}
	return string(entity.Characters), end + 1
}

// numericRef reads digits from src[start:]; fewer than limit of them must be
// followed by ';'.
func numericRef(src []byte, start, base, limit int, digit func(byte) bool) (string, int) {
	end, ok := util.ReadWhile(src, [2]int{start, len(src)}, digit)
	if !ok || end >= len(src) || src[end] != ';' || end-start >= limit {
		return "", 0
	}
	v, err := strconv.ParseUint(string(src[start:end]), base, 32)
	if err != nil {
		v = utf8.RuneError
	}
	return string(util.ToValidRune(rune(v))), end + 1
}
