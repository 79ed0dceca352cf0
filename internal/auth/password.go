package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"runtime"

	"golang.org/x/crypto/argon2"
)

// Params are the argon2id cost parameters. They are written into every PHC string, so a
// hash made today still verifies after the defaults change.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes over the memory
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams is OWASP's argon2id recommendation (19 MiB, t=2, p=1). It costs about 40 ms
// on the two-core machines we run on: slow enough to make a stolen table expensive,
// fast enough that signing in does not feel slow.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// Limits on what a PHC string may ask for. A stored hash is data: a corrupted or planted
// row must not make one sign-in allocate gigabytes or spin for minutes.
const (
	maxMemory  = 1 << 20 // KiB: 1 GiB
	maxTime    = 10
	maxThreads = 16
	minSaltLen = 8
	maxSaltLen = 64
	minKeyLen  = 16
	maxKeyLen  = 128
)

func (p Params) check() error {
	switch {
	case p.Memory < 8*uint32(p.Threads) || p.Memory > maxMemory:
		return fmt.Errorf("argon2id memory %d KiB out of range", p.Memory)
	case p.Time < 1 || p.Time > maxTime:
		return fmt.Errorf("argon2id time %d out of range", p.Time)
	case p.Threads < 1 || p.Threads > maxThreads:
		return fmt.Errorf("argon2id parallelism %d out of range", p.Threads)
	case p.SaltLen < minSaltLen || p.SaltLen > maxSaltLen:
		return fmt.Errorf("argon2id salt of %d bytes out of range", p.SaltLen)
	case p.KeyLen < minKeyLen || p.KeyLen > maxKeyLen:
		return fmt.Errorf("argon2id key of %d bytes out of range", p.KeyLen)
	}
	return nil
}

// Hasher hashes and verifies passwords. Each hash holds Params.Memory for its whole run,
// so the number running at once is capped: a flood of sign-in attempts queues up instead
// of exhausting memory. Safe for concurrent use.
type Hasher struct {
	params Params
	sem    chan struct{}
	// derive is argon2.IDKey; tests wrap it to watch how many run at once.
	derive func(password, salt []byte, p Params) []byte
	// dummy is what DummyVerify compares with, so that it ends as a Verify does.
	dummy []byte
}

// NewHasher returns a Hasher that makes hashes with p and runs at most maxConcurrent of
// them at once (GOMAXPROCS when maxConcurrent ≤ 0: argon2 with p=1 keeps one core busy, so
// more would only add memory, not throughput). A zero p means DefaultParams.
func NewHasher(p Params, maxConcurrent int) *Hasher {
	if p == (Params{}) {
		p = DefaultParams
	}
	if maxConcurrent <= 0 {
		maxConcurrent = runtime.GOMAXPROCS(0)
	}
	return &Hasher{
		params: p,
		sem:    make(chan struct{}, maxConcurrent),
		derive: idKey,
		dummy:  make([]byte, p.KeyLen),
	}
}

func idKey(password, salt []byte, p Params) []byte {
	return argon2.IDKey(password, salt, p.Time, p.Memory, p.Threads, p.KeyLen)
}

// Params returns the parameters new hashes are made with.
func (h *Hasher) Params() Params { return h.params }

// run derives a key while holding a slot of the semaphore. Only the wait honours ctx:
// argon2 cannot be interrupted, and a hash once started is cheap compared to its queue.
func (h *Hasher) run(ctx context.Context, password, salt []byte, p Params) ([]byte, error) {
	// Checked here too so that no path hands argon2 parameters it would panic on.
	if err := p.check(); err != nil {
		return nil, err
	}
	// A request that is already gone must not take a slot, even when one is free (select
	// picks at random among ready cases).
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-h.sem }()
	return h.derive(password, salt, p), nil
}

// Hash returns the PHC string of password with a fresh random salt.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if err := h.params.check(); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	salt := make([]byte, h.params.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	key, err := h.run(ctx, []byte(password), salt, h.params)
	if err != nil {
		return "", err
	}
	return encodePHC(h.params, salt, key), nil
}

// Verify reports whether password matches the PHC string phc. needsRehash is true when
// the password matched but phc was made with other parameters than the Hasher's: the
// caller should then store a fresh Hash, so old accounts move to the current cost as
// their owners sign in. A malformed or absurd phc is an error, never a panic.
func (h *Hasher) Verify(ctx context.Context, phc, password string) (ok, needsRehash bool, err error) {
	p, salt, want, err := decodePHC(phc)
	if err != nil {
		return false, false, fmt.Errorf("verify password: %w", err)
	}
	got, err := h.run(ctx, []byte(password), salt, p)
	if err != nil {
		return false, false, err
	}
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return false, false, nil
	}
	return true, p != h.params, nil
}

// DummyVerify spends what a Verify at the Hasher's parameters spends, queue included, and
// then fails. Sign-in calls it for an unknown e-mail address so that the response time
// does not tell an attacker which addresses have accounts. It returns nothing: the
// caller answers "wrong e-mail or password" whatever happens here.
func (h *Hasher) DummyVerify(ctx context.Context) {
	salt := make([]byte, h.params.SaltLen)
	got, err := h.run(ctx, []byte("not a password"), salt, h.params)
	if err == nil {
		subtle.ConstantTimeCompare(got, h.dummy)
	}
}
