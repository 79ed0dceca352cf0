package content

import (
	"slices"
	"testing"
)

func TestSectionTree(t *testing.T) {
	name := func(slug string) map[Lang]SectionName { return map[Lang]SectionName{"fr": {Slug: slug, Name: slug}} }
	tree := NewSectionTree([]Section{
		{ID: 3, ParentID: 2, Names: name("bruxelles")},
		{ID: 1, Names: name("international")},
		{ID: 2, Names: name("belgique")},
		{ID: 4, ParentID: 3, Names: name("ixelles")},
		{ID: 5, ParentID: 99, Names: name("orpheline")},
	})
	if got := tree.Descendants(2); !slices.Equal(got, []int64{2, 3, 4}) {
		t.Errorf("Descendants(2) = %v", got)
	}
	var path []int64
	for _, s := range tree.Ancestors(4) {
		path = append(path, s.ID)
	}
	if !slices.Equal(path, []int64{2, 3}) {
		t.Errorf("Ancestors(4) = %v", path)
	}
	if s, ok := tree.BySlug("fr", "ixelles"); !ok || s.ID != 4 {
		t.Errorf("BySlug = %v, %v", s, ok)
	}
	if _, ok := tree.BySlug("nl", "ixelles"); ok {
		t.Error("BySlug found a French slug in Dutch")
	}
	var top []int64
	for _, s := range tree.Children(0) {
		top = append(top, s.ID)
	}
	if !slices.Equal(top, []int64{1, 2, 5}) {
		t.Errorf("top level = %v (an orphan belongs at the top)", top)
	}
	loop := NewSectionTree([]Section{{ID: 1, ParentID: 2}, {ID: 2, ParentID: 1}})
	if got := loop.Ancestors(1); len(got) > 2 {
		t.Errorf("a parent loop gave %d ancestors", len(got))
	}
}
