package main

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/store/sqlstore"
)

// A backup is a gzipped tar archive: manifest.json, roneo.db (the whole database as a
// SQLite file, whichever database it came from) and media/<name> for every media file.
const (
	manifestName  = "manifest.json"
	databaseName  = "roneo.db"
	mediaDirName  = "media/"
	backupFormat  = "roneo-backup"
	backupVersion = 1
)

type manifest struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	Roneo   string    `json:"roneo"`
	Created time.Time `json:"created"`
	Source  string    `json:"source"`
	// Schema is the latest migration of the archived database: a version of Roneo that
	// does not know it refuses to restore the archive. Archives made before it was
	// recorded say 0.
	Schema int64                `json:"schema,omitempty"`
	Tables []sqlstore.TableCopy `json:"tables"`
}

// runBackup is "roneo backup": a consistent archive of a running site.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	data := dataFlags{Dir: "roneo-data"}
	to := "roneo-backup-" + time.Now().Format("2006-01-02-150405") + ".tar.gz"
	fs := newFlagSet("backup", stderr)
	data.register(fs)
	fs.StringVar(&to, "to", to, "the archive to write (it must not exist)")
	if _, err := parseArgs(fs, args, noArgs()); err != nil {
		return err
	}
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("%s exists already; choose another name", to)
	}
	if _, err := mediaConfig(data.mediaLocation()); err != nil {
		return err
	}
	src, err := data.open(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	if err := refuseNewer("the database's schema", src.SchemaStatus(), data.AllowNewerSchema); err != nil {
		return err
	}
	blobs, err := openMedia(data.mediaLocation())
	if err != nil {
		return err
	}
	defer blobs.Close()
	start := time.Now()
	fmt.Fprintf(stdout, "Backing up %s and %s to %s\n", data.describe(), data.mediaLocation(), to)
	files, bytes, tables, err := writeBackup(ctx, src, blobs, data.describe(), to, stderr)
	if err != nil {
		return fmt.Errorf("no backup was written: %w", diskFull(err, "writing the backup in "+filepath.Dir(to)))
	}
	// While the backup read one moment of the database, the site's writes piled up in
	// the write-ahead log, which no checkpoint could fold past that moment: fold and
	// empty it now. The backup is written whatever happens here.
	if err := src.Checkpoint(ctx); err != nil {
		fmt.Fprintf(stderr, "roneo: the backup is written, but the site's write-ahead log was not emptied (the next checkpoint will): %v\n", diskFull(err, "folding the write-ahead log"))
	}
	printTables(stdout, tables)
	fmt.Fprintf(stdout, "media: %d files, %s\nBackup written to %s in %s.\n", files, humanBytes(bytes), to, time.Since(start).Round(time.Millisecond))
	return nil
}

// writeBackup snapshots the database into a SQLite file next to the archive, then
// writes the archive under a temporary name and renames it when complete.
func writeBackup(ctx context.Context, src *sqlstore.DB, blobs media.Store, source, to string, progress io.Writer) (int, int64, []sqlstore.TableCopy, error) {
	work, err := os.MkdirTemp(filepath.Dir(to), ".roneo-backup-")
	if err != nil {
		return 0, 0, nil, err
	}
	defer os.RemoveAll(work)
	snap, err := sqlstore.OpenSQLite(ctx, work, sqlstore.Options{})
	if err != nil {
		return 0, 0, nil, err
	}
	schema := snap.SchemaStatus().Current
	tables, err := sqlstore.Copy(ctx, src, snap, tableProgress(progress))
	if err == nil {
		err = snap.Checkpoint(ctx)
	}
	if cerr := snap.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, 0, nil, fmt.Errorf("database snapshot: %w", err)
	}
	m := manifest{Format: backupFormat, Version: backupVersion, Roneo: version, Created: time.Now().UTC(), Source: source,
		Schema: schema, Tables: tables}
	partial := to + ".partial"
	files, bytes, err := writeArchive(ctx, partial, m, filepath.Join(work, sqlstore.SQLiteFile), blobs, progress)
	if err != nil {
		os.Remove(partial)
		return 0, 0, nil, err
	}
	if err := os.Rename(partial, to); err != nil {
		os.Remove(partial)
		return 0, 0, nil, err
	}
	return files, bytes, tables, nil
}

func writeArchive(ctx context.Context, path string, m manifest, dbFile string, blobs media.Store, progress io.Writer) (files int, bytes int64, err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	mj, _ := json.MarshalIndent(m, "", "  ")
	if err := addBytes(tw, manifestName, mj, m.Created); err != nil {
		return 0, 0, err
	}
	if err := addFile(tw, databaseName, dbFile); err != nil {
		return 0, 0, err
	}
	err = blobs.List(ctx, "", func(info media.Info) error {
		if err := addBlob(ctx, tw, blobs, info); err != nil {
			return fmt.Errorf("media %s: %w", info.Name, err)
		}
		files++
		bytes += info.Size
		if isTerminal(progress) && files%100 == 0 {
			fmt.Fprintf(progress, "\rmedia: %d files, %s", files, humanBytes(bytes))
		}
		return nil
	})
	if err == nil {
		err = tw.Close()
	}
	if err == nil {
		err = gz.Close()
	}
	if err == nil {
		err = f.Sync()
	}
	return files, bytes, err
}

func addBytes(tw *tar.Writer, name string, data []byte, mod time.Time) error {
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(data)), ModTime: mod}); err != nil {
		return err
	}
	_, err := tw.Write(data)
	return err
}

func addFile(tw *tar.Writer, name, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: info.Size(), ModTime: info.ModTime()}); err != nil {
		return err
	}
	_, err = io.Copy(tw, f)
	return err
}

// addBlob archives one media file as it is when opened (it may have changed since it
// was listed).
func addBlob(ctx context.Context, tw *tar.Writer, blobs media.Store, listed media.Info) error {
	blob, info, err := blobs.Open(ctx, listed.Name)
	if err != nil {
		return err
	}
	defer blob.Close()
	if err := tw.WriteHeader(&tar.Header{Name: mediaDirName + listed.Name, Mode: 0o600, Size: info.Size, ModTime: info.ModTime}); err != nil {
		return err
	}
	_, err = io.Copy(tw, blob)
	return err
}
