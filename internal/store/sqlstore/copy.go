package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
)

// copyTable is a table that copies, backups and restores carry, in an order where every
// row's references already exist.
type copyTable struct {
	name    string
	cols    []column
	orderBy string // a unique order, so that both sides hash rows alike
	// deferred columns are written in a second pass: they refer to rows of the same
	// table that may come later (a section's parent).
	deferred []string
	identity bool // an "id" column whose sequence PostgreSQL must move past the copied rows
}

// copyTables lists every table of the schema that holds the site's data. A test fails
// when a migration adds a table or column that is missing here.
var copyTables = []copyTable{
	{name: "settings", cols: cols("key value"), orderBy: "key"},
	{name: "persons", cols: cols("id:i slug name role bio bio_html email phone created_at:i updated_at:i"), orderBy: "id", identity: true},
	{name: "users", cols: cols("id:i email name role lang password_hash totp_secret totp_last_step:i recovery_codes person_id:i disabled:b created_at:i updated_at:i"), orderBy: "id", identity: true},
	{name: "sections", cols: cols("id:i parent_id:i position:i"), orderBy: "id", deferred: []string{"parent_id"}, identity: true},
	{name: "section_names", cols: cols("section_id:i lang slug name description"), orderBy: "section_id, lang"},
	{name: "tags", cols: cols("id:i lang slug name"), orderBy: "id", identity: true},
	{name: "photos", cols: cols("id:i hash format width:i height:i bytes:i alt caption credit focus_x:i focus_y:i widths folded created_at:i updated_at:i created_by:i"), orderBy: "id", identity: true},
	{name: "articles", cols: cols("id:i story_id:i kind lang slug title standfirst body body_html signature section_id:i status featured:b image_path image_alt image_caption image_credit publish_at:i created_at:i updated_at:i version:i created_by:i updated_by:i deleted_at:i title_folded"), orderBy: "id", identity: true},
	{name: "featured_photos", cols: cols("article_id:i photo_id:i"), orderBy: "article_id"},
	{name: "album_items", cols: cols("article_id:i position:i photo_id:i caption"), orderBy: "article_id, position"},
	{name: "body_photos", cols: cols("article_id:i photo_id:i"), orderBy: "article_id, photo_id"},
	{name: "article_authors", cols: cols("article_id:i person_id:i position:i"), orderBy: "article_id, person_id"},
	{name: "article_contacts", cols: cols("article_id:i person_id:i position:i"), orderBy: "article_id, person_id"},
	{name: "article_tags", cols: cols("article_id:i tag_id:i"), orderBy: "article_id, tag_id"},
	{name: "article_related", cols: cols("article_id:i related_id:i position:i"), orderBy: "article_id, related_id"},
	{name: "slug_history", cols: cols("lang slug article_id:i"), orderBy: "lang, slug"},
	{name: "dossiers", cols: cols("id:i story_id:i lang slug title intro intro_html featured:b image_path image_alt image_caption image_credit created_at:i updated_at:i"), orderBy: "id", identity: true},
	{name: "dossier_articles", cols: cols("dossier_id:i article_id:i position:i"), orderBy: "dossier_id, article_id"},
	{name: "revisions", cols: cols("id:i subject_type subject_id:i version:i user_id:i saved_at:i snapshot"), orderBy: "id", identity: true},
	{name: "redirects", cols: cols("from_path to_url gone:b created_at:i created_by:i"), orderBy: "from_path"},
	{name: "previews", cols: cols("hash article_id:i created_by:i created_at:i expires_at:i revoked_at:i note"), orderBy: "hash"},
	{name: "audit_log", cols: cols("id:i at:i user_id:i actor action target detail"), orderBy: "id", identity: true},
	{name: "jobs", cols: cols("id:i kind payload:x run_at:i attempts:i claimed_by lease_until:i done_at:i last_error created_at:i dedupe_key"), orderBy: "id", identity: true},
	// What the owners of documents of other types gave the search index, their text
	// included: no copy could extract it again.
	{name: "search_documents", cols: cols("id:i subject_type subject_id:i part:i lang visible:b publish_at:i version:i title body"), orderBy: "id", identity: true},
}

// notCopied are tables that hold no site data: the migrations' own bookkeeping,
// short-lived counters, and what lasts hours at most (sign-ins, one-time links, text
// typed but not saved), which a restored or moved site can do without.
var notCopied = map[string]bool{
	"goose_db_version": true, "schema_compat": true, "throttle": true, "sessions": true, "tokens": true, "autosaves": true,
	// SQLite's notes to the other processes using the file, read within seconds.
	"change_log": true,
	// The search index and SQLite's shadow tables of it: Copy rebuilds it at the
	// destination, whose database may store it differently.
	"article_search": true, "article_search_data": true, "article_search_idx": true,
	"article_search_docsize": true, "article_search_config": true,
	"document_search": true, "document_search_data": true, "document_search_idx": true,
	"document_search_docsize": true, "document_search_config": true,
}

// TableCopy is what a copy did to one table.
type TableCopy struct {
	Table    string
	Rows     int
	Checksum string // SHA-256 of the rows in a canonical form, equal on both sides
}

// CopyProgress is told how many rows of a table have been written so far.
type CopyProgress func(table string, done, total int)

// Copy copies every table from src into dst, which must be empty, in one transaction on
// each side: src is read from one snapshot, dst gets everything or nothing. Row counts
// and checksums are verified by reading dst back after the commit. The search index is
// built anew from the copied articles and documents, in the same transaction.
func Copy(ctx context.Context, src, dst *DB, progress CopyProgress) ([]TableCopy, error) {
	if err := dst.mustBeEmpty(ctx); err != nil {
		return nil, err
	}
	in, err := src.read.BeginTx(ctx, snapshotOptions(src.dialect))
	if err != nil {
		return nil, src.dialect.translate(fmt.Errorf("begin snapshot: %w", err))
	}
	defer in.Rollback()
	out, err := dst.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, dst.dialect.translate(fmt.Errorf("begin: %w", err))
	}
	defer out.Rollback()
	var report []TableCopy
	for _, t := range copyTables {
		tc, err := copyOne(ctx, in, out, src, dst, t, progress)
		if err != nil {
			return nil, fmt.Errorf("copy %s: %w", t.name, err)
		}
		report = append(report, tc)
	}
	si := dst.dialect.search
	if err := buildAll(ctx, out, dst.dialect, si.collections(), searchProgress(progress, indexedRows(report))); err != nil {
		return nil, fmt.Errorf("copy: %w", err)
	}
	// Or the planner would plan for empty tables; in the transaction, so that a failure
	// here (a full disk) leaves nothing copied either.
	if err := dst.analyzeIn(ctx, out); err != nil {
		return nil, dst.statisticsError(err)
	}
	if err := out.Commit(); err != nil {
		return nil, dst.dialect.translate(fmt.Errorf("commit: %w", err))
	}
	dst.notify(everything) // everything is new
	return report, dst.verify(ctx, report)
}

// Checksums reads every table and returns its row count and checksum, as Copy reports
// them, from one snapshot.
func Checksums(ctx context.Context, db *DB) ([]TableCopy, error) {
	tx, err := db.read.BeginTx(ctx, snapshotOptions(db.dialect))
	if err != nil {
		return nil, db.dialect.translate(err)
	}
	defer tx.Rollback()
	var out []TableCopy
	for _, t := range copyTables {
		h := sha256.New()
		n, err := scanTable(ctx, tx, t, func([]any) error { return nil }, h)
		if err != nil {
			return nil, fmt.Errorf("checksum %s: %w", t.name, db.dialect.translate(err))
		}
		out = append(out, TableCopy{Table: t.name, Rows: n, Checksum: hex.EncodeToString(h.Sum(nil))})
	}
	return out, nil
}

func (db *DB) verify(ctx context.Context, want []TableCopy) error {
	got, err := Checksums(ctx, db)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	for i := range want {
		if got[i] != want[i] {
			return fmt.Errorf("verify %s: copied %d rows (%s…) but read back %d (%s…)",
				want[i].Table, want[i].Rows, want[i].Checksum[:12], got[i].Rows, got[i].Checksum[:12])
		}
	}
	return nil
}

func (db *DB) mustBeEmpty(ctx context.Context) error {
	for _, t := range copyTables {
		row := db.write.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t.name)
		var n int
		if err := row.Scan(&n); err != nil {
			return db.dialect.translate(fmt.Errorf("count %s: %w", t.name, err))
		}
		if n > 0 {
			return fmt.Errorf("the destination already holds data (%d rows in %s): copy into an empty database", n, t.name)
		}
	}
	return nil
}

// copyOne streams one table from in to out in multi-row INSERTs.
func copyOne(ctx context.Context, in, out *sql.Tx, src, dst *DB, t copyTable, progress CopyProgress) (TableCopy, error) {
	total, err := countRows(ctx, in, t.name)
	if err != nil {
		return TableCopy{}, src.dialect.translate(err)
	}
	w := newBatchWriter(ctx, out, dst.dialect, t)
	h := sha256.New()
	n, err := scanTable(ctx, in, t, func(row []any) error {
		if err := w.add(row); err != nil {
			return err
		}
		if progress != nil && w.written > 0 && w.written%1000 == 0 {
			progress(t.name, w.written, total)
		}
		return nil
	}, h)
	if err == nil {
		err = w.flush()
	}
	if err == nil {
		err = w.finish()
	}
	if err != nil {
		return TableCopy{}, err
	}
	if progress != nil {
		progress(t.name, n, total)
	}
	return TableCopy{Table: t.name, Rows: n, Checksum: hex.EncodeToString(h.Sum(nil))}, nil
}

func countRows(ctx context.Context, tx *sql.Tx, table string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n)
	return n, err
}

// scanTable reads a table in its canonical order, hashing each row and handing it to fn
// with values normalised by column kind.
func scanTable(ctx context.Context, tx *sql.Tx, t copyTable, fn func([]any) error, h hash.Hash) (int, error) {
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = c.name
	}
	// Table and column names come from copyTables, never from input.
	rows, err := tx.QueryContext(ctx, `SELECT `+strings.Join(names, ", ")+` FROM `+t.name+` ORDER BY `+t.orderBy)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	raw := make([]any, len(t.cols))
	ptrs := make([]any, len(t.cols))
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		row := make([]any, len(raw))
		for i, c := range t.cols {
			v, err := normalise(raw[i], c.kind)
			if err != nil {
				return n, fmt.Errorf("%s.%s: %w", t.name, c.name, err)
			}
			row[i] = v
			writeCanonical(h, v)
		}
		h.Write([]byte{'\n'})
		if err := fn(row); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// snapshotOptions makes a transaction that reads one consistent state of the database
// while others keep writing.
func snapshotOptions(d *dialect) *sql.TxOptions {
	opts := *d.snapshot // BeginTx takes a pointer; the dialect's stays as it is
	return &opts
}
