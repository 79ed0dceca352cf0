package auth

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Password rules follow NIST SP 800-63B: a minimum length and a list of known-bad
// choices, no composition rules (they push people to "Password1!") and no expiry.
const (
	MinPasswordRunes = 12
	// MaxPasswordBytes bounds what a form may submit; argon2 would take more, but nobody
	// types 256 bytes and a limit keeps request bodies and logs of mistakes small.
	MaxPasswordBytes = 256
)

// ValidatePassword checks a new password before it is hashed. Its error is a
// content.ValidationError on the field "password", so the account form shows it like any
// other problem.
func ValidatePassword(pw string) error {
	p := problems{}
	switch {
	case !utf8.ValidString(pw):
		p.add("password", "not valid text")
	case len(pw) > MaxPasswordBytes:
		p.add("password", "too long: at most 256 bytes")
	case utf8.RuneCountInString(pw) < MinPasswordRunes:
		p.add("password", "too short: at least 12 characters")
	case strings.TrimSpace(pw) == "":
		p.add("password", "must not be only spaces")
	case isCommonPassword(pw):
		p.add("password", "too common: attackers try it first")
	}
	return p.err()
}

// isCommonPassword reports whether pw is one character repeated or, ignoring case and
// spaces, on the list below.
func isCommonPassword(pw string) bool {
	first, _ := utf8.DecodeRuneInString(pw)
	if strings.Trim(pw, string(first)) == "" {
		return true
	}
	norm := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, pw)
	_, ok := commonPasswords[norm]
	return ok
}

// commonPasswords are passwords that recur in public breach corpora and cracking
// wordlists, in lower case without spaces. Shorter ones ("123456", "password") are
// already refused by the length rule, so the list holds what gets past it: long number
// runs, keyboard walks (QWERTY and the French AZERTY), padded common words, and the
// French and Dutch words for "password", for the newsrooms we serve. It is short on
// purpose: it catches what an attacker tries first; the length rule does the rest.
var commonPasswords = setOf(
	// number runs
	"123456789012", "1234567890123", "12345678901234", "123456789123", "123456123456",
	"123123123123", "111111111111", "000000000000", "121212121212", "123412341234",
	"112233445566", "098765432109", "987654321098", "123456654321", "147258369147",
	"123456789abc", "0123456789012",
	// keyboard walks
	"qwertyuiop12", "qwertyuiop123", "qwertyuiop1234", "qwertyuiopasdfghjkl",
	"qwertyuiopasdfghjklzxcvbnm", "qwerty123456", "qwertyqwerty", "qwerty1234567",
	"1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "q1w2e3r4t5y6", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv",
	"zaq12wsxcde3", "1qazxsw23edc", "qazwsxedcrfv", "qazwsxedcrfvtgb", "asdfasdfasdf",
	"asdfghjkl123", "asdfghjklzxcvbnm", "zxcvbnm12345", "123qweasdzxc", "1234qwerasdf",
	"qwer1234asdf", "qweasdzxc123", "azertyuiop12", "azertyuiop123", "azerty123456",
	"azertyazerty", "azertyuiopqsdfghjklm", "abcdefghijkl", "abcdefghijklm",
	"abcdefghijklmnopqrstuvwxyz", "abc123abc123", "abcd1234abcd", "abcdef123456",
	// padded words
	"password1234", "password12345", "password123456", "passwordpassword", "p@ssw0rd1234",
	"passw0rd1234", "password2024", "password2025", "password2026", "mypassword123",
	"iloveyou1234", "iloveyouiloveyou", "letmein12345", "letmeinletmein", "welcome12345",
	"welcome123456", "changeme1234", "changeme12345", "administrator", "administrator1",
	"admin1234567", "adminadmin123", "superman1234", "football1234", "baseball1234",
	"monkey123456", "dragon123456", "sunshine1234", "princess1234", "trustno1trustno1",
	"starwars1234", "secret123456", "master123456", "qwertypassword", "computer1234",
	"internet1234", "whatever1234", "loveyou12345",
	// French and Dutch
	"motdepasse12", "motdepasse123", "motdepasse1234", "monmotdepasse", "wachtwoord12",
	"wachtwoord123", "wachtwoord1234", "mijnwachtwoord", "bonjour12345", "soleil123456",
	"doudou123456", "azerty1234567",
	// famous phrases people believe are original
	"correcthorsebatterystaple", "thequickbrownfox", "thequickbrownfoxjumpsoverthelazydog",
	"iloveyousomuch", "letmeinplease", "opensesame123",
)

func setOf(xs ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(xs))
	for _, x := range xs {
		m[x] = struct{}{}
	}
	return m
}
