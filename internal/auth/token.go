package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// Tokens are the secrets in links and cookies: invitations, password resets, sessions,
// preview links. The secret goes to the person; the store keeps only its hash, so a
// leaked database or backup holds nothing that can be replayed. 32 random bytes (256
// bits) cannot be guessed, so a fast hash is enough and lookups stay a single index hit.
const tokenBytes = 32

// NewToken returns a fresh secret, base64url without padding so it fits in a URL or a
// cookie unescaped, and the hash to store.
func NewToken() (secret, hash string, err error) {
	b := make([]byte, tokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("new token: %w", err)
	}
	secret = base64.RawURLEncoding.EncodeToString(b)
	return secret, HashToken(secret), nil
}

// HashToken is the SHA-256 (hex) of a presented secret, to look the token up by. The
// lookup by hash is what keeps it free of timing leaks: the database compares hashes,
// never the secret, so an attacker cannot learn it a byte at a time.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
