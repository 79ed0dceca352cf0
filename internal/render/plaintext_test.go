package render

import "testing"

func TestPlainText(t *testing.T) {
	r := New()
	for _, c := range []struct{ lang, src, want string }{
		{"fr", "Les *grévistes* tiennent bon !\n\nDeuxième [paragraphe](https://example.org).", "Les grévistes tiennent bon\u202f!\nDeuxième paragraphe."},
		{"en", "## Title\n\n- one\n- two\n\nText with a note.[^1]\n\n[^1]: The note.", "Title\none\ntwo\nText with a note.\nThe note."},
		{"nl", "Tekst met <script>alert(1)</script> en &amp; teken.", "Tekst met en & teken."},
		{"en", "", ""},
	} {
		if got := r.PlainText(c.lang, c.src); got != c.want {
			t.Errorf("PlainText(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}
