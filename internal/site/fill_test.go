package site_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/store"
)

// fill writes the fixture's content: two languages' worth of sections, tags, people, a
// dossier, articles of every kind and status, a translation and a renamed slug.
func (f *fixture) fill(t testing.TB) {
	ctx := context.Background()
	f.update(t, func(tx store.Tx) error {
		site := content.DefaultSite()
		site.Name = "Le Stencil"
		site.Taglines = map[content.Lang]string{"fr": "Journal de lutte", "nl": "Strijdkrant", "en": "A fighting paper"}
		if err := tx.PutSite(ctx, site); err != nil {
			return err
		}
		intl := &content.Section{Names: map[content.Lang]content.SectionName{
			"fr": {Slug: "international", Name: "International"}, "nl": {Slug: "internationaal", Name: "Internationaal"}}}
		if err := tx.CreateSection(ctx, intl); err != nil {
			return err
		}
		europe := &content.Section{ParentID: intl.ID, Names: map[content.Lang]content.SectionName{
			"fr": {Slug: "europe", Name: "Europe"}, "nl": {Slug: "europa", Name: "Europa"}}}
		if err := tx.CreateSection(ctx, europe); err != nil {
			return err
		}
		f.ids["intl"], f.ids["europe"] = intl.ID, europe.ID
		for _, tg := range []*content.Tag{{Lang: "fr", Slug: "greve", Name: "grève"}, {Lang: "nl", Slug: "staking", Name: "staking"}} {
			if err := tx.CreateTag(ctx, tg); err != nil {
				return err
			}
			f.ids["tag-"+tg.Slug] = tg.ID
		}
		for _, p := range []*content.Person{
			{Slug: "marie-dubois", Name: "Marie Dubois", Role: "journaliste", Bio: "Marie couvre le *mouvement social*.", BioHTML: "<p>Marie couvre le <em>mouvement social</em>.</p>"},
			{Slug: "jan-peeters", Name: "Jan Peeters", Role: "porte-parole", Email: "jan@example.org", Phone: "+32 2 555 01 23"},
		} {
			if err := tx.CreatePerson(ctx, p); err != nil {
				return err
			}
			f.persons[p.Slug] = p
		}
		return f.fillArticles(ctx, tx)
	})
}

func (f *fixture) fillArticles(ctx context.Context, tx store.Tx) error {
	day := 24 * time.Hour
	lead := f.article("fr", content.KindArticle, "greve-generale", `Grève générale: "tout s'arrête" à Liège`,
		"La grève a commencé à l'aube.\n\n## Les revendications\n\nDes salaires, enfin[^1].\n\n[^1]: Selon le comité.", start.Add(-2*day))
	lead.Featured, lead.SectionID = true, f.ids["europe"]
	lead.AuthorIDs, lead.TagIDs = []int64{f.persons["marie-dubois"].ID}, []int64{f.ids["tag-greve"]}
	lead.Standfirst = "Toute la ville à l’arrêt."
	if err := tx.CreateArticle(ctx, lead); err != nil {
		return err
	}
	nl := f.article("nl", content.KindArticle, "algemene-staking", "Algemene staking in Luik", "De staking begon bij dageraad.", start.Add(-2*day))
	nl.StoryID, nl.TagIDs, nl.SectionID = lead.ID, []int64{f.ids["tag-staking"]}, f.ids["intl"]
	if err := tx.CreateArticle(ctx, nl); err != nil {
		return err
	}
	pr := f.article("fr", content.KindPressRelease, "communique-ambassade", "Rassemblement devant l'ambassade", "Nous appelons à un rassemblement.", start.Add(-1*day))
	pr.ContactIDs, pr.SectionID = []int64{f.persons["jan-peeters"].ID}, f.ids["intl"]
	pr.TagIDs, pr.RelatedIDs = []int64{f.ids["tag-greve"]}, []int64{lead.ID}
	pr.Signature = "Le comité de solidarité"
	if err := tx.CreateArticle(ctx, pr); err != nil {
		return err
	}
	f.ids["lead"], f.ids["nl"], f.ids["pr"] = lead.ID, nl.ID, pr.ID
	if err := f.fillStatuses(ctx, tx); err != nil {
		return err
	}
	// Enough French articles in Europe for three pages of twenty.
	for i := range 45 {
		a := f.article("fr", content.KindArticle, fmt.Sprintf("breve-%d", i), fmt.Sprintf("Brève numéro %d", i), "Texte.", start.Add(-time.Duration(i+3)*day))
		a.SectionID = f.ids["europe"]
		if err := tx.CreateArticle(ctx, a); err != nil {
			return err
		}
	}
	d := &content.Dossier{Lang: "fr", Slug: "solidarite", Title: "Solidarité avec les grévistes", Intro: "Notre campagne.", IntroHTML: "<p>Notre campagne.</p>", Featured: true}
	if err := tx.CreateDossier(ctx, d); err != nil {
		return err
	}
	f.ids["dossier"] = d.ID
	return tx.SetDossierArticles(ctx, d.ID, []int64{pr.ID, lead.ID})
}

// fillStatuses adds a draft, a scheduled article, an archived one and a renamed one.
func (f *fixture) fillStatuses(ctx context.Context, tx store.Tx) error {
	draft := f.article("fr", content.KindArticle, "brouillon", "Brouillon", "Pas prêt.", time.Time{})
	draft.Status = content.StatusDraft
	embargo := f.article("fr", content.KindPressRelease, "sous-embargo", "Sous embargo", "Pas avant midi.", start.Add(2*time.Hour))
	embargo.Status = content.StatusScheduled
	archived := f.article("fr", content.KindArticle, "retire", "Retiré", "Plus là.", start.Add(-10*24*time.Hour))
	archived.Status = content.StatusArchived
	renamed := f.article("fr", content.KindArticle, "ancien-titre", "Ancien titre", "Texte.", start.Add(-5*24*time.Hour))
	for _, a := range []*content.Article{draft, embargo, archived, renamed} {
		if err := tx.CreateArticle(ctx, a); err != nil {
			return err
		}
		f.ids[a.Slug] = a.ID
	}
	renamed.Slug, renamed.Title = "nouveau-titre", "Nouveau titre"
	return tx.UpdateArticle(ctx, renamed)
}
