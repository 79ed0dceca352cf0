package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

// taxonomy holds the IDs of everything articles refer to.
type taxonomy struct {
	sections map[string]int64    // by section key
	tags     map[string][3]int64 // by tag key, per language
	staff    map[staffKind][]int64
	beats    [][]int64  // journalists' IDs by beat
	dossiers [][3]int64 // by dossierSpecs index, per language
	persons  int
}

func (t *taxonomy) counts() (sections, tags, dossiers, persons int) {
	return len(t.sections), 3 * len(t.tags), 3 * len(t.dossiers), t.persons
}

// parents maps each subsection to its parent section.
func (t *taxonomy) parents() map[int64]int64 {
	m := map[int64]int64{}
	for _, spec := range sectionSpecs {
		if spec.parent != "" {
			m[t.sections[spec.key]] = t.sections[spec.parent]
		}
	}
	return m
}

// Random streams, so that the people, the plan and each story's text draw independently.
const (
	streamPeople uint64 = iota + 1
	streamPlan
	streamHeadline
	streamBody
)

// createTaxonomy writes the site settings, people, sections, tags and dossiers.
func createTaxonomy(b *editorial.Batch, r typesetter, seed uint64, slugs slugSet) (*taxonomy, error) {
	tax := &taxonomy{
		sections: map[string]int64{}, tags: map[string][3]int64{},
		staff: map[staffKind][]int64{}, beats: make([][]int64, len(beats)),
	}
	if err := b.PutSite(demoSite(r)); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	steps := []func() error{
		func() error { return tax.createStaff(b, r, rand.New(rand.NewPCG(seed, streamPeople)), slugs) },
		func() error { return tax.createSections(b, r, slugs) },
		func() error { return tax.createTags(b, r, slugs) },
		func() error { return tax.createDossiers(b, r, slugs) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return tax, nil
}

// taglines of the invented organisation, whose name means "the bramble" in both languages:
// tough, spreading, hard to uproot.
var taglines = tri{
	"Journal de solidarité ouvrière et internationale",
	"Krant voor arbeiders- en internationale solidariteit",
	"A paper of workers' and international solidarity",
}

// typesetter is what the demo needs of the editorial rules of typography and Markdown.
type typesetter interface {
	Text(lang content.Lang, text string) string
	Markdown(lang content.Lang, src string) (string, error)
	Typeset(a *content.Article) error
}

func demoSite(r typesetter) content.Site {
	site := content.DefaultSite()
	site.Name = "La Ronce / De Braam"
	site.Langs = slices.Clone(langs[:])
	for l, lang := range langs {
		site.Taglines[lang] = r.Text(lang, taglines[l])
	}
	return site
}

func (t *taxonomy) createSections(b *editorial.Batch, r typesetter, slugs slugSet) error {
	for i, spec := range sectionSpecs {
		sec := content.Section{ParentID: t.sections[spec.parent], Position: i, Names: map[content.Lang]content.SectionName{}}
		for l, lang := range langs {
			sec.Names[lang] = content.SectionName{
				Slug: slugs.unique("section/"+string(lang), spec.names[l]),
				Name: spec.names[l], Description: r.Text(lang, spec.desc[l]),
			}
		}
		if err := b.CreateSection(&sec); err != nil {
			return fmt.Errorf("section %s: %w", spec.key, err)
		}
		t.sections[spec.key] = sec.ID
	}
	return nil
}

func (t *taxonomy) createTags(b *editorial.Batch, r typesetter, slugs slugSet) error {
	for _, spec := range tagSpecs {
		var ids [3]int64
		for l, lang := range langs {
			tag := content.Tag{Lang: lang, Slug: slugs.unique("tag/"+string(lang), spec.names[l]), Name: r.Text(lang, spec.names[l])}
			if err := b.CreateTag(&tag); err != nil {
				return fmt.Errorf("tag %s: %w", spec.key, err)
			}
			ids[l] = tag.ID
		}
		t.tags[spec.key] = ids
	}
	return nil
}

// createDossiers writes each campaign in three languages sharing a StoryID; their
// articles are set once the articles exist (fillDossiers).
func (t *taxonomy) createDossiers(b *editorial.Batch, r typesetter, slugs slugSet) error {
	for _, spec := range dossierSpecs {
		var ids [3]int64
		var story int64
		for l, lang := range langs {
			intro, err := r.Markdown(lang, spec.intros[l])
			if err != nil {
				return err
			}
			d := content.Dossier{
				StoryID: story, Lang: lang, Featured: spec.featured,
				Slug:  slugs.unique("dossier/"+string(lang), spec.titles[l]),
				Title: r.Text(lang, spec.titles[l]), Intro: spec.intros[l], IntroHTML: intro,
			}
			if err := b.CreateDossier(&d, nil); err != nil {
				return fmt.Errorf("dossier %s: %w", spec.topic, err)
			}
			ids[l], story = d.ID, d.StoryID
		}
		t.dossiers = append(t.dossiers, ids)
	}
	return nil
}

// fillDossiers sets each dossier's articles, lists[i][l] being article IDs in the order
// the dossier shows them.
func fillDossiers(b *editorial.Batch, t *taxonomy, lists [][3][]int64) error {
	for i, ids := range t.dossiers {
		for l := range langs {
			if err := b.SetDossierMembers(ids[l], lists[i][l]); err != nil {
				return err
			}
		}
	}
	return nil
}
