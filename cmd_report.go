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
	Generated time.Time // shown in the outputs: SOURCE_DATE_EPOCH, or now
	// Map is a boundary map (GeoJSON) the HTML draws instead of the tile
	// map; MapNote is printed under it (its 审图号).
	Map, MapNote string
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
			&cli.StringFlag{Name: "map", Usage: "区县边界地图(GeoJSON,取自标准地图服务等有审图号的来源):HTML 报告据此绘制地图,代替默认的方格地图"},
			&cli.StringFlag{Name: "map-note", Usage: "印在地图下方的说明,如 \"审图号:浙S(2022)00号\";不指定时取地图文件中的审图号"}),
		Action: action(parseReport, runReport),
	}
}

func parseReport(c *cli.Context) (ReportOptions, error) {
	o := ReportOptions{Out: c.String(flagOut), Timings: c.Bool("timings"), Map: c.String("map"), MapNote: c.String("map-note")}
	var err error
	if o.Inputs, err = parseInputs(c); err != nil {
		return o, err
	}
	if o.Rules, err = rankRules(c, o.Read.Period); err != nil {
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
func reportOutputs(generated time.Time, geo *charts.GeoMap) []reportOutput {
	return []reportOutput{
		{".html", "HTML", func(w io.Writer, r *rank.Result) error {
			return charts.Write(w, r, charts.Options{Generated: generated, Map: geo})
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
	var geo *charts.GeoMap
	if o.Map != "" {
		var err error
		if geo, err = charts.LoadMap(o.Map, o.MapNote); err != nil {
			return err
		}
	}
	res, err := o.rankTimed(clock, stderr)
	if err != nil {
		return err
	}
	if geo != nil {
		warn(stderr, geo.Warnings(res.Units))
	}
	base := filepath.Join(o.Out, "leaderboard-"+res.Month.String())
	outputs := reportOutputs(o.Generated, geo)
	b := out.NewBatch()
	paths := make([]string, len(outputs))
	took := make([]time.Duration, len(outputs))
	for i, r := range outputs {
		paths[i] = base + r.ext
		b.Add(paths[i], timed(&took[i], func(w io.Writer) error { return r.write(w, res) }))
	}
	if err := refuseInputs(paths, o.Files); err != nil {
		return err
	}
	if err := commit(ctx, b); err != nil {
		return err
	}
	clock.lap("写出")
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
	return nil
}

// rankTimed loads and ranks, timing both stages.
func (o ReportOptions) rankTimed(clock *stopwatch, stderr io.Writer) (*rank.Result, error) {
	ds, err := o.load(stderr)
	if err != nil {
		return nil, err
	}
	clock.lap("读取")
	res, err := rank.Compute(ds, o.Rules)
	clock.lap("排名")
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
