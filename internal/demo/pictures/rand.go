package pictures

import "math"

// rng is SplitMix64: tiny, fast, and fixed here, so that a Spec draws the same picture
// whatever Go release builds it (math/rand/v2 promises no stable stream from its
// helpers).
type rng struct{ s uint64 }

func newRNG(seed uint64, salt uint64) *rng {
	r := &rng{s: seed ^ salt*0x9e3779b97f4a7c15}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// float is uniform in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// between is uniform in [a, b).
func (r *rng) between(a, b float64) float64 { return a + (b-a)*r.float() }

// around is v give or take spread, as a fraction of v.
func (r *rng) around(v, spread float64) float64 { return v * (1 + spread*(2*r.float()-1)) }

// intn is uniform in [0, n); 0 when n ≤ 0.
func (r *rng) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.next() % uint64(n))
}

// chance is true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// fork derives an independent stream, so that adding a draw to one part of a scene
// does not reshuffle every part after it.
func (r *rng) fork() *rng { return &rng{s: r.next()} }

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// smooth is smoothstep: 0 below a, 1 above b, an S-curve between.
func smooth(a, b, x float64) float64 {
	t := math.Max(0, math.Min(1, (x-a)/(b-a)))
	return t * t * (3 - 2*t)
}
