package card_test

import (
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// TestImports keeps the package pure: images, fonts and text, no HTTP, no store, no
// site.
func TestImports(t *testing.T) {
	allowed := []string{
		"fmt", "image", "image/color", "image/draw", "image/png", "io", "strings", "sync",
		"unicode", "unicode/utf8",
		"golang.org/x/image/font", "golang.org/x/image/font/gofont/gobold",
		"golang.org/x/image/font/gofont/goregular", "golang.org/x/image/font/opentype",
		"golang.org/x/image/font/sfnt", "golang.org/x/image/math/fixed",
		"golang.org/x/text/cases", "golang.org/x/text/language", "golang.org/x/text/unicode/norm",
	}
	testkit.Imports(t, allowed...)
}
