package main

import "testing"

func TestAnnouncementAcrossWrites(t *testing.T) {
	a := newAnnouncement("Roneo is running at")
	for _, chunk := range []string{"time=… level=WARN msg=x\nRoneo is ru", "nning at http://127.0.0.1:1/\n"} {
		a.Write([]byte(chunk))
	}
	select {
	case <-a.seen:
	default:
		t.Fatal("the marker split across two writes was not seen")
	}
	a.Write([]byte("Roneo is running at again")) // must not close seen twice
}

func TestAnnouncementNotYet(t *testing.T) {
	a := newAnnouncement("Roneo is running at")
	a.Write([]byte("Roneo is starting\n"))
	select {
	case <-a.seen:
		t.Fatal("seen without the marker")
	default:
	}
}

func TestParseOnly(t *testing.T) {
	got, err := parseOnly(" cached, nginx ,")
	if err != nil || len(got) != 2 || got[0] != scenarioCached || got[1] != scenarioNginx {
		t.Errorf("parseOnly = %v, %v", got, err)
	}
	for _, bad := range []string{"", "cache", ",,"} {
		if _, err := parseOnly(bad); err == nil {
			t.Errorf("parseOnly(%q) gave no error", bad)
		}
	}
}
