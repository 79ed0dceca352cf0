package urls_test

import (
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// TestImports keeps the scheme pure: the standard library's strings and paths and
// content's languages and slugs, no HTTP, no templates, no store.
func TestImports(t *testing.T) {
	allowed := []string{
		"github.com/roneo/roneo/internal/content",
		"fmt", "maps", "net/url", "path", "slices", "strconv", "strings", "unicode/utf8",
	}
	testkit.Imports(t, allowed...)
}
