package photo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roneo/roneo/internal/content"
	"github.com/roneo/roneo/internal/testkit"
)

// What exiftool may report of a cleaned photo or a derivative: the file system's facts
// and the picture's own (size, encoding), nothing that was written about the picture.
var allowedTags = map[string][]string{
	"ExifTool":  {"ExifToolVersion"},
	"System":    nil, // any: the file's name, size and dates on this disk
	"File":      {"FileType", "FileTypeExtension", "MIMEType", "ImageWidth", "ImageHeight", "EncodingProcess", "BitsPerSample", "ColorComponents", "YCbCrSubSampling"},
	"PNG":       {"ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression", "Filter", "Interlace"},
	"RIFF":      {"VP8Version", "ImageWidth", "ImageHeight", "HorizontalScale", "VerticalScale", "WebP_Flags", "AlphaPreprocessing", "AlphaFiltering", "AlphaCompression"},
	"Composite": {"ImageSize", "Megapixels"},
}

// exiftool reads every tag of the files, each as "Group:Tag" → value.
func exiftool(tb testing.TB, files ...string) []map[string]any {
	tb.Helper()
	out, err := exec.Command(testkit.Exiftool(tb), append([]string{"-j", "-a", "-u", "-G1"}, files...)...).Output()
	if err != nil {
		tb.Fatalf("exiftool: %v", err)
	}
	var tags []map[string]any
	if err := json.Unmarshal(out, &tags); err != nil {
		tb.Fatalf("exiftool's JSON: %v", err)
	}
	return tags
}

// leaks returns what exiftool found in a file beyond allowedTags.
func leaks(tags map[string]any) []string {
	var out []string
	for key, v := range tags {
		if key == "SourceFile" {
			continue
		}
		group, tag, _ := strings.Cut(key, ":")
		allowed, known := allowedTags[group]
		switch {
		case !known, allowed != nil && !slices.Contains(allowed, tag):
			out = append(out, fmt.Sprintf("%s = %v", key, v))
		case key == "RIFF:WebP_Flags" && v != "Alpha":
			out = append(out, fmt.Sprintf("%s = %v", key, v))
		}
	}
	slices.Sort(out)
	return out
}

// secrets are strings of the metadata the inputs carry; no stored byte may hold them.
var secrets = []string{secretPerson, secretPlace, "Acme", "SN-0042", "secret-maker-note", "Brussels"}

// TestNoMetadataSurvives uploads photos that carry every kind of metadata and has
// exiftool read the inputs (it must see the metadata: the test's own check), then the
// cleaned originals and every derivative (it must see none).
func TestNoMetadataSurvives(t *testing.T) {
	testkit.Exiftool(t) // skip early without it
	photo := testPicture(640, 480)
	transparent := image.NewNRGBA(image.Rect(0, 0, 500, 300))
	for i := range transparent.Pix {
		transparent.Pix[i] = uint8(i * 7)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want []string // tags exiftool must find in the input
	}{
		{"JPEG", jpegWithEverything(t, photo, 1), []string{"GPS:GPSLatitude", "IPTC:By-line", "XMP-dc:Creator",
			"ExifIFD:SerialNumber", "ICC_Profile:ProfileDescription", "File:Comment", "IFD0:Artist"}},
		{"JPEG turned", jpegWithEverything(t, photo, 6), []string{"GPS:GPSLatitude", "IFD0:Orientation"}},
		{"PNG", pngWithEverything(t, photo, 1), []string{"GPS:GPSLatitude", "PNG:Author", "PNG:Comment",
			"PNG:Description-en", "XMP-dc:Creator", "PNG:ModifyDate"}},
		{"PNG with transparency", pngWithEverything(t, transparent, 1), []string{"GPS:GPSLatitude", "PNG:Author"}},
		{"WebP", webpWithEverything(t, photo, 1), []string{"GPS:GPSLatitude", "XMP-dc:Creator", "IFD0:Make"}},
		{"WebP with transparency", webpWithEverything(t, transparent, 1), []string{"GPS:GPSLatitude", "XMP-dc:Creator"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			in := filepath.Join(dir, "upload")
			if err := os.WriteFile(in, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			inTags := exiftool(t, in)[0]
			for _, tag := range tc.want {
				if inTags[tag] == nil {
					t.Fatalf("the input has no %s: the test's metadata is not what exiftool reads", tag)
				}
			}
			if w, _ := inTags["ExifTool:Warning"].(string); !strings.Contains(w, "MakerNotes") {
				t.Errorf("exiftool does not see the input's maker note (warning %q)", w)
			}

			st := newStore(t)
			p := MustClean(t, st, tc.data)
			MustDerive(t, st, p)
			names := blobs(t, st)
			if len(names) != 1+2*len(content.WantedWidths(p.Width)) {
				t.Fatalf("stored %v", names)
			}
			var files []string
			for _, name := range names {
				data := read(t, st, name)
				for _, s := range secrets {
					if bytes.Contains(data, []byte(s)) {
						t.Errorf("%s contains %q", name, s)
					}
				}
				files = append(files, filepath.Join(st.Path(), name))
			}
			for _, tags := range exiftool(t, files...) {
				if l := leaks(tags); len(l) > 0 {
					t.Errorf("%s keeps:\n  %s", filepath.Base(tags["SourceFile"].(string)), strings.Join(l, "\n  "))
				}
			}
		})
	}
}

// TestExiftoolSeesALeak makes sure the check above can fail: a stored file that kept
// its metadata is caught.
func TestExiftoolSeesALeak(t *testing.T) {
	in := filepath.Join(t.TempDir(), "leak.jpg")
	if err := os.WriteFile(in, jpegWithEverything(t, testPicture(32, 32), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	l := leaks(exiftool(t, in)[0])
	for _, want := range []string{"GPS:GPSLatitude", "IPTC:By-line", "XMP-dc:Creator", "File:Comment", "ICC_Profile:ProfileCopyright"} {
		if !slices.ContainsFunc(l, func(s string) bool { return strings.HasPrefix(s, want+" ") }) {
			t.Errorf("leaks misses %s in %v", want, l)
		}
	}
	if leaks(map[string]any{"RIFF:WebP_Flags": "XMP, EXIF, Alpha"}) == nil {
		t.Error("leaks misses WebP's metadata flags")
	}
}
