package jsonld_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/jsonld"
	"github.com/roneo/roneo/internal/jsonld/jsonldtest"
)

// TestExpand reads every builder's output back through a JSON-LD processor, as a search
// engine reads it, and checks what it means. All documents go through one run of the
// processor.
func TestExpand(t *testing.T) {
	signed := pressRelease()
	signed.Signature = "Service de presse"
	unsigned := article()
	unsigned.Authors = nil
	hostile := article()
	hostile.Headline = "« Ils disent \"non\" » </script><script>alert(1)</script> & <!-- \x00\x1b[31m\n\tΑθήνα، القاهرة، 北京 \u2028 👩‍💻"
	cases := []struct {
		name  string
		doc   map[string]any
		check func(t *testing.T, expanded []map[string]any)
	}{
		{"article", jsonld.NewsArticle(article()), checkArticle},
		{"press release", jsonld.NewsArticle(pressRelease()), checkPressRelease},
		{"press release with a signature", jsonld.NewsArticle(signed), func(t *testing.T, exp []map[string]any) {
			na := one(t, exp, "NewsArticle")
			expect(t, "author", names(t, jsonldtest.Objects(na, S+"author"), "Person"), "Service de presse")
		}},
		{"article with a byline only", jsonld.NewsArticle(unsigned), func(t *testing.T, exp []map[string]any) {
			na := one(t, exp, "NewsArticle")
			expect(t, "author", names(t, jsonldtest.Objects(na, S+"author"), "Person"), "notre correspondant à Namur")
			expect(t, "genre", jsonldtest.Value(na, S+"genre"))
		}},
		{"hostile title", jsonld.NewsArticle(hostile), func(t *testing.T, exp []map[string]any) {
			want := "« Ils disent \"non\" » </script><script>alert(1)</script> & <!-- [31m Αθήνα، القاهرة، 北京 👩‍💻"
			expect(t, "headline", jsonldtest.Value(one(t, exp, "NewsArticle"), S+"headline"), want)
		}},
		{"breadcrumbs", jsonld.Breadcrumbs(crumbs()), checkBreadcrumbs},
		{"organization", jsonld.Organization(publisher()), checkOrganization},
		{"website", website(), checkWebSite},
		{"graph", jsonld.Graph(jsonld.NewsArticle(article()), jsonld.Breadcrumbs(crumbs()), website(), jsonld.Organization(publisher())), func(t *testing.T, exp []map[string]any) {
			checkArticle(t, exp)
			checkBreadcrumbs(t, exp)
			checkWebSite(t, exp)
			// The article's publisher is an Organization as well as the graph's own node.
			if orgs := jsonldtest.Nodes(t, exp, S+"Organization"); len(orgs) != 2 {
				t.Errorf("%d organizations, want the publisher and the site's", len(orgs))
			}
		}},
	}
	docs := make([][]byte, len(cases))
	for i, c := range cases {
		docs[i] = mustMarshal(t, c.doc)
	}
	expanded := jsonldtest.ExpandAll(t, docs...)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.check(t, expanded[i])
			checkVocabulary(t, expanded[i])
		})
	}
}

func checkArticle(t *testing.T, exp []map[string]any) {
	a := article()
	na := one(t, exp, "NewsArticle")
	expect(t, "headline", jsonldtest.Value(na, S+"headline"), a.Headline)
	expect(t, "name", jsonldtest.Value(na, S+"name"), a.Headline)
	expect(t, "description", jsonldtest.Value(na, S+"description"), a.Description)
	expect(t, "url", jsonldtest.Value(na, S+"url"), a.URL)
	expect(t, "mainEntityOfPage", jsonldtest.Value(na, S+"mainEntityOfPage"), a.URL)
	expect(t, "inLanguage", jsonldtest.Value(na, S+"inLanguage"), "fr")
	checkDate(t, na, "datePublished", published)
	checkDate(t, na, "dateModified", modified.Truncate(time.Second))
	expect(t, "author", names(t, jsonldtest.Objects(na, S+"author"), "Person"), "Camille Durand", "Jan Peeters")
	expect(t, "author url", jsonldtest.Value(jsonldtest.Objects(na, S+"author")[0], S+"url"), a.Authors[0].URL)
	expect(t, "articleSection", jsonldtest.Value(na, S+"articleSection"), "Social")
	expect(t, "keywords", jsonldtest.Value(na, S+"keywords"), "grève", "rail")
	expect(t, "wordCount", jsonldtest.Value(na, S+"wordCount"), "812")
	expect(t, "genre", jsonldtest.Value(na, S+"genre"))

	imgs := jsonldtest.Objects(na, S+"image")
	typed(t, "image", imgs, "ImageObject")
	expect(t, "image url", values(imgs, "url"), a.Images[0].URL, a.Images[1].URL)
	expect(t, "image width", values(imgs, "width"), "1200", "800")
	expect(t, "image height", values(imgs, "height"), "675", "800")
	expect(t, "image caption", values(imgs, "caption"), a.Images[0].Alt)

	parts := jsonldtest.Objects(na, S+"isPartOf")
	typed(t, "isPartOf", parts, "CollectionPage")
	expect(t, "isPartOf name", values(parts, "name"), "Réforme des retraites")
	expect(t, "isPartOf url", values(parts, "url"), "https://roneo.example/fr/dossier/retraites")

	pub := jsonldtest.Objects(na, S+"publisher")
	expect(t, "publisher", names(t, pub, "Organization"), a.Publisher.Name)
	logo := jsonldtest.Objects(pub[0], S+"logo")
	typed(t, "logo", logo, "ImageObject")
	expect(t, "logo url", values(logo, "url"), a.Publisher.Logo)
}

func checkPressRelease(t *testing.T, exp []map[string]any) {
	na := one(t, exp, "NewsArticle")
	name := publisher().Name
	expect(t, "genre", jsonldtest.Value(na, S+"genre"), "press release")
	expect(t, "author", names(t, jsonldtest.Objects(na, S+"author"), "Organization"), name)
	expect(t, "sourceOrganization", names(t, jsonldtest.Objects(na, S+"sourceOrganization"), "Organization"), name)
	expect(t, "publisher", names(t, jsonldtest.Objects(na, S+"publisher"), "Organization"), name)
}

func checkBreadcrumbs(t *testing.T, exp []map[string]any) {
	items := jsonldtest.Objects(one(t, exp, "BreadcrumbList"), S+"itemListElement")
	typed(t, "itemListElement", items, "ListItem")
	expect(t, "position", values(items, "position"), "1", "2", "3")
	expect(t, "name", values(items, "name"), "Accueil", "Social", "Grève générale")
	// The page itself, last, has no link.
	expect(t, "item", values(items, "item"), "https://roneo.example/fr/", "https://roneo.example/fr/rubrique/social")
}

func checkOrganization(t *testing.T, exp []map[string]any) {
	o := publisher()
	org := one(t, exp, "Organization")
	expect(t, "name", jsonldtest.Value(org, S+"name"), o.Name)
	expect(t, "url", jsonldtest.Value(org, S+"url"), o.URL)
	expect(t, "sameAs", jsonldtest.Value(org, S+"sameAs"), o.SameAs...)
	expect(t, "logo", values(jsonldtest.Objects(org, S+"logo"), "url"), o.Logo)
}

func checkWebSite(t *testing.T, exp []map[string]any) {
	site := one(t, exp, "WebSite")
	expect(t, "name", jsonldtest.Value(site, S+"name"), "Roneo")
	expect(t, "url", jsonldtest.Value(site, S+"url"), "https://roneo.example/fr/")
	expect(t, "inLanguage", jsonldtest.Value(site, S+"inLanguage"), "fr")
	action := jsonldtest.Objects(site, S+"potentialAction")
	typed(t, "potentialAction", action, "SearchAction")
	expect(t, "query-input", values(action, "query-input"), "required name=search_term_string")
	target := jsonldtest.Objects(action[0], S+"target")
	typed(t, "target", target, "EntryPoint")
	expect(t, "urlTemplate", values(target, "urlTemplate"), "https://roneo.example/fr/recherche/?q={search_term_string}")
}

// checkDate checks that prop is typed as a date and time and names the instant want.
func checkDate(t *testing.T, node map[string]any, prop string, want time.Time) {
	t.Helper()
	objs := jsonldtest.Objects(node, S+prop)
	if len(objs) != 1 || objs[0]["@type"] != S+"DateTime" {
		t.Fatalf("%s: %v, want one schema:DateTime", prop, objs)
	}
	got, err := time.Parse(time.RFC3339, jsonldtest.Value(node, S+prop)[0])
	if err != nil || !got.Equal(want) {
		t.Errorf("%s: %v (%v), want %v", prop, got, err, want)
	}
}

// knownTerms are the schema.org types and properties the builders may use, written from
// the vocabulary: expansion maps any misspelt term into schema.org's namespace as well,
// so without this list a typo would pass.
var knownTerms = []string{
	"NewsArticle", "Person", "Organization", "ImageObject", "CollectionPage", "BreadcrumbList",
	"ListItem", "WebSite", "SearchAction", "EntryPoint",
	"headline", "name", "description", "url", "mainEntityOfPage", "inLanguage", "datePublished",
	"dateModified", "author", "image", "articleSection", "keywords", "isPartOf", "wordCount",
	"publisher", "genre", "sourceOrganization", "width", "height", "caption", "logo", "sameAs",
	"itemListElement", "position", "item", "potentialAction", "target", "urlTemplate", "query-input",
}

// checkVocabulary fails on any type or property outside knownTerms.
func checkVocabulary(t *testing.T, v any) {
	t.Helper()
	switch v := v.(type) {
	case []map[string]any:
		for _, n := range v {
			checkVocabulary(t, n)
		}
	case []any:
		for _, x := range v {
			checkVocabulary(t, x)
		}
	case map[string]any:
		for k, x := range v {
			if !strings.HasPrefix(k, "@") {
				checkTerm(t, "property", k)
			}
			if k == "@type" {
				types, _ := x.([]any) // a value's @type is a datatype, not a node's
				for _, typ := range types {
					checkTerm(t, "type", typ.(string))
				}
			}
			checkVocabulary(t, x)
		}
	}
}

func checkTerm(t *testing.T, kind, iri string) {
	t.Helper()
	if term, ok := strings.CutPrefix(iri, S); !ok || !slices.Contains(knownTerms, term) {
		t.Errorf("%s %s is not one the builders should use", kind, iri)
	}
}

// one is the single node of type typ (a schema.org type name).
func one(t *testing.T, exp []map[string]any, typ string) map[string]any {
	t.Helper()
	nodes := jsonldtest.Nodes(t, exp, S+typ)
	if len(nodes) != 1 {
		t.Fatalf("%d nodes of type %s, want 1", len(nodes), typ)
	}
	return nodes[0]
}

// names checks that every node is of type typ and returns their names.
func names(t *testing.T, nodes []map[string]any, typ string) []string {
	t.Helper()
	typed(t, typ, nodes, typ)
	return values(nodes, "name")
}

func typed(t *testing.T, what string, nodes []map[string]any, typ string) {
	t.Helper()
	if len(nodes) == 0 {
		t.Fatalf("%s: none", what)
	}
	for _, n := range nodes {
		if types, _ := n["@type"].([]any); !slices.Contains(types, any(S+typ)) {
			t.Errorf("%s: type %v, want %s", what, n["@type"], typ)
		}
	}
}

// values are the values of the schema.org property prop in all nodes, in order.
func values(nodes []map[string]any, prop string) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, jsonldtest.Value(n, S+prop)...)
	}
	return out
}

func expect(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: %q, want %q", what, got, want)
	}
}

func mustMarshal(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := jsonld.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
