package main

import (
	"fmt"
	"strings"
	"time"
)

// stopwatch records how long each stage took.
type stopwatch struct {
	last   time.Time
	stages []string
	took   []time.Duration
}

func newStopwatch() *stopwatch { return &stopwatch{last: time.Now()} }

// note records a stage that ran alongside others.
func (s *stopwatch) note(stage string, took time.Duration) {
	s.stages = append(s.stages, stage)
	s.took = append(s.took, took)
}

// lap records the stage that ran since the last lap.
func (s *stopwatch) lap(stage string) {
	now := time.Now()
	s.note(stage, now.Sub(s.last))
	s.last = now
}

// String prints "耗时:读取=1.234s 排名=0.050s …", one line a tool can parse.
func (s *stopwatch) String() string {
	var b strings.Builder
	b.WriteString("耗时:")
	for i, st := range s.stages {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%.3fs", st, s.took[i].Seconds())
	}
	return b.String()
}
