package main

import (
	"strings"
	"testing"
)

func TestParseReindex(t *testing.T) {
	out := "Reindexing the articles of sqlite:/tmp/data/roneo.db\nIndexed 100000 articles in 41.237s.\nThe index holds 100000 articles and takes 380.1 MB.\n"
	n, bytes, err := parseReindex(out)
	if err != nil || n != 100000 || bytes != 398563737 {
		t.Errorf("parseReindex = %d, %d, %v", n, bytes, err)
	}
	newer := "Indexed 100000 articles and documents in 41.237s.\nThe index holds 100000 articles and 0 other documents and takes 380.1 MB.\n"
	if n, bytes, err := parseReindex(newer); err != nil || n != 100000 || bytes != 398563737 {
		t.Errorf("parseReindex of a binary that indexes documents = %d, %d, %v", n, bytes, err)
	}
	if _, _, err := parseReindex(strings.Replace(out, "Indexed", "Indexing", 1)); err == nil {
		t.Error("no error for output without the figures")
	}
}

func TestParseSearchQuery(t *testing.T) {
	out := "18692 articles match \"grève\".\n  1.   2.919  2026-11-24  published  fr/preavis  Préavis\n" +
		"Searched 200 times: median 5.798 ms, 95th percentile 6.867 ms, slowest 17.081 ms.\n"
	l, err := parseSearchQuery(out)
	if err != nil || l.Total != 18692 || l.P50MS != 5.798 || l.P95MS != 6.867 || l.MaxMS != 17.081 {
		t.Errorf("parseSearchQuery = %+v, %v", l, err)
	}
	listing := "938 articles match the filters.\n  1.   0.000  2026-12-07  published  fr/x  X\n" +
		"Searched 200 times: median 1.250 ms, 95th percentile 2.500 ms, slowest 3.000 ms.\n"
	if l, err := parseSearchQuery(listing); err != nil || l.Total != 938 || l.P50MS != 1.25 {
		t.Errorf("parseSearchQuery of a listing = %+v, %v", l, err)
	}
	if _, err := parseSearchQuery("0 articles match \"x\".\nSearched in 0.2 ms.\n"); err == nil {
		t.Error("no error for a single search's output")
	}
}

func TestSearchTargets(t *testing.T) {
	r := &results{Settings: settings{Only: []string{scenarioSearch, scenarioSearchPG}}, Search: []searchResult{
		{Database: "sqlite", Searches: []searchLatency{{P95MS: 12}, {P95MS: 19.5}}},
	}}
	ts := r.searchTargets()
	if len(ts) != 2 || ts[0].Status != statusPass || *ts[0].Value != 19.5 || ts[1].Status != statusSkip {
		t.Errorf("searchTargets = %+v", ts)
	}
}
