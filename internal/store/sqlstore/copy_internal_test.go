package sqlstore

import (
	"context"
	"slices"
	"testing"
)

// Every table and column of the schema is either copied or deliberately left out, so a
// migration that adds one cannot be forgotten by copy, backup and restore.
func TestCopyTablesCoverTheSchema(t *testing.T) {
	db, err := OpenSQLite(context.Background(), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	schema := map[string][]string{}
	rows, err := db.read.Query(`SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		schema[table] = append(schema[table], col)
	}
	rows.Close()
	checkCoverage(t, schema)
}

func checkCoverage(t *testing.T, schema map[string][]string) {
	t.Helper()
	listed := map[string]bool{}
	for _, ct := range copyTables {
		listed[ct.name] = true
		var names []string
		for _, c := range ct.cols {
			names = append(names, c.name)
		}
		if have := schema[ct.name]; !slices.Equal(sorted(have), sorted(names)) {
			t.Errorf("table %s: schema has columns %v, copy lists %v", ct.name, have, names)
		}
	}
	for table := range schema {
		if !listed[table] && !notCopied[table] {
			t.Errorf("table %s is neither copied nor listed as not copied", table)
		}
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// A section may refer to a parent with a larger ID (it was moved under a section made
// after it); the copy writes parents in a second pass.
func TestCopySectionWithLaterParent(t *testing.T) {
	ctx := context.Background()
	src, err := OpenSQLite(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := OpenSQLite(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	for _, q := range []string{
		`INSERT INTO sections (id, parent_id, position) VALUES (1, NULL, 0), (2, NULL, 1)`,
		`UPDATE sections SET parent_id = 2 WHERE id = 1`,
		`INSERT INTO section_names (section_id, lang, slug, name) VALUES (1, 'fr', 'enfant', 'Enfant'), (2, 'fr', 'parent', 'Parent')`,
	} {
		if _, err := src.write.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Copy(ctx, src, dst, nil); err != nil {
		t.Fatal(err)
	}
	secs, err := dst.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(secs) != 2 || secs[0].ID != 1 || secs[0].ParentID != 2 {
		t.Errorf("sections after the copy: %+v", secs)
	}
}
