package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressDelay is how long a run goes before it shows progress: a quick
// run leaves the terminal as it was.
const progressDelay = time.Second

// progressRefresh is how often the line is redrawn while a stage gives no
// news, so that its elapsed time shows the run is alive.
const progressRefresh = 250 * time.Millisecond

// progress shows on a terminal what a long run is doing: one line of
// stderr, redrawn (读取 2/24 个文件, 排名, 写出 Excel、JSON). The bar is
// github.com/schollz/progressbar, driven only under mu, so that the
// ticker, the readers' goroutines and the writes of warnings never
// interleave on the line. A nil *progress does nothing.
type progress struct {
	mu     sync.Mutex
	w      io.Writer
	bar    *progressbar.ProgressBar // the current stage's, once shown
	shown  bool                     // the delay has passed
	closed bool
	stage  string
	items  []string // what the stage still has to do, shown after it
	done   int
	total  int // 0: a stage without a count
	stop   chan struct{}
}

// terminal is a writer that says whether it is a terminal: how tests see
// progress without a real one.
type terminal interface{ IsTerminal() bool }

// isTerminal reports whether w is a terminal (a console on Windows).
func isTerminal(w io.Writer) bool {
	switch t := w.(type) {
	case terminal:
		return t.IsTerminal()
	case *os.File:
		return term.IsTerminal(int(t.Fd()))
	}
	return false
}

// startProgress shows progress on w after delay, unless quiet or w is
// not a terminal (CI, a pipe, a file): then it returns nil.
func startProgress(w io.Writer, quiet bool, delay time.Duration) *progress {
	if quiet || !isTerminal(w) {
		return nil
	}
	p := &progress{w: w, stop: make(chan struct{}), shown: delay <= 0}
	go p.run(delay)
	return p
}

// run waits out the delay, then redraws the line until finish.
func (p *progress) run(delay time.Duration) {
	wait := time.NewTimer(delay)
	defer wait.Stop()
	select {
	case <-wait.C:
	case <-p.stop:
		return
	}
	p.locked(func() {
		if !p.shown {
			p.shown = true
			p.newBar()
		}
	})
	tick := time.NewTicker(progressRefresh)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			p.locked(p.redraw)
		case <-p.stop:
			return
		}
	}
}

// locked runs f under mu unless the progress has finished.
func (p *progress) locked(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		f()
	}
}

// begin starts a stage: 排名, or 写出 with the items it has to do (HTML,
// Excel, JSON), each crossed off by did.
func (p *progress) begin(stage string, items ...string) {
	if p == nil {
		return
	}
	p.locked(func() {
		p.stage, p.items, p.done, p.total = stage, items, 0, len(items)
		p.newBar()
	})
}

// files is data.Options.Progress: done of total files are read.
func (p *progress) files(done, total int) {
	if p == nil {
		return
	}
	p.locked(func() {
		if p.stage != stageRead || p.total != total {
			p.stage, p.items, p.total = stageRead, nil, total
			p.newBar()
		}
		p.done = done
		p.redraw()
	})
}

// did crosses item off the stage's list.
func (p *progress) did(item string) {
	if p == nil {
		return
	}
	p.locked(func() {
		p.items = slices.DeleteFunc(p.items, func(s string) bool { return s == item })
		p.done++
		p.redraw()
	})
}

// finish clears the line for good; what follows is written as usual.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	close(p.stop)
	if p.bar != nil {
		p.bar.Clear()
	}
}

// Write writes b to the terminal above the progress line: a warning
// written during a run does not land in the middle of the bar.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || p.bar == nil {
		return p.w.Write(b)
	}
	p.bar.Clear()
	n, err := p.w.Write(b)
	p.bar.RenderBlank()
	return n, err
}

// writer is where a run writes its notes to stderr: through the progress
// line when there is one.
func (p *progress) writer(stderr io.Writer) io.Writer {
	if p == nil {
		return stderr
	}
	return p
}

// stageRead is the reading stage, whose count data.Load reports.
const stageRead = "读取"

// newBar replaces the line with the current stage's, once shown.
func (p *progress) newBar() {
	if !p.shown {
		return
	}
	if p.bar != nil {
		p.bar.Clear()
	}
	max := p.total
	if max == 0 {
		max = -1 // a spinner
	}
	p.bar = progressbar.NewOptions(max,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(p.label()),
		progressbar.OptionSetWidth(20),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetSpinnerChangeInterval(0), // redrawn by run, under mu
	)
	p.redraw()
}

// redraw draws the line as it stands.
func (p *progress) redraw() {
	if p.bar == nil {
		return
	}
	if p.total > 0 {
		p.bar.Set(p.done)
	}
	p.bar.Describe(p.label()) // draws, whether or not Set did
}

// label is the line's text: 读取 2/24 个文件…, 排名…, 写出 Excel、JSON…
func (p *progress) label() string {
	switch {
	case p.stage == stageRead:
		return fmt.Sprintf("%s %d/%d 个文件…", p.stage, p.done, p.total)
	case len(p.items) > 0:
		return p.stage + " " + strings.Join(p.items, "、") + "…"
	}
	return p.stage + "…"
}
