package data

import "sync"

// counter returns what Load calls as each of total files finishes: it
// reports to o.Progress, one call at a time. Without Progress it does
// nothing, so reading pays for it only when asked.
func (o Options) counter(total int) func() {
	if o.Progress == nil {
		return func() {}
	}
	o.Progress(0, total)
	var mu sync.Mutex
	done := 0
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		o.Progress(done, total)
	}
}
