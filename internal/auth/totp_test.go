package auth

import (
	"bytes"
	"image/png"
	"net/url"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// rfcSecret is the SHA-1 seed of RFC 6238 appendix B, "12345678901234567890", in base32.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

// The RFC 6238 SHA-1 test vectors. The RFC prints 8 digits; a 6-digit code is the same
// truncated value modulo 10⁶, so its last six digits.
var rfcVectors = []struct {
	unix int64
	step int64
	code string
}{
	{59, 1, "287082"},                // 94287082
	{1111111109, 37037036, "081804"}, // 07081804
	{1111111111, 37037037, "050471"}, // 14050471
	{1234567890, 41152263, "005924"}, // 89005924
	{2000000000, 66666666, "279037"}, // 69279037
	{20000000000, 666666666, "353130"},
}

func TestVerifyTOTPVectors(t *testing.T) {
	for _, v := range rfcVectors {
		step, ok := VerifyTOTP(rfcSecret, v.code, time.Unix(v.unix, 0), -1)
		if !ok || step != v.step {
			t.Errorf("at %d: VerifyTOTP(%s) = %d, %v; want %d, true", v.unix, v.code, step, ok, v.step)
		}
	}
}

func TestVerifyTOTP(t *testing.T) {
	now := time.Unix(1111111111, 0) // step 37037037, code 050471
	const step = 37037037
	codeAt := func(s int64) string {
		c, err := totp.GenerateCode(rfcSecret, time.Unix(s*30, 0))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	tests := []struct {
		name     string
		secret   string
		code     string
		lastStep int64
		want     int64 // 0: refused
	}{
		{"now", rfcSecret, "050471", 0, step},
		{"spaces", rfcSecret, " 050 471 ", 0, step},
		{"tab and no-break space", rfcSecret, "050\t471\u00a0", 0, step},
		{"lower-case secret", "gezdgnbvgy3tqojqgezdgnbvgy3tqojq", "050471", 0, step},
		{"one step early", rfcSecret, codeAt(step - 1), 0, step - 1},
		{"one step late", rfcSecret, codeAt(step + 1), 0, step + 1},
		{"two steps early", rfcSecret, codeAt(step - 2), 0, 0},
		{"two steps late", rfcSecret, codeAt(step + 2), 0, 0},
		{"replayed", rfcSecret, "050471", step, 0},
		{"older than the last", rfcSecret, codeAt(step - 1), step - 1, 0},
		{"newer than the last", rfcSecret, codeAt(step + 1), step, step + 1},
		{"wrong", rfcSecret, "050472", 0, 0},
		{"five digits", rfcSecret, "05047", 0, 0},
		{"seven digits", rfcSecret, "0504711", 0, 0},
		{"letters", rfcSecret, "O5O471", 0, 0},
		{"full-width digits", rfcSecret, "０５０４７１", 0, 0},
		{"empty code", rfcSecret, "", 0, 0},
		{"empty secret", "", "050471", 0, 0},
		{"short secret", "GEZDGNBVGY3TQOJQ", "050471", 0, 0},
		{"not base32", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1", "050471", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := VerifyTOTP(tt.secret, tt.code, now, tt.lastStep)
			if ok != (tt.want != 0) || got != tt.want {
				t.Errorf("VerifyTOTP = %d, %v; want %d", got, ok, tt.want)
			}
		})
	}
}

// The code a person types right after enrolling works once, and the next step's works.
func TestTOTPEnrolAndReplay(t *testing.T) {
	secret, u, err := NewTOTP("Roneo – Le Quotidien", "léa@example.org")
	if err != nil {
		t.Fatal(err)
	}
	key, err := otp.NewKeyFromURL(u)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := url.ParseQuery(mustParseURL(t, u).RawQuery)
	if key.Type() != "totp" || key.Secret() != secret || key.Issuer() != "Roneo – Le Quotidien" ||
		key.AccountName() != "léa@example.org" || key.Period() != 30 || key.Digits() != otp.DigitsSix ||
		key.Algorithm() != otp.AlgorithmSHA1 || q.Get("algorithm") != "SHA1" {
		t.Fatalf("otpauth URL %s", u)
	}
	if len(secret) != 32 { // 20 bytes in base32
		t.Errorf("secret %q is not 160 bits", secret)
	}
	now := time.Date(2026, 3, 1, 9, 0, 10, 0, time.UTC)
	code, _ := totp.GenerateCode(secret, now)
	last, ok := VerifyTOTP(secret, code, now, 0)
	if !ok {
		t.Fatal("a fresh code was refused")
	}
	if _, ok := VerifyTOTP(secret, code, now.Add(5*time.Second), last); ok {
		t.Fatal("a code was accepted twice")
	}
	next, _ := totp.GenerateCode(secret, now.Add(30*time.Second))
	if s, ok := VerifyTOTP(secret, next, now.Add(30*time.Second), last); !ok || s != last+1 {
		t.Fatalf("the next step's code: %d, %v", s, ok)
	}
	if other, _, _ := NewTOTP("Roneo", "léa@example.org"); other == secret {
		t.Error("two secrets are equal")
	}
	if _, _, err := NewTOTP("", "léa@example.org"); err == nil {
		t.Error("NewTOTP without an issuer succeeded")
	}
}

func mustParseURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestQRCodePNG(t *testing.T) {
	_, u, err := NewTOTP("Roneo", "lea@example.org")
	if err != nil {
		t.Fatal(err)
	}
	b, err := QRCodePNG(u, 256)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if r := img.Bounds(); r.Dx() != 256 || r.Dy() != 256 {
		t.Errorf("image is %v, want 256×256", r)
	}
	for name, tc := range map[string]struct {
		url  string
		size int
	}{
		"size 0":      {u, 0},
		"too large":   {u, maxQRSize + 1},
		"too small":   {u, 10}, // fewer pixels than the code has modules
		"not a URL":   {"%zz", 256},
		"not otpauth": {"https://example.org/", 256},
		"hotp":        {"otpauth://hotp/Roneo:lea?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0", 256},
	} {
		if _, err := QRCodePNG(tc.url, tc.size); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
