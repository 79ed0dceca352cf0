package main

import "testing"

func TestParseHashBench(t *testing.T) {
	out := `goos: linux
goarch: amd64
pkg: github.com/roneo/roneo/internal/auth
BenchmarkHash-2   	      20	  41234567 ns/op	19936123 B/op	      52 allocs/op
--- BENCH: BenchmarkHash-2
    password_test.go:287: params: argon2id m=19456 KiB, t=2, p=1, salt 16 B, key 32 B
PASS`
	h, err := parseHashBench(out)
	if err != nil {
		t.Fatal(err)
	}
	if h.MSPerOp != 41.234567 || h.MBPerOp != 19.936123 || h.Params != "argon2id m=19456 KiB, t=2, p=1, salt 16 B, key 32 B" {
		t.Errorf("parsed %+v", *h)
	}
	if _, err := parseHashBench("FAIL"); err == nil {
		t.Error("no figures parsed without an error")
	}
}

func TestPercentile(t *testing.T) {
	v := []float64{5, 1, 4, 2, 3, 10, 9, 8, 7, 6}
	for _, c := range []struct{ p, want float64 }{{50, 5}, {99, 10}, {10, 1}, {0, 1}} {
		if got := percentile(v, c.p); got != c.want {
			t.Errorf("p%v = %v, want %v", c.p, got, c.want)
		}
	}
	if v[0] != 5 {
		t.Error("percentile sorted its input")
	}
	if percentile(nil, 50) != 0 {
		t.Error("percentile of nothing")
	}
}

func TestFirstOption(t *testing.T) {
	page := `<select id="f-section" name="section"><option value="">All</option><option value="12">Social</option></select>
<select name="author"><option value="">Anyone</option></select>`
	if got := firstOption(page, "section"); got != "12" {
		t.Errorf("section %q", got)
	}
	if got := firstOption(page, "author"); got != "" {
		t.Errorf("author %q", got)
	}
}
