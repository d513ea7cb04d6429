package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"shaipin/synth"
)

// sample is one timed process.
type sample struct {
	wall  time.Duration
	rssMB float64
	cpu   time.Duration // user + system
	out   string        // stderr
}

// result is one case measured: medians of its timed runs.
type result struct {
	bc                   benchCase
	files                int
	floor, shaipin, peer sample // peer.wall 0: not run
	runs, peerRuns       int
	stages               string
	html, xlsx, json     int64
	others               float64 // CPU share other processes took while timed; <0 unknown
	shaipinOut, peerOut  string  // output folders of the last runs
	peerErr              string  // why the peer failed, if it did
}

// cleanup removes the case's output folders.
func (r result) cleanup() {
	os.RemoveAll(r.shaipinOut)
	if r.peerOut != "" {
		os.RemoveAll(r.peerOut)
	}
}

// measure generates (or reuses) the case's workbooks, warms the file cache
// and each program up once, then times the floor and shaipin alternately
// c.runs times each, and the peer c.peerRuns times.
func measure(c config, bc benchCase, python string) (result, error) {
	fmt.Fprintf(os.Stderr, "%s:生成或复用工作簿……\n", bc.name)
	all, err := synth.Generate(filepath.Join(c.dir, bc.scale.Name), bc.scale, 1)
	if err != nil {
		return result{}, err
	}
	paths := all[len(all)-min(bc.periods, len(all)):]
	r := result{bc: bc, files: len(paths), runs: c.runs, others: -1}
	if r.shaipinOut, err = os.MkdirTemp("", "shaipin-bench-"); err != nil {
		return r, err
	}
	floor := append([]string{c.self, floorCommand}, paths...)
	report := append([]string{c.bin, "report", "--timings", "-o", r.shaipinOut}, paths...)
	fmt.Fprintf(os.Stderr, "%s:%d 个文件,预热后交替计时 %d 次……\n", bc.name, len(paths), c.runs)
	for _, argv := range [][]string{floor, report} {
		if _, err := execute(argv); err != nil {
			return r, err
		}
	}
	meter := startMeter()
	var floors, reports []sample
	for range c.runs {
		f, err := execute(floor)
		if err != nil {
			return r, err
		}
		s, err := execute(report)
		if err != nil {
			return r, err
		}
		floors, reports = append(floors, f), append(reports, s)
	}
	r.others = meter.others(append(floors, reports...))
	r.floor, r.shaipin = median(floors), median(reports)
	r.stages = stages(r.shaipin.out)
	r.html, r.xlsx, r.json = sizeOf(r.shaipinOut, ".html"), sizeOf(r.shaipinOut, ".xlsx"), sizeOf(r.shaipinOut, ".json")
	if python != "" {
		if err := r.measurePeer(c, python, paths); err != nil {
			r.peerErr = err.Error()
		}
	}
	return r, nil
}

// measurePeer times the peer script on the case's workbooks.
func (r *result) measurePeer(c config, python string, paths []string) error {
	var err error
	if r.peerOut, err = os.MkdirTemp("", "shaipin-peer-"); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s:对照脚本计时 %d 次……\n", r.bc.name, c.peerRuns)
	argv := append([]string{python, c.peer, "-o", r.peerOut}, paths...)
	var peers []sample
	for range c.peerRuns {
		s, err := execute(argv)
		if err != nil {
			return err
		}
		peers = append(peers, s)
	}
	r.peer, r.peerRuns = median(peers), c.peerRuns
	return nil
}

// execute runs argv to the end and measures it. Outputs carry a fixed
// generation time, as in the golden tests.
func execute(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000")
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s", filepath.Base(argv[0]), err, tail(stderr.String(), 2000))
	}
	ps := cmd.ProcessState
	return sample{wall: wall, rssMB: peakMB(ps), cpu: ps.UserTime() + ps.SystemTime(), out: stderr.String()}, nil
}

// median is the sample of median wall time (the lower of the middle two
// when even), with the median peak memory of all.
func median(s []sample) sample {
	byWall := slices.SortedFunc(slices.Values(s), func(a, b sample) int { return int(a.wall - b.wall) })
	m := byWall[(len(s)-1)/2]
	rss := make([]float64, len(s))
	for i, x := range s {
		rss[i] = x.rssMB
	}
	slices.Sort(rss)
	m.rssMB = rss[(len(rss)-1)/2]
	return m
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
