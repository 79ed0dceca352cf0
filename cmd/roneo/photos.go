package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/jobs"
	"github.com/roneo/roneo/internal/media"
	"github.com/roneo/roneo/internal/photo"
	"github.com/roneo/roneo/internal/render"
	"github.com/roneo/roneo/internal/store"
)

const mediaUsage = `Usage:
  roneo media import [flags] PATH…   add photos to the library: JPEG, PNG and WebP files, or
                                     folders of them; each is cleaned of every metadata (GPS,
                                     camera, names), stored once, and its sizes for pages are
                                     made before the command returns

Run "roneo media <command> -h" for a command's flags.
`

// runMedia is "roneo media": the photo library from the command line.
func runMedia(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, mediaUsage)
		return errUsage
	}
	switch args[0] {
	case "import":
		return runMediaImport(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "roneo media: unknown command %q\n\n%s", args[0], mediaUsage)
	return errUsage
}

// photoLimits are the --max-upload-size and --max-pixels flags of serve and media import.
type photoLimits struct{ photo.Limits }

func (l *photoLimits) register(fs *flag.FlagSet) {
	if l.MaxBytes == 0 {
		l.Limits = photo.DefaultLimits
	}
	fs.Var((*byteSize)(&l.MaxBytes), "max-upload-size", "largest photo file accepted, such as 40MB or 15MiB")
	fs.Int64Var(&l.MaxPixels, "max-pixels", l.MaxPixels, "most pixels a photo may have (width × height); larger ones are refused before they are decoded")
}

func (l *photoLimits) check() error {
	switch {
	case l.MaxBytes < 1:
		return fmt.Errorf("%w: --max-upload-size must be at least one byte", errUsage)
	case l.MaxPixels < 1:
		return fmt.Errorf("%w: --max-pixels must be at least 1", errUsage)
	}
	return nil
}

// byteSize is a flag of bytes written as people write them: 40MB, 512KiB, 1G, 1048576.
// K, M and G count in 1024s, with or without the "i" and the "B".
type byteSize int64

func (b *byteSize) String() string { return humanBytes(int64(*b)) }

func (b *byteSize) Set(s string) error {
	n, err := parseByteSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

func parseByteSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := int64(1)
	switch {
	case strings.HasSuffix(t, "K"):
		mult = 1 << 10
	case strings.HasSuffix(t, "M"):
		mult = 1 << 20
	case strings.HasSuffix(t, "G"):
		mult = 1 << 30
	}
	if mult > 1 {
		t = strings.TrimSpace(t[:len(t)-1])
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is no size: write a number of bytes, or one with KB, MB or GB", s)
	}
	return n * mult, nil
}

// importFlags are what "roneo media import" asks besides the data flags.
type importFlags struct {
	limits  photoLimits
	caption string
	credit  string
	alt     string
	altLang string
	album   int64
}

func runMediaImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	data := &dataFlags{Dir: "roneo-data"}
	var f importFlags
	fset := newFlagSet("media import", stderr)
	data.register(fset)
	f.limits.register(fset)
	fset.StringVar(&f.credit, "credit", "", "credit every new photo to this photographer or agency")
	fset.StringVar(&f.caption, "caption", "", "caption of every new photo")
	fset.StringVar(&f.alt, "alt", "", "alt text of every new photo, in --alt-lang (describe what it shows)")
	fset.StringVar(&f.altLang, "alt-lang", "", "language of --alt (fr, nl, en, …); default: the site's default language")
	fset.Int64Var(&f.album, "album", 0, "add the photos, in the order of their paths, to the end of this article's photo report (its ID)")
	paths, err := parseArgs(fset, args, atLeast(1, "PATH"))
	if err != nil {
		return err
	}
	if err := f.limits.check(); err != nil {
		return err
	}
	files, err := photoFiles(paths)
	if err != nil {
		return err
	}
	db, err := data.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	mstore, err := openMedia(data.mediaLocation())
	if err != nil {
		return err
	}
	defer mstore.Close()
	ed := editorial.New(db, editorial.Config{Renderer: render.New(), Clock: time.Now})
	imp := &photoImport{ed: ed, media: mstore, flags: f, stdout: stdout, stderr: stderr}
	if err := imp.words(ctx, db); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Adding %d files to the photo library of %s\n", len(files), data.describe())
	imp.run(ctx, files)
	if imp.album != nil && ctx.Err() == nil {
		if err := imp.addToAlbum(ctx, db); err != nil {
			return err
		}
	}
	// The derivatives of the new photos, and of any photo still missing some, before
	// returning: a site without a running serve is complete when this returns.
	if _, err := ed.QueueMissingDerivatives(ctx); err != nil {
		return err
	}
	if err := drainDerivatives(ctx, db, ed, mstore, stderr); err != nil {
		return fmt.Errorf("making the photos' sizes: %w", err)
	}
	imp.report()
	if missing, err := imp.underived(ctx, db); err != nil {
		return err
	} else if missing > 0 {
		return fmt.Errorf("%d photos still lack some of their sizes (see the newsroom's jobs); the running site retries them", missing)
	}
	if len(imp.failed) > 0 {
		return fmt.Errorf("%d of %d files were not added", len(imp.failed), len(files))
	}
	return ctx.Err()
}

// photoFiles expands the paths into the files to import: files as given, folders
// walked in name order (hidden files and folders skipped). A path that does not exist
// is a usage error before anything is written.
func photoFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// photoImport adds files to the library one by one, reporting each failure with its
// file's name and going on with the others.
type photoImport struct {
	ed     *editorial.Service
	media  media.Store
	flags  importFlags
	stdout io.Writer
	stderr io.Writer

	altLang content.Lang
	added   int
	known   int
	failed  []string
	album   []int64 // the photos, in order, for --album
	ids     []int64 // every photo added or found
}

// underived counts the photos of this import that still lack a derivative: a job that
// failed waits for its retry.
func (imp *photoImport) underived(ctx context.Context, db store.PhotoReader) (int, error) {
	photos, err := db.PhotosByID(ctx, imp.ids)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range photos {
		if !slices.Equal(p.Widths, content.WantedWidths(p.Width)) {
			n++
		}
	}
	return n, nil
}

// words checks --alt-lang against the site's languages.
func (imp *photoImport) words(ctx context.Context, db store.Store) error {
	site, err := db.Site(ctx)
	if err != nil {
		return err
	}
	imp.altLang = site.DefaultLang()
	if imp.flags.altLang != "" {
		l, err := content.ParseLang(imp.flags.altLang)
		if err != nil || !site.HasLang(l) {
			return fmt.Errorf("%w: --alt-lang %q is not a language of the site", errUsage, imp.flags.altLang)
		}
		imp.altLang = l
	}
	if imp.flags.album != 0 {
		imp.album = []int64{}
	}
	return nil
}

func (imp *photoImport) run(ctx context.Context, files []string) {
	bar := importBar(imp.stderr, len(files))
	for _, name := range files {
		if ctx.Err() != nil {
			return
		}
		p, created, err := imp.one(ctx, name)
		switch {
		case err != nil:
			imp.failed = append(imp.failed, fmt.Sprintf("%s: %v", name, err))
			bar.Clear()
			fmt.Fprintf(imp.stderr, "roneo: %s: %v\n", name, err)
		case created:
			imp.added++
		default:
			imp.known++
		}
		if err == nil {
			imp.ids = append(imp.ids, p.ID)
			if imp.album != nil {
				imp.album = append(imp.album, p.ID)
			}
		}
		bar.Add(1)
	}
	bar.Finish()
}

func (imp *photoImport) one(ctx context.Context, name string) (content.Photo, bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return content.Photo{}, false, err
	}
	defer f.Close()
	p, err := photo.Clean(ctx, imp.media, f, imp.flags.limits.Limits)
	if err != nil {
		return content.Photo{}, false, err
	}
	p.Caption, p.Credit = imp.flags.caption, imp.flags.credit
	if imp.flags.alt != "" {
		p.Alt = map[content.Lang]string{imp.altLang: imp.flags.alt}
	}
	created, err := imp.ed.AddPhoto(ctx, editorial.System("import"), &p)
	return p, created, err
}

func (imp *photoImport) addToAlbum(ctx context.Context, db store.Store) error {
	items, err := db.Album(ctx, imp.flags.album)
	if err != nil {
		return err
	}
	for _, id := range imp.album {
		if !slices.ContainsFunc(items, func(it content.AlbumItem) bool { return it.PhotoID == id }) {
			items = append(items, content.AlbumItem{PhotoID: id})
		}
	}
	if err := imp.ed.SetAlbum(ctx, editorial.System("import"), imp.flags.album, items); err != nil {
		return fmt.Errorf("--album %d: %w", imp.flags.album, err)
	}
	fmt.Fprintf(imp.stdout, "The photo report of article %d now holds %d photos.\n", imp.flags.album, len(items))
	return nil
}

func (imp *photoImport) report() {
	fmt.Fprintf(imp.stdout, "Added %d photos", imp.added)
	if imp.known > 0 {
		fmt.Fprintf(imp.stdout, "; %d were already in the library", imp.known)
	}
	fmt.Fprintln(imp.stdout, ".")
	if len(imp.failed) > 0 {
		fmt.Fprintf(imp.stdout, "%d files were not added:\n", len(imp.failed))
		for _, f := range imp.failed {
			fmt.Fprintln(imp.stdout, "  "+f)
		}
	}
}

// importBar draws a bar on a terminal and nothing elsewhere.
func importBar(w io.Writer, n int) *progressbar.ProgressBar {
	if !isTerminal(w) {
		return progressbar.NewOptions(n, progressbar.OptionSetWriter(io.Discard))
	}
	return progressbar.NewOptions(n, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("photos"),
		progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
}

// deriveHandler is the job that makes a photo's derivatives and records them.
func deriveHandler(ed *editorial.Service, m media.Store, st store.PhotoReader) jobs.Handler {
	return func(ctx context.Context, job store.Job) error {
		id, err := editorial.DeriveJobPhoto(job)
		if err != nil {
			return err
		}
		p, err := st.PhotoByID(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil // deleted meanwhile
		}
		if err != nil {
			return err
		}
		widths, err := photo.Derive(ctx, m, p)
		if err != nil {
			return fmt.Errorf("photo %d: %w", id, err)
		}
		return ed.PhotoDerived(ctx, id, widths)
	}
}

// deriveConcurrency is how many photos one instance derives at once: decoding a large
// photo takes hundreds of megabytes, and the image pipeline bounds it too.
const deriveConcurrency = 2

// drainDerivatives makes every due derivative job's work now, with a bar.
func drainDerivatives(ctx context.Context, db store.Store, ed *editorial.Service, m media.Store, stderr io.Writer) error {
	r := jobs.NewRunner(db, workerName(), jobs.Options{Log: slog.New(slog.DiscardHandler)})
	r.RegisterWith(editorial.JobDerive, deriveHandler(ed, m, db), jobs.KindOptions{Concurrency: deriveConcurrency})
	return r.Drain(ctx)
}
