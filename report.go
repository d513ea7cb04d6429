package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"shaipin/charts"
	"shaipin/out"
	"shaipin/rank"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "生成报告:离线 HTML、Excel 汇总表和 JSON",
		ArgsUsage: "[工作簿.xlsx 或目录 ...]",
		Description: `在输出目录写入 leaderboard-<期间>.html(单个离线文件,可直接转发)、
leaderboard-<期间>.xlsx(会议用 Excel 汇总表)和 leaderboard-<期间>.json。
生成时间可用环境变量 SOURCE_DATE_EPOCH 固定,使两次输出逐字节相同。`,
		Flags: append(rankFlags(),
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "report", Usage: "输出目录"},
			&cli.BoolFlag{Name: "timings", Usage: "在标准错误输出各阶段耗时(读取、排名、HTML、Excel、JSON)"}),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			o, err := options(c)
			if err != nil {
				return err
			}
			clock := newStopwatch()
			ds, err := load(c)
			if err != nil {
				return err
			}
			clock.lap("读取")
			res, err := rank.Compute(ds, o)
			if err != nil {
				return err
			}
			clock.lap("排名")
			generated, err := generationTime()
			if err != nil {
				return err
			}
			dir := c.String("out")
			base := filepath.Join(dir, "leaderboard-"+res.Month.String())
			if !charts.Offline() {
				fmt.Fprintln(c.App.ErrWriter, "警告:本程序构建时没有内嵌 ECharts(未运行 npm ci),HTML 报告将从公共 CDN 加载图表库,离线时无法显示图表。请用 make build 重新构建。")
			}
			steps := []struct {
				path, stage string
				write       func(io.Writer, *rank.Result) error
			}{
				{base + ".html", "HTML", func(w io.Writer, r *rank.Result) error {
					return charts.Write(w, r, charts.Options{Generated: generated})
				}},
				{base + ".xlsx", "Excel", func(w io.Writer, r *rank.Result) error {
					return out.Excel(w, r, out.ExcelOptions{Generated: generated})
				}},
				{base + ".json", "JSON", out.JSON},
			}
			var paths []string
			for _, s := range steps {
				paths = append(paths, s.path)
			}
			if err := refuseInputs(paths, c.Args().Slice()); err != nil {
				return err
			}
			// The three writers are independent: run them at once, then put
			// all three in place together, or none when one failed.
			pending := make([]*out.Pending, len(steps))
			errs := make([]error, len(steps))
			took := make([]time.Duration, len(steps))
			var wg sync.WaitGroup
			for i, s := range steps {
				wg.Add(1)
				go func() {
					defer wg.Done()
					start := time.Now()
					pending[i], errs[i] = out.Prepare(s.path, func(w io.Writer) error { return s.write(w, res) })
					took[i] = time.Since(start)
				}()
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				out.CommitAll(pending) // discards the ones that were written
				return err
			}
			if err := out.CommitAll(pending); err != nil {
				return err
			}
			clock.lap("写出")
			for i, s := range steps {
				fmt.Fprintln(c.App.Writer, s.path)
				clock.note(s.stage, took[i])
			}
			if c.Bool("timings") {
				fmt.Fprintln(c.App.ErrWriter, clock)
			}
			return nil
		},
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

func (s *stopwatch) lap(stage string) {
	now := time.Now()
	s.stages = append(s.stages, stage)
	s.took = append(s.took, now.Sub(s.last))
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
