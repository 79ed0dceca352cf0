package photo

import (
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// TestImports keeps the package to images, the domain and the media store: no database,
// HTTP or site package, which call it.
func TestImports(t *testing.T) {
	testkit.Imports(t,
		"bufio", "bytes", "context", "crypto/sha256", "encoding/binary", "encoding/hex", "errors",
		"fmt", "image", "image/color", "image/draw", "image/jpeg", "image/png", "io", "os",
		"slices", "sync/atomic",
		"github.com/disintegration/imaging", "github.com/gen2brain/webp",
		"golang.org/x/image/webp", "golang.org/x/sync/semaphore",
		"github.com/roneo/roneo/internal/content", "github.com/roneo/roneo/internal/media",
	)
}
