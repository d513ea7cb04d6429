package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"
)

// Targets of issue 17: shaipin within 1.25 × the read floor + 0.1 s, and
// at least 10 × faster than the peer.
const (
	floorFactor = 1.25
	floorSlack  = 100 * time.Millisecond
	peerFactor  = 10.0
)

// printReport prints the machine, the two tables and the notes, in
// Markdown, as the README shows them.
func printReport(w io.Writer, c config, load string, rows []result, notes []string) {
	fmt.Fprintf(w, "机器:%d 核,%s/%s,%s;每种规模预热一次后,读取下限与 shaipin 交替各运行 %d 次取中位数,对照脚本运行 %d 次。\n",
		runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), c.runs, c.peerRuns)
	fmt.Fprintln(w, idleLine(load, rows))
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| 规模 | 文件 | 读取下限 | shaipin report | 倍数 | ≤ 1.25×下限 + 0.1 s | 峰值内存 | 内存目标 | pandas + openpyxl | 快几倍 | ≥ 10× |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s %d×%d | %d | %s | %s | %.2f× | %s | %.0f MB | %s | %s | %s | %s |\n",
			r.bc.name, r.bc.scale.Units, r.bc.scale.Indicators, r.files, secs(r.floor.wall), secs(r.shaipin.wall),
			r.shaipin.wall.Seconds()/r.floor.wall.Seconds(), r.floorCheck(), r.shaipin.rssMB, r.rssCheck(),
			r.peerTime(), r.speedup(), r.peerCheck())
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| 规模 | 各阶段(shaipin --timings,中位数那次) | HTML | Excel | JSON | CPU 时间 shaipin / 下限 | 下限内存 | 对照脚本 CPU 时间、内存 | 其他进程占用 CPU |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		peerMem := "—"
		if r.peerRuns > 0 {
			peerMem = fmt.Sprintf("%s,%.0f MB", secs(r.peer.cpu), r.peer.rssMB)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s / %s | %.0f MB | %s | %s |\n", r.bc.name, r.stages,
			human(r.html), human(r.xlsx), human(r.json), secs(r.shaipin.cpu), secs(r.floor.cpu), r.floor.rssMB, peerMem, percent(r.others))
	}
	for _, n := range notes {
		fmt.Fprintln(w)
		fmt.Fprintln(w, n)
	}
}

// idleLine says whether the machine was idle: the load average before the
// benchmark, and the most CPU other processes took during a case.
func idleLine(load string, rows []result) string {
	worst := -1.0
	for _, r := range rows {
		worst = max(worst, r.others)
	}
	if load == "" || worst < 0 {
		return "机器是否空闲:未知(只在 Linux 上读取 /proc)。"
	}
	verdict := "空闲"
	if worst > 0.05 {
		verdict = "**不空闲**:时间偏长、波动大,不宜用来更新 README"
	}
	return fmt.Sprintf("开始前负载(1/5/15 分钟):%s;计时期间其他进程最多占用 %s 的 CPU:%s。", load, percent(worst), verdict)
}

func (r result) floorCheck() string {
	if !r.bc.targets {
		return "(无目标)"
	}
	limit := time.Duration(floorFactor*float64(r.floor.wall)) + floorSlack
	return check(r.shaipin.wall <= limit, "≤ "+secs(limit))
}

func (r result) rssCheck() string {
	if r.bc.rssMB == 0 {
		return "(无目标)"
	}
	return check(r.shaipin.rssMB <= r.bc.rssMB, fmt.Sprintf("≤ %.0f MB", r.bc.rssMB))
}

func (r result) peerTime() string {
	if r.peerRuns == 0 {
		return "—"
	}
	return secs(r.peer.wall)
}

func (r result) speedup() string {
	if r.peerRuns == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f×", r.peer.wall.Seconds()/r.shaipin.wall.Seconds())
}

func (r result) peerCheck() string {
	switch {
	case r.peerRuns == 0:
		return "—"
	case !r.bc.targets:
		return "(无目标)"
	}
	return check(r.peer.wall.Seconds() >= peerFactor*r.shaipin.wall.Seconds(), "")
}

// check marks a target met (✓) or not (✗), with what it was.
func check(ok bool, what string) string {
	mark := "✗ 未达到"
	if ok {
		mark = "✓"
	}
	return strings.TrimSpace(mark + " " + what)
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func percent(x float64) string {
	if x < 0 {
		return "未知"
	}
	return fmt.Sprintf("%.0f%%", x*100)
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

// sizeOf is the size of the files in dir with extension ext.
func sizeOf(dir, ext string) int64 {
	matches, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
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
