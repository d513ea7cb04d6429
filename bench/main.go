// Command bench measures shaipin at the three scales of synth (city,
// province, national) on workbooks shaped like the ones offices send. It
// generates them (cached per scale; synth regenerates a cache that another
// generator version wrote), runs `shaipin report --timings` on each, and
// prints wall time, peak RSS, stage times, output sizes and the read floor
// — the time excelize alone takes to read every cell of the same files —
// as a Markdown table.
//
//	go run ./bench -bin ./shaipin -dir testdata/bench
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"shaipin/synth"
)

func main() {
	bin := flag.String("bin", "./shaipin", "the shaipin binary to measure")
	dir := flag.String("dir", "testdata/bench", "where generated workbooks are cached")
	only := flag.String("scale", "", "measure only this scale (city, province, national)")
	flag.Parse()
	if err := run(*bin, *dir, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type row struct {
	scale            synth.Scale
	files            int
	floor, wall      time.Duration
	rssMB            float64
	stages           string
	html, xlsx, json int64
}

func run(bin, dir, only string) error {
	var rows []row
	for _, s := range synth.Scales {
		if only != "" && s.Name != only {
			continue
		}
		fmt.Fprintf(os.Stderr, "生成 %s 数据……\n", s.Name)
		paths, err := synth.Generate(filepath.Join(dir, s.Name), s, 1)
		if err != nil {
			return err
		}
		floor, err := readFloor(paths)
		if err != nil {
			return err
		}
		out, err := os.MkdirTemp("", "shaipin-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(out)
		args := append([]string{"report", "--timings", "-o", out}, paths...)
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000")
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %v\n%s", s.Name, err, stderr.String())
		}
		wall := time.Since(start)
		r := row{scale: s, files: len(paths), floor: floor, wall: wall, rssMB: peakMB(cmd.ProcessState), stages: stages(stderr.String())}
		r.html, r.xlsx, r.json = sizeOf(out, ".html"), sizeOf(out, ".xlsx"), sizeOf(out, ".json")
		rows = append(rows, r)
	}
	fmt.Printf("机器:%d 核,%s/%s,%s\n\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	fmt.Println("| 规模 | 文件 | 读取下限 | 总耗时 | 超出下限 | 峰值内存 | 各阶段 | HTML | Excel | JSON |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		over := float64(r.wall-r.floor) / float64(r.floor) * 100
		fmt.Printf("| %s %d×%d | %d | %.2fs | %.2fs | %+.0f%% | %.0f MB | %s | %s | %s | %s |\n",
			r.scale.Name, r.scale.Units, r.scale.Indicators, r.files, r.floor.Seconds(), r.wall.Seconds(), over, r.rssMB,
			r.stages, human(r.html), human(r.xlsx), human(r.json))
	}
	return nil
}

// readFloor opens every file with excelize and reads every cell's raw
// value, nothing else, with the same bounded concurrency as shaipin.
func readFloor(paths []string) (time.Duration, error) {
	start := time.Now()
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	errs := make([]error, len(paths))
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			f, err := excelize.OpenFile(p)
			if err != nil {
				errs[i] = err
				return
			}
			defer f.Close()
			for _, s := range f.GetSheetList() {
				if _, err := f.GetRows(s, excelize.Options{RawCellValue: true}); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

var timingsLine = regexp.MustCompile(`耗时:(.*)`)

// stages picks the stage times out of `report --timings` output.
func stages(stderr string) string {
	m := timingsLine.FindStringSubmatch(stderr)
	if m == nil {
		return "?"
	}
	return strings.ReplaceAll(m[1], " ", " · ")
}

func sizeOf(dir, ext string) int64 {
	matches, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
	sort.Strings(matches)
	var n int64
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil {
			n += st.Size()
		}
	}
	return n
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
