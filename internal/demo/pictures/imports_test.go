package pictures_test

import (
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// TestImports keeps the package pure: it draws into memory from the standard library
// and golang.org/x/image, and knows nothing of the demo, the store or the web.
func TestImports(t *testing.T) {
	testkit.Imports(t, "encoding/binary", "image", "image/draw", "math", "strings", "unicode", "unicode/utf8",
		"golang.org/x/image/font", "golang.org/x/image/font/gofont/gobold", "golang.org/x/image/font/sfnt",
		"golang.org/x/image/math/fixed", "golang.org/x/image/vector", "golang.org/x/text/unicode/norm")
}
