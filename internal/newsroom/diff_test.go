package newsroom

import (
	"strings"
	"testing"
)

func TestLineDiff(t *testing.T) {
	show := func(d []diffLine) string {
		var b strings.Builder
		for _, l := range d {
			b.WriteString(map[string]string{"same": " ", "add": "+", "del": "-", "gap": "…"}[l.Kind] + l.Text + "\n")
		}
		return b.String()
	}
	for _, tc := range []struct{ a, b, want string }{
		{"", "", ""},
		{"a\nb\nc", "a\nb\nc", "…3\n"},
		{"a\nb\nc", "a\nx\nc", " a\n-b\n+x\n c\n"},
		{"", "new", "+new\n"},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9", "1\n2\n3\n4\n5\nX\n6\n7\n8\n9", "…3\n 4\n 5\n+X\n 6\n 7\n…2\n"},
		{"a\nb", "b\na", "-a\n b\n+a\n"},
	} {
		if got := show(lineDiff(tc.a, tc.b)); got != tc.want {
			t.Errorf("diff(%q, %q) =\n%s\nwant\n%s", tc.a, tc.b, got, tc.want)
		}
	}
	// A huge rewrite stays bounded: removed and added whole.
	big := strings.Repeat("line\n", 3000)
	other := strings.Repeat("other\n", 3000)
	if d := lineDiff(big, other); len(d) != 6000 || !changed(d) {
		t.Errorf("big diff: %d lines", len(d))
	}
}
