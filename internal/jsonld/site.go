package jsonld

import "strings"

// Organization describes the publisher as a schema.org Organization, with its own
// @context, for the home page.
func Organization(o Org) map[string]any {
	m := organization(o)
	m["@context"] = Vocabulary
	return m
}

// organization is the publisher inside another object.
func organization(o Org) map[string]any {
	m := node("Organization")
	setText(m, "name", o.Name)
	setText(m, "url", o.URL)
	if logo := clean(o.Logo); logo != "" {
		// An ImageObject rather than a bare URL: Google asks for one in "publisher".
		img := node("ImageObject")
		img["url"] = logo
		m["logo"] = img
	}
	setTexts(m, "sameAs", o.SameAs)
	return m
}

// SearchTerm is the placeholder a WebSite's search URL template carries.
const SearchTerm = "{search_term_string}"

// WebSite describes the site in one language, with its search as a SearchAction when
// searchURLTemplate is given, such as "https://example.org/fr/recherche/?q={search_term_string}".
// A template without SearchTerm is left out: every search would land on the same page.
func WebSite(name, url, lang, searchURLTemplate string) map[string]any {
	m := top("WebSite")
	setText(m, "name", name)
	setText(m, "url", url)
	setText(m, "inLanguage", lang)
	if tmpl := clean(searchURLTemplate); strings.Contains(tmpl, SearchTerm) {
		target := node("EntryPoint")
		target["urlTemplate"] = tmpl
		action := node("SearchAction")
		action["target"] = target
		action["query-input"] = "required name=search_term_string"
		m["potentialAction"] = action
	}
	return m
}

// Breadcrumbs describes a trail as a BreadcrumbList, numbered from 1. Crumbs without a
// name are skipped, and the numbering closes over them; with no crumb left there is no
// list (nil), which Graph leaves out.
func Breadcrumbs(items []Crumb) map[string]any {
	var list []map[string]any
	for _, c := range items {
		if clean(c.Name) == "" {
			continue
		}
		n := node("ListItem")
		n["position"] = len(list) + 1
		setText(n, "name", c.Name)
		setText(n, "item", c.URL)
		list = append(list, n)
	}
	if len(list) == 0 {
		return nil
	}
	m := top("BreadcrumbList")
	m["itemListElement"] = list
	return m
}
