package auth

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The PHC string format (github.com/P-H-C/phc-string-format) as written by the reference
// argon2 implementation and most libraries:
//
//	$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
//
// with salt and hash in standard base64 without padding. Keeping to it means hashes can
// be moved to or from another system without a reset of every password.

const argon2Version = 19 // 0x13, the only version golang.org/x/crypto/argon2 computes

// b64 rejects non-canonical encodings (stray low bits in the last character), so one
// hash has exactly one spelling.
var b64 = base64.RawStdEncoding.Strict()

var errPHC = errors.New("malformed argon2id PHC string")

func encodePHC(p Params, salt, key []byte) string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// decodePHC parses an argon2id PHC string strictly and refuses parameters outside the
// limits of Params.check, before anything is allocated for them.
func decodePHC(s string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return Params{}, nil, nil, errPHC
	}
	if parts[2] != "v="+strconv.Itoa(argon2Version) {
		return Params{}, nil, nil, fmt.Errorf("%w: unsupported version %q", errPHC, parts[2])
	}
	if p, err = decodeCost(parts[3]); err != nil {
		return Params{}, nil, nil, err
	}
	// Length checks before decoding bound the allocation by the limits, not by the input.
	if len(parts[4]) > b64.EncodedLen(maxSaltLen) || len(parts[5]) > b64.EncodedLen(maxKeyLen) {
		return Params{}, nil, nil, fmt.Errorf("%w: salt or hash too long", errPHC)
	}
	if salt, err = decodeB64(parts[4]); err != nil {
		return Params{}, nil, nil, fmt.Errorf("%w: salt: %v", errPHC, err)
	}
	if key, err = decodeB64(parts[5]); err != nil {
		return Params{}, nil, nil, fmt.Errorf("%w: hash: %v", errPHC, err)
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	if err := p.check(); err != nil {
		return Params{}, nil, nil, fmt.Errorf("%w: %v", errPHC, err)
	}
	return p, salt, key, nil
}

// decodeB64 also refuses what the decoder silently skips (line breaks), by checking
// that the bytes encode back to the input.
func decodeB64(s string) ([]byte, error) {
	b, err := b64.DecodeString(s)
	if err != nil {
		return nil, err
	}
	if b64.EncodeToString(b) != s {
		return nil, errors.New("not canonical base64")
	}
	return b, nil
}

// decodeCost parses "m=19456,t=2,p=1": exactly these three, in this order, as the
// reference implementation writes them.
func decodeCost(s string) (Params, error) {
	fields := strings.Split(s, ",")
	if len(fields) != 3 {
		return Params{}, fmt.Errorf("%w: parameters %q", errPHC, s)
	}
	var vals [3]uint64
	for i, name := range []string{"m=", "t=", "p="} {
		v, ok := strings.CutPrefix(fields[i], name)
		if !ok {
			return Params{}, fmt.Errorf("%w: parameters %q", errPHC, s)
		}
		// No leading zeros, so one hash has one spelling (and re-encodes to itself).
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil || (len(v) > 1 && v[0] == '0') {
			return Params{}, fmt.Errorf("%w: parameter %q", errPHC, fields[i])
		}
		vals[i] = n
	}
	if vals[2] > maxThreads {
		return Params{}, fmt.Errorf("%w: parallelism %d out of range", errPHC, vals[2])
	}
	return Params{Memory: uint32(vals[0]), Time: uint32(vals[1]), Threads: uint8(vals[2])}, nil
}
