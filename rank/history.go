package rank

import (
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"

	"shaipin/data"
)

// periodsUpTo returns the periods of ds up to and including p, oldest first.
func periodsUpTo(ds *data.Dataset, p *data.Period) []*data.Period {
	var out []*data.Period
	for _, q := range ds.Periods {
		out = append(out, q)
		if q == p {
			break
		}
	}
	return out
}

// addHistory ranks the periods before cur (past, oldest first) by opts,
// side by side, and annotates cur with the movement since the last of
// them, streaks and the trends over all. Each earlier result is folded
// into a ledger as soon as it is ranked and dropped: at province scale 23
// earlier results held at once took a hundred megabytes.
func addHistory(cur *Result, past []*data.Period, opts Options) error {
	if len(past) == 0 {
		return nil
	}
	l := newLedger(cur, len(past)+1)
	errs := make([]error, len(past))
	var prev *Result // the period just before cur, for the tally change
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, q := range past {
		g.Go(func() error {
			r, err := computePeriod(q, opts, true)
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", q.Month, err)
				return nil
			}
			l.fill(i, r)
			if i == len(past)-1 {
				prev = r
			}
			return nil
		})
	}
	g.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	l.fill(len(past), cur)
	cur.Previous = prev.Month
	l.addMoves(cur)
	addTallyChange(cur, prev)
	cur.History = l.trends(cur)
	return nil
}

// addTallyChange sets each tally's change since prev.
func addTallyChange(cur, prev *Result) {
	prevTally := map[string]Tally{}
	for _, t := range prev.Tally {
		prevTally[t.Unit] = t
	}
	for i := range cur.Tally {
		t := &cur.Tally[i]
		if p, ok := prevTally[t.Unit]; ok {
			t.Change = &TallyChange{Top: t.Top - p.Top, Middle: t.Middle - p.Middle, Bottom: t.Bottom - p.Bottom, Missing: t.Missing - p.Missing}
		}
	}
}

// scheduleTarget is 时序进度 for a period as shown: months elapsed / 12 ×
// 100, rounded to 2 decimals (April: 33.33, May: 41.67).
func scheduleTarget(period data.Month) (float64, bool) {
	if period.IsZero() {
		return 0, false
	}
	return data.Round(period.YearShare(), 2), true
}
