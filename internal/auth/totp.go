package auth

import (
	"bytes"
	"crypto/subtle"
	"encoding/base32"
	"fmt"
	"image/png"
	"strings"
	"time"
	"unicode"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

// The second factor is RFC 6238 TOTP with the parameters every authenticator app assumes
// when it reads a QR code: HMAC-SHA-1, 6 digits, 30-second steps. Anything else is
// silently ignored by some apps, which then show codes that never work.
const (
	totpPeriod = 30
	totpDigits = otp.DigitsSix
	// totpSkew is how many steps either side of now are accepted: phones' clocks drift,
	// and a code typed in the last seconds of its step arrives in the next one.
	totpSkew = 1
	// totpSecretSize is 20 bytes (160 bits), the HMAC-SHA-1 key length RFC 4226 recommends.
	totpSecretSize = 20
	// maxQRSize bounds the image a request can make us draw.
	maxQRSize = 1024
)

// NewTOTP makes a new random secret for account (the person's e-mail address) and the
// otpauth:// URL that authenticator apps enrol from. The secret is base32, as stored in
// User.TOTPSecret; it takes effect only once the person has typed a first valid code.
func NewTOTP(issuer, account string) (secret, otpauthURL string, err error) {
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer:      issuer,
		AccountName: account,
		Period:      totpPeriod,
		SecretSize:  totpSecretSize,
		Digits:      totpDigits,
		Algorithm:   otp.AlgorithmSHA1,
	})
	if err != nil {
		return "", "", fmt.Errorf("new TOTP secret: %w", err)
	}
	return key.Secret(), key.URL(), nil
}

// VerifyTOTP checks a typed code against secret at time now. It accepts the codes of the
// step of now and of one step either side, but never a step at or before lastStep (the
// User's TOTPLastStep): a code, once accepted, cannot be replayed by someone who watched
// it being typed. On success it returns the step to store as the new lastStep.
func VerifyTOTP(secret, code string, now time.Time, lastStep int64) (step int64, ok bool) {
	code = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, code)
	if !isDigits(code, totpDigits.Length()) || !strongSecret(secret) {
		return 0, false
	}
	current := floorDiv(now.Unix(), totpPeriod)
	// Every candidate step is computed and compared, so the time taken does not say which
	// of them matched.
	for s := current - totpSkew; s <= current+totpSkew; s++ {
		if s < 0 || s <= lastStep {
			continue
		}
		want, err := hotp.GenerateCodeCustom(secret, uint64(s), hotp.ValidateOpts{
			Digits:    totpDigits,
			Algorithm: otp.AlgorithmSHA1,
		})
		if err != nil {
			return 0, false // not a base32 secret
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 && !ok {
			step, ok = s, true
		}
	}
	return step, ok
}

// QRCodePNG draws otpauthURL as a size×size PNG QR code for the enrolment page.
func QRCodePNG(otpauthURL string, size int) ([]byte, error) {
	if size < 1 || size > maxQRSize {
		return nil, fmt.Errorf("QR code size %d: want 1 to %d pixels", size, maxQRSize)
	}
	key, err := otp.NewKeyFromURL(otpauthURL)
	if err != nil {
		return nil, fmt.Errorf("QR code: %w", err)
	}
	// The enrolment page draws only what NewTOTP made, never an arbitrary link.
	if !strings.HasPrefix(otpauthURL, "otpauth://") || key.Type() != "totp" {
		return nil, fmt.Errorf("QR code: not an otpauth://totp URL")
	}
	img, err := key.Image(size, size)
	if err != nil {
		return nil, fmt.Errorf("QR code: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("QR code: %w", err)
	}
	return buf.Bytes(), nil
}

// strongSecret refuses an empty or short secret: HMAC with an empty key is a code anyone
// can compute, so a caller that forgot to check HasSecondFactor must not let it through.
// RFC 4226 requires at least 128 bits.
func strongSecret(secret string) bool {
	s := strings.ToUpper(strings.TrimSpace(secret))
	b, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.TrimRight(s, "="))
	return err == nil && len(b) >= 16
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// floorDiv rounds towards minus infinity, as RFC 6238's T = floor(unix / period) does.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
