package auth

import (
	"encoding/base64"
	"testing"
)

func TestNewToken(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		secret, hash, err := NewToken()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := base64.RawURLEncoding.DecodeString(secret)
		if err != nil || len(raw) != 32 || len(secret) != 43 {
			t.Fatalf("secret %q is not 32 bytes of unpadded base64url: %v", secret, err)
		}
		if hash != HashToken(secret) || len(hash) != 64 {
			t.Fatalf("hash %q of %q", hash, secret)
		}
		if seen[secret] {
			t.Fatalf("secret %q twice", secret)
		}
		seen[secret] = true
	}
}

func TestHashToken(t *testing.T) {
	for secret, want := range map[string]string{
		// FIPS 180-2 SHA-256 examples.
		"abc": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"":    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	} {
		if got := HashToken(secret); got != want {
			t.Errorf("HashToken(%q) = %s, want %s", secret, got, want)
		}
	}
}
