package jobs

import (
	"fmt"
	"slices"
)

// slots are the places where a runner's jobs run, each kind with its own. Only Run's
// loop uses them; a job's goroutine hands its slot back through a channel.
type slots struct {
	kinds []string // sorted, so that claims name them in a stable order
	limit map[string]int
	busy  map[string]int
	// names holds a worker name per slot of the runner: the queue knows who holds a job
	// by name, and two jobs held under one name could complete each other. A name is
	// not tied to a kind, as the loop must name the worker before it knows which kind
	// it will get.
	names []string
	free  []int // indexes into names, the next to use last
}

// slot is the place a running job takes.
type slot struct {
	kind string
	name int
}

// newSlots freezes the registered kinds into slots; Register is refused from now on.
func (r *Runner) newSlots() *slots {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.started = true
	s := &slots{limit: map[string]int{}, busy: map[string]int{}}
	total := 0
	for name, k := range r.kinds {
		s.kinds = append(s.kinds, name)
		s.limit[name] = k.slots
		total += k.slots
	}
	slices.Sort(s.kinds)
	for i := range total {
		name := r.worker
		if total > 1 {
			name = fmt.Sprintf("%s/%d", r.worker, i)
		}
		s.names = append(s.names, name)
		s.free = append(s.free, total-1-i)
	}
	return s
}

// freeKinds returns the kinds with a free slot.
func (s *slots) freeKinds() []string {
	var free []string
	for _, k := range s.kinds {
		if s.busy[k] < s.limit[k] {
			free = append(free, k)
		}
	}
	return free
}

// freeName returns the name the next job will run under; take then takes it.
func (s *slots) freeName() int { return s.free[len(s.free)-1] }

// take takes a slot of kind, under the name freeName returned.
func (s *slots) take(kind string, name int) slot {
	s.free = slices.DeleteFunc(s.free, func(n int) bool { return n == name })
	s.busy[kind]++
	return slot{kind: kind, name: name}
}

// put gives a slot back.
func (s *slots) put(sl slot) {
	s.busy[sl.kind]--
	s.free = append(s.free, sl.name)
}

// release gives back the slots of every job that has ended.
func (s *slots) release(ended <-chan slot) {
	for {
		select {
		case sl := <-ended:
			s.put(sl)
		default:
			return
		}
	}
}
