package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	Out       string // the output folder
	Name      out.NamePattern
	Force     bool      // write over files shaipin did not write
	Timings   bool      // print how long each stage took
	Open      bool      // open the HTML in the default browser when done
	Draws     drawPlan  // --robust and --seed
	Generated time.Time // shown in the outputs: SOURCE_DATE_EPOCH, or now
	// Map is a boundary map (GeoJSON) the HTML draws instead of the tile
	// map; MapNote is printed under it (its 审图号).
	Map, MapNote string

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
		Description: `在输出目录写入 金华市2022年4月晒拼排名.html(单个离线文件,可直接转发)、
同名的 .xlsx(会议用 Excel 汇总表)和 .json,以及书面通报 通报-<期间>.docx 和 .md(见 shaipin notice);
文件名取自标题中的地名和期间,可用 --name 改。
同名文件是上次 report 写出且未改动的,直接替换;其他文件不覆盖,除非加 --force;输入文件从不覆盖。
生成时间可用环境变量 SOURCE_DATE_EPOCH 固定,使两次输出逐字节相同。`,
		Flags: append(rankFlags(),
			outFlag("report", "输出目录"),
			&cli.StringFlag{Name: flagName, Usage: "文件名(不含扩展名),可用 {city}(金华市)、{label}(2022年4月)、{period}(2022-04)、{title}(标题);\n\t默认 {city}{label}晒拼排名;旧的文件名:--name leaderboard-{period}"},
			forceFlag(),
			&cli.BoolFlag{Name: "timings", Usage: "在标准错误输出各阶段耗时(读取、排名、HTML、Excel、JSON)"},
			&cli.BoolFlag{Name: "open", Usage: "完成后用默认浏览器打开 HTML 报告"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "不显示进度(运行超过约 1 秒时,在终端的标准错误显示读取、排名、写出的进度)"},
			&cli.IntFlag{Name: flagRobust, Value: rank.DefaultDraws, Usage: "稳健性分析的抽样次数,给出总榜名次区间;0 为不做。" +
				"未指定时单位数 × 指标数超过 10 万(如全国规模)自动不做"},
			seedFlag(),
			&cli.StringFlag{Name: "map", Usage: "区县边界地图(GeoJSON,取自标准地图服务等有审图号的来源):HTML 报告据此绘制地图,代替默认的方格地图"},
			&cli.StringFlag{Name: "map-note", Usage: "印在地图下方的说明,如 \"审图号:浙S(2022)00号\";不指定时取地图文件中的审图号"}),
		Action: action(parseReport, runReport),
	}
}

func parseReport(c *cli.Context) (ReportOptions, error) {
	o := ReportOptions{Out: c.String(flagOut), Timings: c.Bool("timings"), Open: c.Bool("open"), Force: c.Bool(flagForce),
		Map: c.String("map"), MapNote: c.String("map-note"), Quiet: c.Bool("quiet"), progressAfter: progressDelay}
	var err error
	if o.Name, err = out.ParseNamePattern(c.String(flagName)); err != nil {
		return o, usageError{fmt.Errorf("--%s %w", flagName, err)}
	}
	if o.Inputs, o.Rules, err = parseRanked(c); err != nil {
		return o, err
	}
	if o.Draws, err = parseDraws(c, flagRobust, true); err != nil {
		return o, err
	}
	o.Generated, err = generationTime()
	return o, err
}

// flagName is report's --name.
const flagName = "name"

// reportOutput is one file of a report.
type reportOutput struct {
	ext, stage string // the file's extension; its stage in --timings
	write      func(io.Writer, *rank.Result) error
}

// reportOutputs are the files of a report, in the order they are listed.
func reportOutputs(generated time.Time, geo *charts.GeoMap) []reportOutput {
	return []reportOutput{
		{".html", "HTML", func(w io.Writer, r *rank.Result) error {
			return charts.Write(w, r, charts.Options{Generated: generated, Map: geo})
		}},
		{".xlsx", "Excel", func(w io.Writer, r *rank.Result) error {
			return out.Excel(w, r, out.ExcelOptions{Generated: generated})
		}},
		{".json", "JSON", func(w io.Writer, r *rank.Result) error {
			return out.JSON(w, r, out.JSONOptions{Generator: out.Generator("report")})
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
	var geo *charts.GeoMap
	if o.Map != "" {
		var err error
		if geo, err = charts.LoadMap(o.Map, o.MapNote); err != nil {
			return err
		}
	}
	res, sources, err := o.rankTimed(clock, prog, stderr)
	if err != nil {
		return err
	}
	if geo != nil {
		warn(stderr, geo.Warnings(res.Units))
	}
	outputs := reportOutputs(o.Generated, geo)
	// The folders named and every file read, found in them or deeper (-r).
	b := out.NewBatch(out.Guard{Command: "report", Inputs: append(slices.Clone(o.Files), sources...), Force: o.Force})
	paths := make([]string, len(outputs))
	took := make([]time.Duration, len(outputs))
	stages := make([]string, len(outputs))
	for i, r := range outputs {
		paths[i], stages[i] = filepath.Join(o.Out, o.Name.Name(res.Title, res.Month, r.ext)), r.stage
		b.Add(paths[i], timed(&took[i], func(w io.Writer) error {
			defer prog.did(r.stage)
			return r.write(w, res)
		}))
	}
	paths = append(paths, addNotice(b, o.Out, res)...)
	prog.begin("写出", stages...)
	if err := commit(ctx, b); err != nil {
		return err
	}
	clock.lap("写出")
	prog.finish()
	for i, r := range outputs {
		fmt.Fprintln(stdout, paths[i])
		clock.note(r.stage, took[i])
	}
	for _, p := range paths[len(outputs):] {
		fmt.Fprintln(stdout, p)
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

// rankTimed loads, checks, ranks and runs the robustness draws, timing
// each stage and showing it on the progress line. It returns the files
// read (data.Dataset.Sources), not the dataset: the figures are in the
// result, and at national scale the dataset is 60 MB the writing of the
// outputs need not keep.
func (o ReportOptions) rankTimed(clock *stopwatch, prog *progress, stderr io.Writer) (*rank.Result, []string, error) {
	if prog != nil {
		o.Read.Progress = prog.files
	}
	ds, err := o.load(stderr)
	if err != nil {
		return nil, nil, err
	}
	clock.lap("读取")
	prog.begin("核查")
	fs := shownFindings(ds, o.Rules)
	clock.lap("核查")
	prog.begin("排名")
	res, err := rank.Compute(ds, o.Rules)
	clock.lap("排名")
	if err != nil {
		return nil, nil, err
	}
	fitMemoryLimit()
	if err := checked(res, fs, o.Strict, stderr); err != nil {
		return nil, nil, err
	}
	prog.begin("稳健性分析")
	err = o.Draws.add(ds, res, o.Rules, stderr)
	clock.lap("稳健性")
	return res, ds.Sources, err
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
