package feed

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// benchFeed is a front page feed: 50 articles of about 5 KB of HTML each, with the
// links, images and entities articles have.
func benchFeed() *Feed {
	f := sampleFeed()
	f.Entries = nil
	for i := range 50 {
		var content strings.Builder
		for p := 0; content.Len() < 5000; p++ {
			fmt.Fprintf(&content, `<p>Paragraphe %d de l’article %d : les syndicats ont voté la reconduction de la grève, `+
				`qu’ils jugent « indispensable » face au projet présenté par le gouvernement. `+
				`<a href="/fr/dossier/%d">Lire le dossier</a> &amp; <em>les réactions</em>.</p>`+"\n", p, i, p*7+i)
			if p%3 == 0 {
				fmt.Fprintf(&content, `<figure><img src="/media/%d/%d.jpg" srcset="/media/%d/%d-640.jpg 640w, /media/%d/%d-1280.jpg 1280w" alt="Photo %d"><figcaption>Photo : Roneo</figcaption></figure>`+"\n", i, p, i, p, i, p, p)
			}
		}
		f.Entries = append(f.Entries, Entry{
			ID:          fmt.Sprintf("tag:example.org,2026:article/%d", 1000+i),
			URL:         fmt.Sprintf("https://example.org/fr/article/%d-greve-generale", 1000+i),
			Title:       fmt.Sprintf("Grève générale, jour %d : « on ne lâche rien »", i),
			Authors:     []string{"Anne Dupont"},
			Published:   time.Date(2026, 3, 1, 9, 0, 0, 0, brussels).Add(time.Duration(i) * time.Hour),
			Summary:     "Les salariés de l’usine ont reconduit le mouvement & appellent à manifester.",
			ContentHTML: content.String(),
			Categories:  []Category{{Term: "greve", Label: "Grève", Scheme: "https://example.org/fr/tag/"}},
			Image:       &Image{URL: fmt.Sprintf("https://example.org/media/%d/0.jpg", i), MIMEType: "image/jpeg", Length: 90000},
		})
	}
	return f
}

// BenchmarkWrite reports, as MB/s, the size of the feed's content it writes per
// second.
func BenchmarkWrite(b *testing.B) {
	f := benchFeed()
	var size int64
	for _, e := range f.Entries {
		size += int64(len(e.ContentHTML))
	}
	for _, format := range Formats() {
		b.Run(format.String(), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, f, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCleanXML(b *testing.B) {
	content := benchFeed().Entries[0].ContentHTML
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		cleanXML(content)
	}
}
