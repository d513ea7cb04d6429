package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"

	"shaipin/charts"
	"shaipin/out"
	"shaipin/rank"
)

// ReportOptions are the command line of `shaipin report`, read once.
type ReportOptions struct {
	Inputs
	Rules     rank.Options
	Out       string    // the output folder
	Timings   bool      // print how long each stage took
	Open      bool      // open the HTML in the default browser when done
	Draws     drawPlan  // --robust and --seed
	Generated time.Time // shown in the outputs: SOURCE_DATE_EPOCH, or now

	// Quiet (--quiet) turns the progress line off.
	Quiet bool
	// progressAfter is how long a run goes before a terminal shows its
	// progress (progressDelay; tests set 0).
	progressAfter time.Duration
}

// errNoECharts is the warning of a build without the ECharts bundle,
// given whenever it writes a report.
var errNoECharts = errors.New("本程序构建时没有内嵌 ECharts(未运行 npm ci),HTML 报告将从公共 CDN 加载图表库,离线时无法显示图表。请用 make build 重新构建。")

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "生成报告:离线 HTML、Excel 汇总表和 JSON",
		ArgsUsage: "[工作簿.xlsx 或目录 ...]",
		Description: `在输出目录写入 leaderboard-<期间>.html(单个离线文件,可直接转发)、
leaderboard-<期间>.xlsx(会议用 Excel 汇总表)和 leaderboard-<期间>.json。
生成时间可用环境变量 SOURCE_DATE_EPOCH 固定,使两次输出逐字节相同。`,
		Flags: append(rankFlags(),
			outFlag("report", "输出目录"),
			&cli.BoolFlag{Name: "timings", Usage: "在标准错误输出各阶段耗时(读取、排名、HTML、Excel、JSON)"},
			&cli.BoolFlag{Name: "open", Usage: "完成后用默认浏览器打开 HTML 报告"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "不显示进度(运行超过约 1 秒时,在终端的标准错误显示读取、排名、写出的进度)"},
			&cli.IntFlag{Name: flagRobust, Value: rank.DefaultDraws, Usage: "稳健性分析的抽样次数,给出总榜名次区间;0 为不做。" +
				"未指定时单位数 × 指标数超过 10 万(如全国规模)自动不做"},
			seedFlag()),
		Action: action(parseReport, runReport),
	}
}

func parseReport(c *cli.Context) (ReportOptions, error) {
	o := ReportOptions{Out: c.String(flagOut), Timings: c.Bool("timings"), Open: c.Bool("open"),
		Quiet: c.Bool("quiet"), progressAfter: progressDelay}
	var err error
	if o.Inputs, o.Rules, err = parseRanked(c); err != nil {
		return o, err
	}
	if o.Draws, err = parseDraws(c, flagRobust, true); err != nil {
		return o, err
	}
	o.Generated, err = generationTime()
	return o, err
}

// reportOutput is one file of a report.
type reportOutput struct {
	ext, stage string // the file's extension; its stage in --timings
	write      func(io.Writer, *rank.Result) error
}

// reportOutputs are the files of a report, in the order they are listed.
func reportOutputs(generated time.Time) []reportOutput {
	return []reportOutput{
		{".html", "HTML", func(w io.Writer, r *rank.Result) error {
			return charts.Write(w, r, charts.Options{Generated: generated})
		}},
		{".xlsx", "Excel", func(w io.Writer, r *rank.Result) error {
			return out.Excel(w, r, out.ExcelOptions{Generated: generated})
		}},
		{".json", "JSON", func(w io.Writer, r *rank.Result) error {
			return out.JSON(w, r, out.JSONOptions{})
		}},
	}
}

// runReport ranks and writes the report's files together: all of them
// are put in place, or, when one fails, none, so last month's set stays
// whole.
func runReport(ctx context.Context, o ReportOptions, stdout, stderr io.Writer) error {
	clock := newStopwatch()
	prog := startProgress(stderr, o.Quiet, o.progressAfter)
	defer prog.finish()
	stderr = prog.writer(stderr)
	res, err := o.rankTimed(clock, prog, stderr)
	if err != nil {
		return err
	}
	base := filepath.Join(o.Out, "leaderboard-"+res.Month.String())
	outputs := reportOutputs(o.Generated)
	b := out.NewBatch()
	paths := make([]string, len(outputs))
	took := make([]time.Duration, len(outputs))
	stages := make([]string, len(outputs))
	for i, r := range outputs {
		paths[i], stages[i] = base+r.ext, r.stage
		b.Add(paths[i], timed(&took[i], func(w io.Writer) error {
			defer prog.did(r.stage)
			return r.write(w, res)
		}))
	}
	prog.begin("写出", stages...)
	if err := refuseInputs(paths, o.Files); err != nil {
		return err
	}
	if err := commit(ctx, b); err != nil {
		return err
	}
	clock.lap("写出")
	prog.finish()
	for i, r := range outputs {
		fmt.Fprintln(stdout, paths[i])
		clock.note(r.stage, took[i])
	}
	if !charts.Offline() {
		warn(stderr, []error{errNoECharts})
	}
	if o.Timings {
		fmt.Fprintln(stderr, clock)
	}
	if o.Open {
		openReport(paths[0], stderr) // the HTML: reportOutputs lists it first
	}
	return nil
}

// rankTimed loads, ranks, checks and runs the robustness draws, timing
// each stage and showing it on the progress line.
func (o ReportOptions) rankTimed(clock *stopwatch, prog *progress, stderr io.Writer) (*rank.Result, error) {
	if prog != nil {
		o.Read.Progress = prog.files
	}
	ds, err := o.load(stderr)
	if err != nil {
		return nil, err
	}
	clock.lap("读取")
	prog.begin("排名")
	res, err := rank.Compute(ds, o.Rules)
	clock.lap("排名")
	if err != nil {
		return nil, err
	}
	prog.begin("核查")
	if err := checked(ds, res, o.Strict, stderr); err != nil {
		return nil, err
	}
	clock.lap("核查")
	prog.begin("稳健性分析")
	err = o.Draws.add(ds, res, o.Rules, stderr)
	clock.lap("稳健性")
	return res, err
}

// commit writes a batch and puts it in place unless ctx was cancelled
// meanwhile.
func commit(ctx context.Context, b *out.Batch) error {
	if err := b.Write(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		b.Discard()
		return err
	}
	return b.Commit()
}

// timed records in took how long write ran.
func timed(took *time.Duration, write func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		start := time.Now()
		defer func() { *took = time.Since(start) }()
		return write(w)
	}
}

// generationTime is now, or SOURCE_DATE_EPOCH when set, so that builds of
// the same input can be byte-identical.
func generationTime() (time.Time, error) {
	loc := time.FixedZone("CST", 8*3600)
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Now().In(loc), nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("环境变量 SOURCE_DATE_EPOCH=%q 不是整数秒", s)
	}
	return time.Unix(sec, 0).In(loc), nil
}

// refuseInputs fails when an output path is one of the input files, so a
// report can never overwrite the data it was made from.
func refuseInputs(outputs, inputs []string) error {
	for _, o := range outputs {
		ost, err := os.Stat(o)
		if err != nil {
			continue
		}
		for _, in := range inputs {
			if ist, err := os.Stat(in); err == nil && os.SameFile(ost, ist) {
				return fmt.Errorf("输出文件 %s 就是输入文件 %s,已拒绝覆盖;请换一个输出目录(-o)", o, in)
			}
		}
	}
	return nil
}
