// Command bench measures shaipin on workbooks shaped like the ones offices
// send (synth), at four sizes: a city (10 × 60, 12 months), a province
// (90 × 200) with its latest month alone and with 24 months, and the
// nation (2,844 × 300, one month). For each it times, in fresh processes
// and alternately, the read floor (see floor.go), `shaipin report` and
// the pandas + openpyxl peer (peer.py), takes medians of N runs, and
// prints Markdown tables: time against the floor and the target
// (≤ 1.25 × floor + 0.1 s), peak memory against its target, the speed-up
// over the peer (target ≥ 10×), stage times and output sizes. Whether the
// machine was idle is printed with them: load average before the run and
// the CPU other processes took while it ran.
//
//	go run ./bench -bin ./shaipin -dir testdata/bench -n 3
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"shaipin/synth"
)

// benchCase is one row of the table: the latest periods of a scale.
type benchCase struct {
	name    string
	scale   synth.Scale
	periods int     // the scale's latest periods measured
	rssMB   float64 // peak-memory target; 0: none
	targets bool    // the time and peer targets apply
}

// cases are the rows, smallest first.
var cases = []benchCase{
	{name: "city", scale: synth.City, periods: 12},
	{name: "province-1", scale: synth.Province, periods: 1, rssMB: 150, targets: true},
	{name: "province-24", scale: synth.Province, periods: 24, rssMB: 150, targets: true},
	{name: "national", scale: synth.National, periods: 1, rssMB: 500, targets: true},
}

// config is the command line.
type config struct {
	bin, dir, only  string
	runs, peerRuns  int
	python, peer    string
	agreeCase, self string
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == floorCommand {
		if err := readFloor(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		return
	}
	var c config
	flag.StringVar(&c.bin, "bin", "./shaipin", "the shaipin binary to measure")
	flag.StringVar(&c.dir, "dir", "testdata/bench", "where generated workbooks are cached")
	flag.StringVar(&c.only, "case", "", "measure only these cases, comma-separated (city, province-1, province-24, national)")
	flag.IntVar(&c.runs, "n", 3, "timed runs of the floor and of shaipin per case (the median is shown)")
	flag.IntVar(&c.peerRuns, "peer-n", 1, "timed runs of the peer per case; 0 skips the peer")
	flag.StringVar(&c.python, "python", "", "the Python with pandas and openpyxl (default: the first of python3, /usr/bin/python3 that has them)")
	flag.StringVar(&c.peer, "peer", "bench/peer.py", "the peer script")
	flag.StringVar(&c.agreeCase, "agree", "city", "the case whose ranks are compared between the peer and shaipin; empty: none")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	if c.runs < 1 {
		return fmt.Errorf("-n %d: at least one run", c.runs)
	}
	var err error
	if c.self, err = os.Executable(); err != nil {
		return err
	}
	if c.bin, err = filepath.Abs(c.bin); err != nil {
		return err
	}
	py, why := findPython(c.python)
	if c.peerRuns == 0 {
		py, why = "", "-peer-n 0"
	}
	idle := sampleLoad()
	var rows []result
	var notes []string
	for _, bc := range cases {
		if c.only != "" && !slices.Contains(strings.Split(c.only, ","), bc.name) {
			continue
		}
		r, err := measure(c, bc, py)
		if err != nil {
			return fmt.Errorf("%s: %w", bc.name, err)
		}
		rows = append(rows, r)
		if r.peerErr != "" {
			notes = append(notes, fmt.Sprintf("对照脚本在 %s 失败:%s", bc.name, r.peerErr))
		}
		if bc.name == c.agreeCase && r.peerRuns > 0 {
			notes = append(notes, agreement(r.shaipinOut, r.peerOut))
		}
		r.cleanup()
	}
	if py == "" {
		notes = append(notes, "对照脚本未运行:"+why+"。")
	}
	printReport(os.Stdout, c, idle, rows, notes)
	return nil
}
