package newsroom

import (
	"slices"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/i18n"
)

func langName(l content.Lang) string { return i18n.Autonym(l) }

// sectionName names a section in lang, or in any language it has a name in.
func sectionName(sec content.Section, lang content.Lang) string {
	if n, ok := sec.Names[lang]; ok {
		return n.Name
	}
	langs := make([]string, 0, len(sec.Names))
	for l := range sec.Names {
		langs = append(langs, string(l))
	}
	slices.Sort(langs)
	if len(langs) == 0 {
		return "#" + strconv.FormatInt(sec.ID, 10)
	}
	return sec.Names[content.Lang(langs[0])].Name
}

// sectionOptions lists the sections as a tree, children indented under their parent.
func sectionOptions(tree *content.SectionTree, lang content.Lang, selected int64) []option {
	var out []option
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, sec := range tree.Children(parent) {
			out = append(out, option{
				Value: strconv.FormatInt(sec.ID, 10), Selected: sec.ID == selected,
				Label: strings.Repeat("— ", depth) + sectionName(sec, lang),
			})
			if depth < 8 {
				walk(sec.ID, depth+1)
			}
		}
	}
	walk(0, 0)
	return out
}

// idOptions marks the chosen IDs among choices.
func idOptions(ids []int64, chosen []int64, label func(i int) string) []option {
	out := make([]option, len(ids))
	for i, id := range ids {
		out[i] = option{Value: strconv.FormatInt(id, 10), Label: label(i), Selected: slices.Contains(chosen, id)}
	}
	return out
}

func contains(ids []int64, id int64) bool { return slices.Contains(ids, id) }

// unionIDs lists the IDs of a and of b, each once.
func unionIDs(a, b []int64) []int64 {
	out := slices.Clone(a)
	for _, id := range b {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
