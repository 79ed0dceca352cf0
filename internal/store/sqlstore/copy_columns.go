package sqlstore

import (
	"fmt"
	"hash"
	"strconv"
	"strings"
)

// colKind says how a column's values are compared and converted between databases:
// SQLite stores booleans as integers, PostgreSQL as booleans.
type colKind int

const (
	colInt colKind = iota // integer, possibly NULL
	colText
	colBool
	colBlob
)

type column struct {
	name string
	kind colKind
}

// cols reads a column list: names, each with ":i" (integer), ":b" (boolean) or ":x"
// (bytes) unless it is text.
func cols(spec string) []column {
	var out []column
	for _, f := range strings.Fields(spec) {
		name, kind, _ := strings.Cut(f, ":")
		k := colText
		switch kind {
		case "i":
			k = colInt
		case "b":
			k = colBool
		case "x":
			k = colBlob
		}
		out = append(out, column{name, k})
	}
	return out
}

// normalise turns a driver value into the Go type both databases accept for the column.
func normalise(v any, k colKind) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch k {
	case colInt:
		switch x := v.(type) {
		case int64:
			return x, nil
		case int32:
			return int64(x), nil
		}
	case colBool:
		switch x := v.(type) {
		case bool:
			return x, nil
		case int64:
			return x != 0, nil
		}
	case colText:
		switch x := v.(type) {
		case string:
			return x, nil
		case []byte:
			return string(x), nil
		}
	case colBlob:
		switch x := v.(type) {
		case []byte:
			// Never nil: an empty payload is not NULL, and drivers send nil as NULL.
			return append([]byte{}, x...), nil
		case string:
			return []byte(x), nil
		}
	}
	return nil, fmt.Errorf("unexpected %T for column kind %d", v, k)
}

// writeCanonical writes a value so that equal values hash alike on both databases.
func writeCanonical(h hash.Hash, v any) {
	switch x := v.(type) {
	case nil:
		h.Write([]byte("\x00N"))
	case int64:
		h.Write([]byte("\x00i" + strconv.FormatInt(x, 10)))
	case bool:
		h.Write([]byte("\x00b" + strconv.FormatBool(x)))
	case string:
		h.Write([]byte("\x00s" + strconv.Itoa(len(x)) + ":"))
		h.Write([]byte(x))
	case []byte:
		h.Write([]byte("\x00x" + strconv.Itoa(len(x)) + ":"))
		h.Write(x)
	}
}
