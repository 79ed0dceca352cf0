package auth

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/roneo/roneo/internal/content"
)

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		pw      string
		problem string // "" when the password is acceptable
	}{
		{"correct horse battery", ""},
		{"twelve chars", ""},
		{"ééééééééééée", ""},         // 12 runes, 24 bytes
		{"日本語のパスワードです", "too short"}, // 11 runes
		{"日本語のパスワードですね", ""},         // 12 runes
		{"eleven char", "too short"},
		{"", "too short"},
		{strings.Repeat("x", 255) + "y", ""},
		{strings.Repeat("x", 256) + "y", "too long"},
		{strings.Repeat("é", 129), "too long"}, // 129 runes, 258 bytes
		{strings.Repeat(" ", 12), "only spaces"},
		{" \t\n\u00a0\u2003        ", "only spaces"},
		{"aaaaaaaaaaaa", "too common"},
		{"€€€€€€€€€€€€", "too common"},
		{"password1234", "too common"},
		{"PassWord1234", "too common"},
		{"correct horse battery staple", "too common"},
		{"Correct Horse Battery Staple", "too common"},
		{"motdepasse123", "too common"},
		{"azertyuiop123", "too common"},
		{"password12345!", ""},
		{"abc\xffdefghijkl", "not valid text"},
	}
	for _, tt := range tests {
		err := ValidatePassword(tt.pw)
		if tt.problem == "" {
			if err != nil {
				t.Errorf("ValidatePassword(%.30q) = %v, want nil", tt.pw, err)
			}
			continue
		}
		var ve *content.ValidationError
		if !errors.As(err, &ve) || !errors.Is(err, content.ErrInvalid) {
			t.Errorf("ValidatePassword(%.30q) = %v, want a content.ValidationError", tt.pw, err)
			continue
		}
		if msg := ve.Problems["password"]; !strings.Contains(msg, tt.problem) || len(ve.Problems) != 1 {
			t.Errorf("ValidatePassword(%.30q) problems %v, want password: %q", tt.pw, ve.Problems, tt.problem)
		}
	}
}

// Each entry of the list must be reachable: normalised as isCommonPassword normalises,
// and long enough to get past the length rule.
func TestCommonPasswordsAreReachable(t *testing.T) {
	if n := len(commonPasswords); n < 80 {
		t.Errorf("only %d common passwords", n)
	}
	for pw := range commonPasswords {
		if utf8.RuneCountInString(pw) < MinPasswordRunes || strings.ToLower(pw) != pw ||
			strings.IndexFunc(pw, unicode.IsSpace) >= 0 {
			t.Errorf("%q can never match", pw)
		}
		if err := ValidatePassword(pw); err == nil {
			t.Errorf("%q accepted", pw)
		}
	}
}
