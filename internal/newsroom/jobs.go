package newsroom

import (
	"net/http"
	"strings"

	"github.com/roneo/roneo/internal/editorial"
	"github.com/roneo/roneo/internal/store"
)

// jobsSize is how many jobs a page of the list shows.
const jobsSize = 50

// jobKinds names the kinds of background work an admin may meet. A kind missing here
// is shown by its name, so a new one is visible before it is translated.
var jobKinds = []struct{ kind, key string }{
	{editorial.JobPublishDue, "nr.jobs.kind.publishdue"},
}

// jobStateKeys name each state of a job.
var jobStateKeys = map[store.JobState]string{
	store.JobPending:  "nr.jobs.state.pending",
	store.JobRunning:  "nr.jobs.state.running",
	store.JobRetrying: "nr.jobs.state.retrying",
	store.JobDone:     "nr.jobs.state.done",
	store.JobFailed:   "nr.jobs.state.failed",
}

type jobsPage struct {
	L      *Layout
	Counts []jobCount
	States []option
	Kinds  []option
	Jobs   []jobView
	Pager  pager
}

// jobCount is one state's total, a link to the jobs in it.
type jobCount struct {
	State, Label, URL string
	N                 int
	Current           bool
}

type jobView struct {
	ID                       int64
	Kind, KindName           string // KindName: the label, or "" when the kind has none
	State                    store.JobState
	StateLabel               string
	Attempts                 int
	Due, Finished, LastError string
}

// jobs shows the background work, newest first: what waits, what failed and why. It
// only reads; a job that failed is run again by what enqueued it, not from here.
func (s *Server) jobs(w http.ResponseWriter, r *request) error {
	v := r.URL.Query()
	q := store.JobQuery{State: store.JobState(v.Get("state")), Kind: v.Get("kind"), Limit: jobsSize + 1}
	if _, ok := jobStateKeys[q.State]; q.State != "" && !ok {
		return badRequest(nil)
	}
	if len(q.Kind) > 100 || strings.ContainsFunc(q.Kind, func(c rune) bool { return c < ' ' }) {
		return badRequest(nil)
	}
	n, err := pageNumber(v)
	if err != nil {
		return err
	}
	q.Offset = (n - 1) * jobsSize
	list, err := s.store.Jobs(r.Context(), q)
	if err != nil {
		return err
	}
	page := &jobsPage{L: s.layout(r, r.T("nr.jobs.title"))}
	page.L.Wide = true
	if page.Counts, err = s.jobCounts(r, q.State); err != nil {
		return err
	}
	page.States, page.Kinds = jobOptions(r, q)
	hasNext := len(list) > jobsSize
	if hasNext {
		list = list[:jobsSize]
	}
	for _, j := range list {
		page.Jobs = append(page.Jobs, jobViewOf(r, j))
	}
	page.Pager = newPager(r, r.URL, n, hasNext)
	return s.render(w, http.StatusOK, "jobs", page)
}

// jobCounts totals the jobs in each state, in the order a job goes through them.
func (s *Server) jobCounts(r *request, current store.JobState) ([]jobCount, error) {
	counts, err := s.store.JobCounts(r.Context())
	if err != nil {
		return nil, err
	}
	out := make([]jobCount, 0, len(store.JobStates))
	for _, st := range store.JobStates {
		out = append(out, jobCount{State: string(st), Label: r.T(jobStateKeys[st]), N: counts[st],
			URL: prefix + "jobs?state=" + string(st), Current: st == current})
	}
	return out, nil
}

// jobOptions are the choices of the filter form.
func jobOptions(r *request, q store.JobQuery) (states, kinds []option) {
	for _, st := range store.JobStates {
		states = append(states, option{Value: string(st), Label: r.T(jobStateKeys[st]), Selected: st == q.State})
	}
	known := false
	for _, k := range jobKinds {
		kinds = append(kinds, option{Value: k.kind, Label: r.T(k.key), Selected: k.kind == q.Kind})
		known = known || k.kind == q.Kind
	}
	if q.Kind != "" && !known {
		kinds = append(kinds, option{Value: q.Kind, Label: q.Kind, Selected: true})
	}
	return states, kinds
}

func jobViewOf(r *request, j store.JobInfo) jobView {
	v := jobView{ID: j.ID, Kind: j.Kind, State: j.State, StateLabel: string(j.State),
		Attempts: j.Attempts, Due: r.p.DateTime(j.RunAt), LastError: j.LastError}
	if key, ok := jobStateKeys[j.State]; ok {
		v.StateLabel = r.T(key)
	}
	for _, k := range jobKinds {
		if k.kind == j.Kind {
			v.KindName = r.T(k.key)
		}
	}
	if !j.DoneAt.IsZero() {
		v.Finished = r.p.DateTime(j.DoneAt)
	}
	return v
}
