package feed

import "bytes"

const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

// writeJSON writes a JSON Feed 1.1 document. Optional members are left out when empty:
// the schema wants URLs to be URLs, and "" is not one.
func writeJSON(b *bytes.Buffer, f *Feed) {
	j := &jsonWriter{b: b}
	j.open("", '{')
	j.str("version", jsonFeedVersion)
	j.str("title", f.Title)
	j.opt("home_page_url", uri(f.HomeURL))
	j.opt("feed_url", uri(f.SelfURL))
	j.opt("next_url", uri(f.NextURL))
	j.opt("description", f.Subtitle)
	j.opt("icon", uri(f.IconURL))
	j.opt("language", f.Lang)
	jsonAuthors(j, []string{f.Author})
	j.open("items", '[')
	for i := range f.Entries {
		writeJSONItem(j, f, &f.Entries[i])
	}
	j.close(']')
	j.close('}')
}

// writeJSONItem leaves out the authors of an entry that names none: JSON Feed, unlike
// Atom, says that items inherit the feed's.
func writeJSONItem(j *jsonWriter, f *Feed, e *Entry) {
	j.open("", '{')
	j.str("id", entryID(e))
	j.opt("url", uri(e.URL))
	j.opt("title", e.Title)
	if content := cleanXML(e.ContentHTML); content != "" {
		j.member("content_html")
		j.quote(content) // cleaned once: the content is most of the feed
	} else {
		// An item must have content_html or content_text; the summary stands in.
		j.str("content_text", e.Summary)
	}
	j.opt("summary", e.Summary)
	if e.Image != nil {
		j.opt("image", uri(e.Image.URL))
	}
	j.opt("date_published", rfc3339(e.Published))
	j.opt("date_modified", rfc3339(e.Updated))
	jsonAuthors(j, e.Authors)
	jsonTags(j, e.Categories)
	j.opt("language", otherLang(f, e))
	j.close('}')
}

func jsonAuthors(j *jsonWriter, names []string) {
	opened := false
	for _, n := range names {
		if !present(n) {
			continue
		}
		if !opened {
			j.open("authors", '[')
			opened = true
		}
		j.open("", '{')
		j.str("name", n)
		j.close('}')
	}
	if opened {
		j.close(']')
	}
}

func jsonTags(j *jsonWriter, categories []Category) {
	opened := false
	for _, c := range categories {
		if !present(c.label()) {
			continue
		}
		if !opened {
			j.open("tags", '[')
			opened = true
		}
		j.str("", c.label())
	}
	if opened {
		j.close(']')
	}
}
