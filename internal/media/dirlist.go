package media

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// List walks the directory of prefix depth first, in the byte order of whole names
// (S3's order), and reports the regular files whose names are valid and start with
// prefix. Dot files (temporary files among them) and symbolic links are skipped.
func (d *Dir) List(ctx context.Context, prefix string, fn func(Info) error) error {
	if err := validatePrefix(prefix); err != nil {
		return fmt.Errorf("media: list %q: %w", truncate(prefix), err)
	}
	start, _ := splitPrefix(prefix)
	return d.list(ctx, start, prefix, fn)
}

func (d *Dir) list(ctx context.Context, dir, prefix string, fn func(Info) error) error {
	entries, err := d.readDir(dir)
	if err != nil {
		return fmt.Errorf("media: list %q: %w", truncate(prefix), err)
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := path.Join(dir, e.Name())
		if ValidateName(name) != nil {
			continue
		}
		switch {
		case e.IsDir():
			// Descend where names below can start with prefix, or prefix with them.
			if strings.HasPrefix(name+"/", prefix) || strings.HasPrefix(prefix, name+"/") {
				if err := d.list(ctx, name, prefix, fn); err != nil {
					return err
				}
			}
		case e.Type().IsRegular() && strings.HasPrefix(name, prefix):
			fi, err := e.Info()
			if err != nil {
				continue // removed since the directory was read
			}
			if err := fn(fileInfo(name, fi)); err != nil {
				return err
			}
		}
	}
	return nil
}

// readDir returns the entries of dir ("" for the top) sorted as their names sort once
// completed: a directory "a" as "a/", which comes after "a-b" and "a.jpg".
func (d *Dir) readDir(dir string) ([]fs.DirEntry, error) {
	if dir == "" {
		dir = "."
	}
	f, err := d.root.Open(dir)
	if err != nil {
		return nil, ignoreNotFound(notFound(err))
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	if err != nil {
		return nil, ignoreNotFound(notFound(err))
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int {
		return cmp.Compare(sortKey(a), sortKey(b))
	})
	return entries, nil
}

func sortKey(e fs.DirEntry) string {
	if e.IsDir() {
		return e.Name() + "/"
	}
	return e.Name()
}
