package sitemap_test

import (
	"testing"

	"github.com/roneo/roneo/internal/testkit"
)

// TestImports keeps the package pure: the standard library's writers (and netip to
// read an IPv6 host as net/url does), no HTTP, no store, no site.
func TestImports(t *testing.T) {
	allowed := []string{"bufio", "errors", "fmt", "io", "net/netip", "strings", "time"}
	testkit.Imports(t, allowed...)
}
