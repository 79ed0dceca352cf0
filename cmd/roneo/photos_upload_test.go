package main

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/store"
)

// An upload takes as long as its files take to arrive, far longer than --db-timeout
// gives a page: a form whose file trickles in for longer is still added.
func TestServeSlowUpload(t *testing.T) {
	t.Parallel()
	m, _ := startServe(t, "", "--db-timeout", "1500ms")
	newsroomUser(t, m, auth.RoleContributor, "slow@example.org", "en", "")
	c := newsroomClient(t, m.URL(), "slow@example.org")

	img := image.NewRGBA(image.Rect(0, 0, 120, 80))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, img, nil); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		mw.WriteField("credit", "Marie Dupont")
		fw, _ := mw.CreateFormFile("photos", "slow.jpg")
		data := jpg.Bytes()
		half := len(data) / 2
		fw.Write(data[:half])
		time.Sleep(2 * time.Second) // longer than the database's deadline of a page
		fw.Write(data[half:])
		pw.CloseWithError(mw.Close())
	}()
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, m.URL()+"/newsroom/photos/upload", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "slow.jpg: added to the library.") {
		t.Fatalf("slow upload: %d\n%.2000s", resp.StatusCode, body)
	}
	photos, _, err := m.store.Photos(context.Background(), store.PhotoQuery{Limit: 10})
	if err != nil || len(photos) != 1 || photos[0].Credit != "Marie Dupont" {
		t.Errorf("library: %+v, %v", photos, err)
	}
}
