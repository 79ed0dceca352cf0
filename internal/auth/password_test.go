package auth

import (
	"context"
	"errors"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// cheapParams keep the tests fast; DefaultParams are exercised by the benchmark and by
// TestHashDefaultParams.
var cheapParams = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// MustHash hashes pw or fails the test.
func MustHash(tb testing.TB, h *Hasher, pw string) string {
	tb.Helper()
	phc, err := h.Hash(context.Background(), pw)
	if err != nil {
		tb.Fatalf("Hash(%q): %v", pw, err)
	}
	return phc
}

func TestHashDefaultParams(t *testing.T) {
	h := NewHasher(Params{}, 0)
	if h.Params() != DefaultParams {
		t.Fatalf("zero Params gave %+v, want DefaultParams", h.Params())
	}
	if got, want := cap(h.sem), runtime.GOMAXPROCS(0); got != want {
		t.Fatalf("default semaphore capacity %d, want GOMAXPROCS = %d", got, want)
	}
	phc := MustHash(t, h, "correct horse")
	re := regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !re.MatchString(phc) {
		t.Fatalf("PHC string %q does not match %v", phc, re)
	}
	if other := MustHash(t, h, "correct horse"); other == phc {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
}

func TestVerify(t *testing.T) {
	ctx := context.Background()
	h := NewHasher(cheapParams, 2)
	other := NewHasher(Params{Memory: 128, Time: 2, Threads: 2, SaltLen: 16, KeyLen: 32}, 2)
	longer := NewHasher(Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 24, KeyLen: 32}, 2)
	tests := []struct {
		name       string
		phc        string
		pw         string
		ok, rehash bool
	}{
		{"right", MustHash(t, h, "s3cret enough!"), "s3cret enough!", true, false},
		{"wrong", MustHash(t, h, "s3cret enough!"), "s3cret enough?", false, false},
		{"empty", MustHash(t, h, "s3cret enough!"), "", false, false},
		{"case", MustHash(t, h, "Ünïcode pässword"), "ünïcode pässword", false, false},
		{"unicode", MustHash(t, h, "Ünïcode pässword"), "Ünïcode pässword", true, false},
		{"other params", MustHash(t, other, "old account"), "old account", true, true},
		{"other params, wrong", MustHash(t, other, "old account"), "old accounts", false, false},
		{"other salt length", MustHash(t, longer, "old account"), "old account", true, true},
		// From the reference C implementation (P-H-C/phc-winner-argon2):
		// echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -e
		{"reference", "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo", "password", true, true},
		{"reference, wrong", "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo", "Password", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, rehash, err := h.Verify(ctx, tt.phc, tt.pw)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.ok || rehash != tt.rehash {
				t.Errorf("Verify = ok %v, needsRehash %v; want %v, %v", ok, rehash, tt.ok, tt.rehash)
			}
		})
	}
}

func TestVerifyMalformed(t *testing.T) {
	h := NewHasher(cheapParams, 1)
	salt, hash := "c29tZXNhbHRzb21lc2FsdA", "GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo"
	for name, phc := range map[string]string{
		"empty":            "",
		"argon2i":          "$argon2i$v=19$m=64,t=1,p=1$" + salt + "$" + hash,
		"version 16":       "$argon2id$v=16$m=64,t=1,p=1$" + salt + "$" + hash,
		"no version":       "$argon2id$m=64,t=1,p=1$" + salt + "$" + hash,
		"no leading $":     "argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash,
		"trailing $":       "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash + "$",
		"no hash":          "$argon2id$v=19$m=64,t=1,p=1$" + salt,
		"order":            "$argon2id$v=19$t=1,m=64,p=1$" + salt + "$" + hash,
		"extra param":      "$argon2id$v=19$m=64,t=1,p=1,k=2$" + salt + "$" + hash,
		"not a number":     "$argon2id$v=19$m=x,t=1,p=1$" + salt + "$" + hash,
		"negative":         "$argon2id$v=19$m=-64,t=1,p=1$" + salt + "$" + hash,
		"plus sign":        "$argon2id$v=19$m=+64,t=1,p=1$" + salt + "$" + hash,
		"leading zero":     "$argon2id$v=19$m=064,t=1,p=1$" + salt + "$" + hash,
		"overflow":         "$argon2id$v=19$m=99999999999,t=1,p=1$" + salt + "$" + hash,
		"memory 1 GiB + 1": "$argon2id$v=19$m=1048577,t=1,p=1$" + salt + "$" + hash,
		"memory below 8p":  "$argon2id$v=19$m=15,t=1,p=2$" + salt + "$" + hash,
		"time 0":           "$argon2id$v=19$m=64,t=0,p=1$" + salt + "$" + hash,
		"time 11":          "$argon2id$v=19$m=64,t=11,p=1$" + salt + "$" + hash,
		"threads 0":        "$argon2id$v=19$m=64,t=1,p=0$" + salt + "$" + hash,
		"threads 17":       "$argon2id$v=19$m=256,t=1,p=17$" + salt + "$" + hash,
		"threads 256":      "$argon2id$v=19$m=4096,t=1,p=256$" + salt + "$" + hash,
		"padded salt":      "$argon2id$v=19$m=64,t=1,p=1$" + salt + "==$" + hash,
		"url base64":       "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + strings.ReplaceAll(hash, "/", "_"),
		"stray bits":       "$argon2id$v=19$m=64,t=1,p=1$" + salt[:len(salt)-1] + "B$" + hash,
		"short salt":       "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$" + hash,
		"short hash":       "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$c2FsdA",
		"huge salt":        "$argon2id$v=19$m=64,t=1,p=1$" + strings.Repeat("A", 1<<16) + "$" + hash,
		"line break":       "$argon2id$v=19$m=64,t=1,p=1$" + salt[:8] + "\r\n" + salt[8:] + "$" + hash,
		"spaces":           " $argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash,
	} {
		t.Run(name, func(t *testing.T) {
			ok, rehash, err := h.Verify(context.Background(), phc, "password")
			if err == nil || ok || rehash {
				t.Errorf("Verify(%.80q) = %v, %v, %v; want an error", phc, ok, rehash, err)
			}
		})
	}
}

// The limits themselves are allowed: a deployment may raise its cost up to them.
func TestDecodePHCLimits(t *testing.T) {
	phc := "$argon2id$v=19$m=1048576,t=10,p=16$c29tZXNhbHRzb21lc2FsdA$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo"
	p, _, _, err := decodePHC(phc)
	if err != nil {
		t.Fatal(err)
	}
	want := Params{Memory: 1 << 20, Time: 10, Threads: 16, SaltLen: 16, KeyLen: 32}
	if p != want {
		t.Errorf("decoded %+v, want %+v", p, want)
	}
}

func FuzzVerifyPHC(f *testing.F) {
	h := NewHasher(cheapParams, 1)
	f.Add(MustHash(f, h, "password"), "password")
	f.Add("$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo", "password")
	f.Add("$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA", "")
	f.Add("$argon2id$v=19$m=,t=,p=$$", "x")
	f.Add("$$$$$", "")
	f.Fuzz(func(t *testing.T, phc, pw string) {
		p, salt, key, err := decodePHC(phc)
		if err != nil {
			return
		}
		// Whatever decodes re-encodes to itself: one hash, one spelling.
		if again := encodePHC(p, salt, key); again != phc {
			t.Fatalf("decode/encode changed %q into %q", phc, again)
		}
		// Only cheap hashes are computed, or the fuzzer spends its time in argon2.
		if p.Memory <= 1024 && p.Time <= 2 {
			if _, _, err := h.Verify(context.Background(), phc, pw); err != nil {
				t.Fatalf("Verify of a decodable %q: %v", phc, err)
			}
		}
	})
}

func TestHashRefusesBadParams(t *testing.T) {
	h := NewHasher(Params{Memory: 64, Time: 0, Threads: 1, SaltLen: 16, KeyLen: 32}, 1)
	if _, err := h.Hash(context.Background(), "a good password"); err == nil {
		t.Fatal("Hash with t=0 succeeded")
	}
	h.DummyVerify(context.Background()) // must not panic
}

// watch wraps h's key derivation to record the most hashes ever running at once.
func watch(h *Hasher, hold time.Duration) (peak *atomic.Int32, params *sync.Map) {
	var inFlight atomic.Int32
	peak, params = new(atomic.Int32), new(sync.Map)
	derive := h.derive
	h.derive = func(pw, salt []byte, p Params) []byte {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for old := peak.Load(); n > old && !peak.CompareAndSwap(old, n); old = peak.Load() {
		}
		params.Store(p, true)
		time.Sleep(hold)
		return derive(pw, salt, p)
	}
	return peak, params
}

func TestHasherCapsConcurrency(t *testing.T) {
	for _, max := range []int{1, 2, 3} {
		h := NewHasher(cheapParams, max)
		peak, _ := watch(h, 5*time.Millisecond)
		phc := MustHash(t, h, "a good password")
		peak.Store(0)
		ctx := context.Background()
		var wg sync.WaitGroup
		for i := range 12 {
			wg.Go(func() {
				var err error
				switch i % 3 {
				case 0:
					_, err = h.Hash(ctx, "a good password")
				case 1:
					_, _, err = h.Verify(ctx, phc, "a good password")
				default:
					h.DummyVerify(ctx)
				}
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if got := peak.Load(); got > int32(max) || got < 1 {
			t.Errorf("maxConcurrent %d: %d hashes ran at once", max, got)
		}
		if got := peak.Load(); got != int32(max) {
			t.Logf("maxConcurrent %d: only %d ran at once (scheduling)", max, got)
		}
	}
}

func TestHasherWaitHonoursContext(t *testing.T) {
	h := NewHasher(cheapParams, 1)
	entered, release := make(chan struct{}), make(chan struct{})
	derive := h.derive
	h.derive = func(pw, salt []byte, p Params) []byte {
		close(entered)
		<-release
		return derive(pw, salt, p)
	}
	done := make(chan error)
	go func() {
		_, err := h.Hash(context.Background(), "holds the only slot")
		done <- err
	}()
	<-entered

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := h.Hash(ctx, "waits"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Hash while the slot is taken: %v, want DeadlineExceeded", err)
	}
	cancelled, cancel2 := context.WithCancel(context.Background())
	cancel2()
	phc := "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo"
	if _, _, err := h.Verify(cancelled, phc, "waits"); !errors.Is(err, context.Canceled) {
		t.Errorf("Verify with a cancelled context: %v, want Canceled", err)
	}
	h.DummyVerify(cancelled) // returns at once instead of blocking the test

	close(release)
	if err := <-done; err != nil {
		t.Fatalf("the hash holding the slot: %v", err)
	}
	// A free slot is not taken by a request that is already gone.
	if _, err := h.Hash(cancelled, "gone"); !errors.Is(err, context.Canceled) {
		t.Errorf("Hash with a cancelled context and a free slot: %v, want Canceled", err)
	}
}

// DummyVerify must do what Verify does for a real account: one derivation at the
// Hasher's parameters through the same semaphore.
func TestDummyVerifyCostsAVerify(t *testing.T) {
	h := NewHasher(cheapParams, 1)
	_, params := watch(h, 0)
	h.DummyVerify(context.Background())
	n := 0
	params.Range(func(k, _ any) bool {
		if k.(Params) != cheapParams {
			t.Errorf("DummyVerify derived with %+v, want %+v", k, cheapParams)
		}
		n++
		return true
	})
	if n != 1 {
		t.Errorf("DummyVerify derived with %d parameter sets, want 1", n)
	}
}

func BenchmarkHash(b *testing.B) {
	h := NewHasher(DefaultParams, 0)
	ctx := context.Background()
	p := DefaultParams
	b.Logf("params: argon2id m=%d KiB, t=%d, p=%d, salt %d B, key %d B", p.Memory, p.Time, p.Threads, p.SaltLen, p.KeyLen)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Hash(ctx, "correct horse battery"); err != nil {
			b.Fatal(err)
		}
	}
}
