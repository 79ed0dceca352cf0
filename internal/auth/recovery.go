package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
)

// Recovery codes let a person who lost their phone sign in once per code. They are shown
// once, as "xxxxx-xxxxx", to be printed or kept in a password manager.
const (
	RecoveryCodeCount = 10
	recoveryCodeLen   = 10
	// recoveryAlphabet leaves out 0/o, 1/l/i so that a code copied from paper by hand
	// cannot be misread; 31 symbols give ten characters about 49.5 bits.
	recoveryAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"
	maxRecoveryCodes = 100
)

// NewRecoveryCodes makes n codes to show and their hashes to store in
// User.RecoveryCodes.
//
// The hashes are plain SHA-256, not argon2: a code is random, not chosen by a person, so
// there is no dictionary to run, and whoever could read these hashes from the database
// could also read the TOTP secret beside them, which must be stored in the clear. A slow
// hash would cost every sign-in and protect nothing more.
func NewRecoveryCodes(n int) (codes []string, hashes []string, err error) {
	if n < 1 || n > maxRecoveryCodes {
		return nil, nil, fmt.Errorf("recovery codes: want 1 to %d, not %d", maxRecoveryCodes, n)
	}
	seen := make(map[string]bool, n)
	for len(codes) < n {
		raw, err := randomFrom(recoveryAlphabet, recoveryCodeLen)
		if err != nil {
			return nil, nil, fmt.Errorf("recovery codes: %w", err)
		}
		if seen[raw] {
			continue // so that using one code never uses up a twin
		}
		seen[raw] = true
		codes = append(codes, raw[:5]+"-"+raw[5:])
		hashes = append(hashes, hashRecoveryCode(raw))
	}
	return codes, hashes, nil
}

// UseRecoveryCode looks for typed among the stored hashes. On success remaining is a new
// slice without the used code, to be stored in its place so the code works only once; on
// failure it is hashes itself. Every hash is compared in constant time and the loop does
// not stop at a match, so timing tells nothing about which code, if any, matched.
func UseRecoveryCode(hashes []string, typed string) (remaining []string, ok bool) {
	norm := normalizeRecoveryCode(typed)
	if len(norm) != recoveryCodeLen {
		return hashes, false
	}
	h := []byte(hashRecoveryCode(norm))
	match := -1
	for i, stored := range hashes {
		if subtle.ConstantTimeCompare(h, []byte(stored)) == 1 && match < 0 {
			match = i
		}
	}
	if match < 0 {
		return hashes, false
	}
	remaining = make([]string, 0, len(hashes)-1)
	remaining = append(remaining, hashes[:match]...)
	return append(remaining, hashes[match+1:]...), true
}

// normalizeRecoveryCode accepts what people type: upper case, the dash or not, spaces.
func normalizeRecoveryCode(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

func hashRecoveryCode(norm string) string {
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:])
}

// randomFrom returns n symbols drawn uniformly from alphabet (at most 256 symbols). Bytes
// at or above the largest multiple of len(alphabet) are dropped rather than reduced, which
// would make the first symbols more likely.
func randomFrom(alphabet string, n int) (string, error) {
	limit := 256 - 256%len(alphabet)
	out := make([]byte, 0, n)
	buf := make([]byte, 2*n)
	for len(out) < n {
		if _, err := rand.Read(buf); err != nil {
			return "", err
		}
		for _, b := range buf {
			if int(b) < limit && len(out) < n {
				out = append(out, alphabet[b%byte(len(alphabet))])
			}
		}
	}
	return string(out), nil
}
