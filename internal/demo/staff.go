package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
)

// correspondentPosts are the countries (indexes into countries) with a correspondent.
var correspondentPosts = []int{0, 4, 12, 16}

// createStaff writes the masthead: editors, journalists, correspondents, photographers,
// columnists and press officers, all invented.
func (t *taxonomy) createStaff(b *editorial.Batch, r typesetter, rng *rand.Rand, slugs slugSet) error {
	used := map[[2]int]bool{}
	for _, spec := range staffSpecs {
		for i := range spec.count {
			p, beat := newStaffMember(rng, spec, i, used)
			p.Slug = slugs.unique("person", p.Name)
			html, err := r.Markdown("fr", p.Bio)
			if err != nil {
				return err
			}
			p.BioHTML = html
			if err := b.CreatePerson(&p); err != nil {
				return fmt.Errorf("person %s: %w", p.Slug, err)
			}
			t.staff[spec.kind] = append(t.staff[spec.kind], p.ID)
			if spec.kind == journalist {
				t.beats[beat] = append(t.beats[beat], p.ID)
			}
			t.persons++
		}
	}
	return nil
}

// newStaffMember invents the i-th person of a kind, with a name not used before, and
// returns the beat they cover. The bio is bilingual, like the organisation.
func newStaffMember(rng *rand.Rand, spec staffSpec, i int, used map[[2]int]bool) (content.Person, int) {
	first, last := rng.IntN(len(firstNames)), rng.IntN(len(lastNames))
	for used[[2]int{first, last}] {
		first, last = rng.IntN(len(firstNames)), rng.IntN(len(lastNames))
	}
	used[[2]int{first, last}] = true
	fn, female := firstNames[first].name, firstNames[first].female
	name := fn + " " + lastNames[last]
	beat := i % len(beats)
	if spec.kind != journalist {
		beat = rng.IntN(len(beats))
	}
	city := countries[correspondentPosts[i%len(correspondentPosts)]].capital
	year := strconv.Itoa(2008 + rng.IntN(16))
	fill := func(s string, l int) string {
		return strings.NewReplacer("{name}", name, "{year}", year,
			"{beatFR}", beats[beat][0], "{beatNL}", beats[beat][1], "{city}", city[l]).Replace(gendered(s, female))
	}
	p := content.Person{
		Name: name,
		Role: fill(spec.roleFR, fr) + " / " + fill(spec.roleNL, nl),
		Bio:  fill(spec.bioFR, fr) + "\n\n" + fill(spec.bioNL, nl),
	}
	if spec.email || rng.IntN(10) < 3 {
		p.Email = strings.ReplaceAll(content.Slugify(fn), "-", "") + "." + content.Slugify(lastNames[last]) + "@example.org"
	}
	if spec.phone {
		p.Phone = phoneNumber(rng, spec.kind == pressOfficer)
	}
	return p, beat
}

// phoneNumber invents a Brussels landline for the press office, a mobile otherwise.
func phoneNumber(rng *rand.Rand, landline bool) string {
	digits := func(n int) string {
		s := strconv.Itoa(rng.IntN(pow10(n)))
		return strings.Repeat("0", n-len(s)) + s
	}
	if landline {
		return "+32 2 5" + digits(2) + " " + digits(2) + " " + digits(2)
	}
	return "+32 47" + digits(1) + " " + digits(2) + " " + digits(2) + " " + digits(2)
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}
