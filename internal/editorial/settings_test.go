package editorial_test

import (
	"slices"
	"testing"

	"github.com/roneo/roneo/internal/auth"
	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
	"github.com/roneo/roneo/internal/store/storetest"
)

// The other addresses are saved with the settings and named in the audit entry; with
// KeepHosts, a save leaves the stored list as it was, whatever it was given.
func TestSaveSettingsHosts(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store, clock *storetest.Clock) {
		svc := newService(st, clock)
		admin := MustUser(t, st, auth.RoleAdmin, "admin")
		site, err := st.Site(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		mirrors := []string{"https://mirror.example.net", "http://abcdefghij234567.onion"}
		site.Hosts = mirrors
		if err := svc.SaveSettings(t.Context(), admin, site); err != nil {
			t.Fatal(err)
		}
		checkHosts(t, st, mirrors)
		if got := MustAudit(t, st, store.AuditQuery{Action: "settings"}); len(got) != 1 ||
			got[0].Detail != "other addresses: https://mirror.example.net, http://abcdefghij234567.onion" {
			t.Errorf("audit: %+v", got)
		}

		site.Hosts = []string{"https://evil.example"}
		site.Name = "Le Journal"
		if err := svc.SaveSettings(t.Context(), admin, site, editorial.KeepHosts); err != nil {
			t.Fatal(err)
		}
		checkHosts(t, st, mirrors)
		if got := MustAudit(t, st, store.AuditQuery{Action: "settings", Limit: 1}); len(got) != 1 || got[0].Detail != "name: Le Journal" {
			t.Errorf("audit of a save that kept the addresses: %+v", got)
		}

		site.Hosts = nil
		if err := svc.SaveSettings(t.Context(), admin, site); err != nil {
			t.Fatal(err)
		}
		checkHosts(t, st, nil)
		if got := MustAudit(t, st, store.AuditQuery{Action: "settings", Limit: 1}); len(got) != 1 || got[0].Detail != "other addresses: none" {
			t.Errorf("audit of clearing the addresses: %+v", got)
		}
	})
}

func checkHosts(tb testing.TB, st store.Store, want []string) {
	tb.Helper()
	site, err := st.Site(tb.Context())
	if err != nil {
		tb.Fatal(err)
	}
	if !slices.Equal(site.Hosts, want) {
		tb.Errorf("other addresses = %q, want %q", site.Hosts, want)
	}
}
