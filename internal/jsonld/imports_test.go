package jsonld_test

import (
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// TestImports keeps the package pure: it builds values from the structs it is given and
// leaves HTTP, templates and the store to the site.
func TestImports(t *testing.T) {
	allowed := []string{"encoding/json", "slices", "strings", "time", "unicode", "unicode/utf8"}
	testkit.Imports(t, allowed...)
}
