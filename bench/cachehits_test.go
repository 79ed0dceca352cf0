package main

import "testing"

func TestParseHealthz(t *testing.T) {
	c, err := parseHealthz([]byte(`{"status":"ok","page_cache":{"pages":12,"bytes":345678,"hits":900,"misses":12,"purges":3}}`))
	if err != nil || !c.reported() || *c.Hits != 900 || *c.Misses != 12 || *c.Purges != 3 || c.Pages != 12 {
		t.Errorf("with counters: %+v, %v", c, err)
	}
	// Today's roneo: pages and bytes only.
	c, err = parseHealthz([]byte(`{"page_cache":{"bytes":0,"pages":0},"status":"ok"}` + "\n"))
	if err != nil || c.reported() || c.Purges != nil {
		t.Errorf("without counters: %+v, %v", c, err)
	}
	if c, err := parseHealthz([]byte(`{"status":"ok"}`)); err != nil || c.reported() {
		t.Errorf("without page_cache: %+v, %v", c, err)
	}
	if _, err := parseHealthz([]byte(`ok`)); err == nil {
		t.Error("not JSON: no error")
	}
}

func TestCounterDelta(t *testing.T) {
	a, b := int64(3), int64(10)
	if d := counterDelta(&a, &b); d == nil || *d != 7 {
		t.Errorf("delta %v", d)
	}
	if d := counterDelta(nil, &b); d != nil {
		t.Errorf("delta without a first reading: %v", *d)
	}
}

func TestHitRate(t *testing.T) {
	if r := hitRate(99, 1); r == nil || *r != 99 {
		t.Errorf("hit rate %v", r)
	}
	if r := hitRate(0, 0); r != nil {
		t.Errorf("hit rate of nothing: %v", *r)
	}
}
