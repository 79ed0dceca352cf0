package content

// SectionTree answers questions about the section hierarchy: children, ancestors (for
// breadcrumbs) and descendants (a section page lists its subsections' articles too).
type SectionTree struct {
	sections []Section
	byID     map[int64]int
	children map[int64][]int64 // parent ID (0 for the top) → children in order
	slugs    map[Lang]map[string]int64
}

// NewSectionTree indexes sections, which come parents-or-children in any order.
func NewSectionTree(sections []Section) *SectionTree {
	t := &SectionTree{
		sections: sections,
		byID:     make(map[int64]int, len(sections)),
		children: map[int64][]int64{},
		slugs:    map[Lang]map[string]int64{},
	}
	for i, s := range sections {
		t.byID[s.ID] = i
		for lang, n := range s.Names {
			if t.slugs[lang] == nil {
				t.slugs[lang] = map[string]int64{}
			}
			t.slugs[lang][n.Slug] = s.ID
		}
	}
	for _, s := range sections {
		parent := s.ParentID
		if _, ok := t.byID[parent]; !ok {
			parent = 0 // an orphan shows at the top rather than disappearing
		}
		t.children[parent] = append(t.children[parent], s.ID)
	}
	return t
}

// Get returns the section with id.
func (t *SectionTree) Get(id int64) (Section, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Section{}, false
	}
	return t.sections[i], true
}

// BySlug finds a section by its slug in lang.
func (t *SectionTree) BySlug(lang Lang, slug string) (Section, bool) {
	id, ok := t.slugs[lang][slug]
	if !ok {
		return Section{}, false
	}
	return t.Get(id)
}

// Children returns the direct children of id (0: the top-level sections).
func (t *SectionTree) Children(id int64) []Section {
	var out []Section
	for _, c := range t.children[id] {
		out = append(out, t.sections[t.byID[c]])
	}
	return out
}

// Ancestors returns the path from the top down to id's parent.
func (t *SectionTree) Ancestors(id int64) []Section {
	var path []Section
	seen := map[int64]bool{id: true}
	s, ok := t.Get(id)
	for ok && s.ParentID != 0 && !seen[s.ParentID] {
		seen[s.ParentID] = true
		if s, ok = t.Get(s.ParentID); ok {
			path = append([]Section{s}, path...)
		}
	}
	return path
}

// Descendants returns id and every section below it.
func (t *SectionTree) Descendants(id int64) []int64 {
	out := []int64{id}
	seen := map[int64]bool{id: true}
	for i := 0; i < len(out); i++ {
		for _, c := range t.children[out[i]] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// All returns every section, in the order they were given.
func (t *SectionTree) All() []Section { return t.sections }
