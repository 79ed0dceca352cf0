package main

import (
	"strings"
	"testing"
)

// copyOutput is what roneo copy printed for a 2000-article demo site.
const copyOutput = `Copying sqlite:/tmp/roneo-bench-1/data/roneo.db to postgres://postgres@127.0.0.1:5432/test?search_path=roneo_bench_1
             table  rows  checksum (SHA-256)
          settings     7    acfb28e9ae9941c1
          articles  2000    b4a2408288c2f115
      article_tags  6096    c5a9a55394680c62
              jobs     0    e3b0c44298fc1c14
media: 0 files, 0 bytes, verified
Copied and verified in 1m3.356s.
`

func TestParseCopy(t *testing.T) {
	got, err := parseCopy(copyOutput)
	if err != nil {
		t.Fatal(err)
	}
	if got.Articles != 2000 || got.Rows != 8103 || got.Tables != 4 || !near(got.RoneoSeconds, 63.356) {
		t.Errorf("parseCopy = %d articles, %d rows in %d tables, %v s; want 2000, 8103 in 4, 63.356 s",
			got.Articles, got.Rows, got.Tables, got.RoneoSeconds)
	}
}

func TestParseCopyIncomplete(t *testing.T) {
	for name, out := range map[string]string{
		"no articles": strings.Replace(copyOutput, "articles  2000", "articlez  2000", 1),
		"not done":    strings.Replace(copyOutput, "Copied and verified", "Copied", 1),
		"bad rows":    strings.Replace(copyOutput, "2000", "two", 1),
	} {
		if _, err := parseCopy(out); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
