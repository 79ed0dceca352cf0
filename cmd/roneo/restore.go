package main

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

// runRestore is "roneo restore": a backup archive into an empty database and media
// store.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := restoreCommand{data: dataFlags{Dir: "roneo-data"}, freeSpace: freeSpace}
	fs := newFlagSet("restore", stderr)
	c.data.register(fs)
	fs.StringVar(&c.from, "from", "", "the backup archive to restore")
	if _, err := parseArgs(fs, args, noArgs()); err != nil {
		return err
	}
	if c.from == "" {
		return fmt.Errorf("%w: restore needs --from, the backup archive to restore (roneo-….tar.gz)", errUsage)
	}
	if _, err := mediaConfig(c.data.mediaLocation()); err != nil {
		return err
	}
	return c.run(ctx, stdout, stderr)
}

// restoreCommand is what "roneo restore" was told, and how it learns the free space of
// a disk (tests tell it otherwise).
type restoreCommand struct {
	data      dataFlags
	from      string
	freeSpace func(dir string) (diskSpace, bool, error)
}

func (c *restoreCommand) run(ctx context.Context, stdout, stderr io.Writer) error {
	dst, err := c.data.open(ctx)
	if err != nil {
		return err
	}
	defer dst.Close()
	if stats, err := dst.Stats(ctx); err != nil {
		return err
	} else if !stats.Empty() {
		return fmt.Errorf("%s holds data already (%d articles): restore into an empty database", c.data.describe(), stats.Articles)
	}
	if err := refuseNewer("the schema of "+c.data.describe(), dst.SchemaStatus(), c.data.AllowNewerSchema); err != nil {
		return err
	}
	blobs, err := openMedia(c.data.mediaLocation())
	if err != nil {
		return err
	}
	defer blobs.Close()
	start := time.Now()
	r := restorer{dst: dst, blobs: blobs, progress: stderr, target: c.data.sqliteDir(), freeSpace: c.freeSpace,
		allowNewer: c.data.AllowNewerSchema}
	if err := r.run(ctx, c.from); err != nil {
		r.undo(ctx)
		return fmt.Errorf("restore from %s failed and wrote nothing: %w", c.from, diskFull(err, "restoring"))
	}
	// The whole database went through the write-ahead log in one transaction: fold it
	// into the database file now, while there is room for both, rather than leave a log
	// as large as the site for the next start.
	if err := dst.Checkpoint(ctx); err != nil {
		return fmt.Errorf("the database was restored whole, but its write-ahead log could not be folded into it: %w", diskFull(err, "folding the write-ahead log"))
	}
	printTables(stdout, r.tables)
	fmt.Fprintf(stdout, "media: %d files, %s\nRestored %s (made %s from %s) into %s in %s.\n",
		len(r.written), humanBytes(r.bytes), c.from, r.manifest.Created.Format(time.RFC3339), r.manifest.Source,
		c.data.describe(), time.Since(start).Round(time.Millisecond))
	return nil
}

type restorer struct {
	dst      *sqlstore.DB
	blobs    media.Store
	progress io.Writer
	// target is the directory of the SQLite database restored into; "" for PostgreSQL,
	// whose disk is not this machine's.
	target    string
	freeSpace func(dir string) (diskSpace, bool, error)
	// allowNewer restores an archive whose schema is newer than this program's, what
	// this program knows of it.
	allowNewer bool
	work       string // where the archive's database is unpacked
	manifest   manifest
	written    []string // media written so far, removed again if the restore fails
	bytes      int64
	tables     []sqlstore.TableCopy
}

// run reads the archive in order — manifest, database, media — writing the media as
// they come, then copies the database in one transaction. The archive's database is
// unpacked beside the SQLite database restored into (a temporary directory may be
// memory), or in the temporary directory for PostgreSQL.
func (r *restorer) run(ctx context.Context, path string) error {
	work, err := os.MkdirTemp(or(r.target, os.TempDir()), ".roneo-restore-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	r.work = work
	if err := r.unpack(ctx, path, filepath.Join(work, sqlstore.SQLiteFile)); err != nil {
		return err
	}
	src, err := sqlstore.OpenSQLite(ctx, work, sqlstore.Options{})
	if err != nil {
		return fmt.Errorf("the archive's database: %w", err)
	}
	defer src.Close()
	// The manifest said (or, made before it said, did not say); the database knows.
	if err := refuseNewer("the backup's database", src.SchemaStatus(), r.allowNewer); err != nil {
		return err
	}
	if r.tables, err = sqlstore.Copy(ctx, src, r.dst, tableProgress(r.progress)); err != nil {
		return err
	}
	return r.checkManifest()
}

func (r *restorer) unpack(ctx context.Context, path, dbFile string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("not a Roneo backup (gzip: %w)", err)
	}
	tr := tar.NewReader(gz)
	for i := 0; ; i++ {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("damaged archive: %w", err)
		}
		if err := r.entry(ctx, i, h, tr, dbFile); err != nil {
			return err
		}
	}
	if r.manifest.Format == "" {
		return errors.New("not a Roneo backup: no manifest")
	}
	if _, err := os.Stat(dbFile); err != nil {
		return errors.New("damaged archive: no database")
	}
	return nil
}

func (r *restorer) entry(ctx context.Context, i int, h *tar.Header, tr io.Reader, dbFile string) error {
	switch {
	case i == 0 && h.Name != manifestName:
		return errors.New("not a Roneo backup: it does not start with a manifest")
	case h.Name == manifestName:
		return r.readManifest(tr)
	case h.Name == databaseName:
		if err := r.checkSpace(h.Size); err != nil {
			return err
		}
		return writeFile(dbFile, tr)
	case strings.HasPrefix(h.Name, mediaDirName) && h.Typeflag == tar.TypeReg:
		name := strings.TrimPrefix(h.Name, mediaDirName)
		if err := media.ValidateName(name); err != nil {
			return fmt.Errorf("damaged archive: media file %q: %w", name, err)
		}
		if err := r.blobs.Put(ctx, name, tr, h.Size); err != nil {
			return fmt.Errorf("media %s: %w", name, err)
		}
		r.written = append(r.written, name)
		r.bytes += h.Size
		return nil
	}
	return fmt.Errorf("damaged archive: unexpected entry %q", h.Name)
}

func (r *restorer) readManifest(tr io.Reader) error {
	if err := json.NewDecoder(io.LimitReader(tr, 1<<20)).Decode(&r.manifest); err != nil {
		return fmt.Errorf("damaged manifest: %w", err)
	}
	if r.manifest.Format != backupFormat || r.manifest.Version > backupVersion {
		return fmt.Errorf("not a backup this version of Roneo reads (format %q version %d)", r.manifest.Format, r.manifest.Version)
	}
	// Refused here, before any media file is written.
	known := r.dst.SchemaStatus().Known
	return refuseNewer("the backup's database", store.SchemaStatus{Known: known, Current: r.manifest.Schema}, r.allowNewer)
}

// checkManifest compares restored row counts with those the backup recorded.
func (r *restorer) checkManifest() error {
	want := map[string]int{}
	for _, t := range r.manifest.Tables {
		want[t.Table] = t.Rows
	}
	for _, t := range r.tables {
		if n, ok := want[t.Table]; ok && n != t.Rows {
			return fmt.Errorf("table %s: the backup recorded %d rows, %d were restored", t.Table, n, t.Rows)
		}
	}
	return nil
}

// checkSpace refuses to unpack and restore a database of size bytes where the disk
// would fill: it needs room for the archive's database unpacked, and, for SQLite,
// about twice its size for the restored database and the write-ahead log that carries
// it in until the checkpoint folds the one into the other.
func (r *restorer) checkSpace(size int64) error {
	unpacked := "the archive's database (" + humanBytes(size) + ") unpacked"
	if r.target == "" {
		return checkSpace(r.freeSpace, spaceNeed{os.TempDir(), uint64(size), unpacked})
	}
	return checkSpace(r.freeSpace, spaceNeed{r.target, 3 * uint64(size), unpacked + ", then restored with its write-ahead log,"})
}

// undo removes the media a failed restore wrote, and empties the write-ahead log of the
// transaction that was rolled back, which would otherwise keep its disk.
func (r *restorer) undo(ctx context.Context) {
	ctx = context.WithoutCancel(ctx)
	for _, name := range r.written {
		r.blobs.Delete(ctx, name)
	}
	r.dst.Checkpoint(ctx)
}

// diskFull says in plain words that a disk filled up while doing what, keeping err for
// the details.
func diskFull(err error, doing string) error {
	if !sqlstore.IsDiskFull(err) {
		return err
	}
	return fmt.Errorf("a disk is full (%s): free some space, then run the command again: %w", doing, err)
}

func writeFile(path string, r io.Reader) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
