package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"testing"
	"time"
)

func FuzzWrite(f *testing.F) {
	f.Add("Grève", "Résumé & <b>", "<p>Texte</p>", "Anne", "climat", "https://example.org/a?b=1&c=2")
	f.Add(hostile, hostile, hostile, hostile, hostile, hostile)
	f.Add("]]>", "<![CDATA[", "</content>", "\x00", "\xff", "\"'<>&")
	f.Add("\r\n\r", "\t", "&#xD;", "&amp;", "\ufeff", "\U0010ffff")
	f.Add("\u2028\u2029", "\\", "\xe2\x80", "\"", "\x7f", "")
	f.Fuzz(func(t *testing.T, title, summary, content, author, term, link string) {
		feed := &Feed{
			ID: link, Title: title, Subtitle: summary, Lang: term, SelfURL: link, HomeURL: link,
			IconURL: link, Author: author,
			Entries: []Entry{{
				ID: term, URL: link, Title: title, Authors: []string{author, title},
				Published: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
				Summary:   summary, ContentHTML: content, Lang: author,
				Categories: []Category{{Term: term, Label: title, Scheme: link}},
				Image:      &Image{URL: link, MIMEType: term, Length: 12, Alt: summary},
			}},
		}
		for _, format := range []Format{Atom, RSS} {
			texts := xmlTexts(t, format, mustWrite(t, feed, format))
			want := map[string]string{"title": title, "content": content, "content:encoded": content}
			for name, text := range want {
				if got, ok := texts[name]; ok && got != cleanXML(text) {
					t.Errorf("%s: the entry's %s reads %q, want %q", format, name, got, cleanXML(text))
				}
			}
		}
		var doc struct {
			Items []struct {
				Title       string
				ContentHTML string `json:"content_html"`
				Summary     string
			}
		}
		out := mustWrite(t, feed, JSON)
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatalf("JSON: %v", err)
		}
		checkJSONLayout(t, out)
		checkQuote(t, title)
		it := doc.Items[0]
		if it.Title != cleanXML(title) || it.ContentHTML != cleanXML(content) || it.Summary != cleanXML(summary) {
			t.Errorf("JSON: the item reads %q, %q, %q", it.Title, it.ContentHTML, it.Summary)
		}
	})
}

// xmlTexts reads doc with encoding/xml's strict decoder, which refuses what is not
// well-formed, and returns the text of the elements of its entries or items.
func xmlTexts(t *testing.T, format Format, doc []byte) map[string]string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	texts := map[string]string{}
	var path []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed: %v\n%s", format, err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			path = append(path, tok.Name.Local)
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			if n := len(path); n >= 2 && (path[n-2] == "entry" || path[n-2] == "item") {
				name := path[n-1]
				if name == "encoded" {
					name = "content:encoded"
				}
				texts[name] += string(tok)
			}
		}
	}
	return texts
}

// checkQuote checks that jsonWriter quotes s, cleaned, as encoding/json does.
func checkQuote(t *testing.T, s string) {
	t.Helper()
	s = cleanXML(s)
	var want, got bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	(&jsonWriter{b: &got}).quote(s)
	got.WriteByte('\n')
	if got.String() != want.String() {
		t.Errorf("quote(%q) = %s, encoding/json writes %s", s, got.Bytes(), want.Bytes())
	}
}

func TestJSONQuote(t *testing.T) {
	for _, s := range []string{"", hostile, "\u2028\u2029\u2027\u202a", `"\/`, "</script>&<>", "\t\n\r", "😀\ufffd", "\xe2", "\xe2\x80"} {
		checkQuote(t, s)
	}
}
