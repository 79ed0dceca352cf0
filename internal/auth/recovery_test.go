package auth

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestNewRecoveryCodes(t *testing.T) {
	codes, hashes, err := NewRecoveryCodes(RecoveryCodeCount)
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != 10 || len(hashes) != 10 {
		t.Fatalf("%d codes, %d hashes; want 10", len(codes), len(hashes))
	}
	format := regexp.MustCompile(`^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$`)
	hexHash := regexp.MustCompile(`^[0-9a-f]{64}$`)
	seen := map[string]bool{}
	for i, c := range codes {
		if !format.MatchString(c) || strings.ContainsAny(c, "01ilo") {
			t.Errorf("code %q is not xxxxx-xxxxx from the unambiguous alphabet", c)
		}
		if seen[c] {
			t.Errorf("code %q twice", c)
		}
		seen[c] = true
		if !hexHash.MatchString(hashes[i]) || hashes[i] != hashRecoveryCode(strings.ReplaceAll(c, "-", "")) {
			t.Errorf("hash %q is not the SHA-256 of %q", hashes[i], c)
		}
	}
	for _, n := range []int{0, -1, maxRecoveryCodes + 1} {
		if _, _, err := NewRecoveryCodes(n); err == nil {
			t.Errorf("NewRecoveryCodes(%d) succeeded", n)
		}
	}
}

func TestUseRecoveryCode(t *testing.T) {
	codes, hashes, err := NewRecoveryCodes(4)
	if err != nil {
		t.Fatal(err)
	}
	stored := slices.Clone(hashes)
	typed := []string{
		codes[0],
		strings.ToUpper(codes[1]),
		strings.ReplaceAll(codes[2], "-", ""),
		" " + codes[3][:2] + " " + codes[3][2:5] + "\t" + codes[3][6:] + "\n",
	}
	for i, c := range typed {
		remaining, ok := UseRecoveryCode(stored, c)
		if !ok || len(remaining) != len(stored)-1 || slices.Contains(remaining, hashes[i]) {
			t.Fatalf("using %q: ok %v, %d left", c, ok, len(remaining))
		}
		if again, ok := UseRecoveryCode(remaining, c); ok || len(again) != len(remaining) {
			t.Fatalf("%q worked twice", c)
		}
		stored = remaining
	}
	if len(stored) != 0 {
		t.Fatalf("%d hashes left after using every code", len(stored))
	}
}

func TestUseRecoveryCodeRefuses(t *testing.T) {
	codes, hashes, err := NewRecoveryCodes(3)
	if err != nil {
		t.Fatal(err)
	}
	before := slices.Clone(hashes)
	c := strings.ReplaceAll(codes[0], "-", "")
	for _, typed := range []string{
		"", "-", c[:9], c + "2", hashes[0], "22222-22222", nextSymbol(c[0]) + c[1:],
	} {
		remaining, ok := UseRecoveryCode(hashes, typed)
		if ok || !slices.Equal(remaining, before) {
			t.Errorf("UseRecoveryCode(%q) = %d left, %v", typed, len(remaining), ok)
		}
	}
	if _, ok := UseRecoveryCode(nil, codes[0]); ok {
		t.Error("a code matched no hashes")
	}
	// A successful use leaves the caller's slice alone: it may still be the stored value.
	UseRecoveryCode(hashes, codes[1])
	if !slices.Equal(hashes, before) {
		t.Error("UseRecoveryCode changed its argument")
	}
}

// nextSymbol is the alphabet's symbol after b, to make a code one typo away.
func nextSymbol(b byte) string {
	i := strings.IndexByte(recoveryAlphabet, b)
	return recoveryAlphabet[(i+1)%len(recoveryAlphabet):][:1]
}

// Every symbol of the alphabet turns up, and none far more often than the others.
func TestRandomFromIsUniform(t *testing.T) {
	const per = 2000
	s, err := randomFrom(recoveryAlphabet, per*len(recoveryAlphabet))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recoveryAlphabet {
		if n := strings.Count(s, string(r)); n < per*8/10 || n > per*12/10 {
			t.Errorf("%q drawn %d times, want about %d", r, n, per)
		}
	}
}
