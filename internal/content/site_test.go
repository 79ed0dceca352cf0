package content

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestSiteValidateHosts(t *testing.T) {
	many := make([]string, MaxHosts+1)
	for i := range many {
		many[i] = fmt.Sprintf("https://mirror%d.example.net", i)
	}
	for _, tc := range []struct {
		name  string
		hosts []string
		want  string // in the problem; "" for none
	}{
		{"none", nil, ""},
		{"a mirror and an onion", []string{"https://mirror.example.net", "http://abcdefghij234567.onion"}, ""},
		{"a port", []string{"https://mirror.example.net:8443"}, ""},
		{"as many as allowed", many[:MaxHosts], ""},
		{"one too many", many, "too many addresses"},
		{"no scheme", []string{"mirror.example.net"}, "mirror.example.net"},
		{"a path", []string{"https://mirror.example.net/fr"}, "https://mirror.example.net/fr"},
		{"upper case", []string{"https://Mirror.example.net"}, "is not written as https://mirror.example.net"},
		{"a trailing slash", []string{"https://mirror.example.net/"}, "is not written as"},
		{"the default port", []string{"https://mirror.example.net:443"}, "is not written as"},
		{"twice", []string{"https://mirror.example.net", "https://mirror.example.net"}, "listed twice"},
		{"empty", []string{""}, "not an address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := DefaultSite()
			s.Hosts = tc.hosts
			err := s.Validate()
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Validate = %v, want a validation error", err)
			}
			if got := ve.Problems["hosts"]; !strings.Contains(got, tc.want) {
				t.Errorf("hosts problem %q, want it to say %q", got, tc.want)
			}
		})
	}
}
