package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/out"
	"shaipin/rank"
)

// RobustOptions are the command line of `shaipin robust`, read once.
type RobustOptions struct {
	Inputs
	Rules  rank.Options
	Format string // a key of robustFormats
	Draws  drawPlan
}

// robustFormats are the outputs of `shaipin robust --format`: the JSON is
// rank's document with the robustness fields filled in.
var robustFormats = map[string]func(io.Writer, *rank.Result) error{
	"table": out.RobustTable,
	"json":  formats["json"],
}

func robustCommand() *cli.Command {
	return &cli.Command{
		Name:      "robust",
		Usage:     "稳健性分析:随机改变权重、得分方法和缺失处理,看总榜名次稳不稳",
		ArgsUsage: "[工作簿.xlsx 或目录 ...]",
		Description: `重复排总榜(默认 1000 次):每次各指标权重乘以 0.75—1.25 之间的随机数,得分方法在
极差标准化、标准分、名次得分中随机选,缺失处理在跳过、末位中随机选。列出每个单位的名次中位数、
5%—95% 名次区间、居前3和居后3的比例;红旗或黄旗在不到 80% 的抽样中保持的标「边缘」。
同一 --seed 结果完全相同。做法见 docs/methods.md 第八节。`,
		Flags: append(rankFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "输出格式:table(终端表格)或 json(与 rank --format json 相同,另含稳健性字段)"},
			&cli.IntFlag{Name: flagDraws, Value: rank.DefaultDraws, Usage: "抽样次数"},
			seedFlag()),
		Action: action(parseRobust, runRobust),
	}
}

func parseRobust(c *cli.Context) (RobustOptions, error) {
	o := RobustOptions{Format: c.String("format")}
	if _, ok := robustFormats[o.Format]; !ok {
		return o, usageError{fmt.Errorf("--format 只能是 table 或 json,而不是 %q", o.Format)}
	}
	var err error
	if o.Draws, err = parseDraws(c, flagDraws, false); err != nil {
		return o, err
	}
	if o.Draws.Draws == 0 {
		return o, usageError{fmt.Errorf("--%s 应为正整数", flagDraws)}
	}
	o.Inputs, o.Rules, err = parseRanked(c)
	return o, err
}

// runRobust ranks, runs the draws and writes the board with its intervals.
func runRobust(_ context.Context, o RobustOptions, stdout, stderr io.Writer) error {
	res, ds, err := o.compute(o.Rules, stderr)
	if err != nil {
		return err
	}
	if err := o.Draws.add(ds, res, o.Rules, stderr); err != nil {
		return err
	}
	return robustFormats[o.Format](stdout, res)
}

const (
	flagDraws  = "draws"
	flagRobust = "robust"
	// robustAutoCells is the size (units × ranked indicators) above which
	// report leaves the draws out unless --robust is given: 1,000 draws
	// cost about 0.1 s at province scale (90 × 200 = 18,000), but about
	// 3 s and 450 MB at national scale (2,844 × 300), more than the whole
	// rest of the report.
	robustAutoCells = 100_000
)

// drawPlan is how many robustness draws to run, with which seed.
type drawPlan struct {
	Draws int // 0: none
	Seed  uint64
	// Auto: Draws is report's default, not the user's, so a period too
	// large for the draws to be cheap is left out, with a note, and so is
	// the tally board, which has no weights to vary.
	Auto bool
}

// parseDraws reads a draw-count flag and --seed; auto says whether the
// count, when not given, is a default that may be left out.
func parseDraws(c *cli.Context, name string, auto bool) (drawPlan, error) {
	d := drawPlan{Draws: c.Int(name), Seed: c.Uint64(flagSeed), Auto: auto && !c.IsSet(name)}
	if d.Draws < 0 {
		return d, usageError{fmt.Errorf("--%s 不能为负数", name)}
	}
	return d, nil
}

// add runs the draws on the period of res and puts their figures on it.
func (d drawPlan) add(ds *data.Dataset, res *rank.Result, rules rank.Options, stderr io.Writer) error {
	p := ds.Find(res.Month)
	if d.Draws == 0 || p == nil {
		return nil
	}
	if d.Auto {
		if res.Rules.Board == rank.TallyBoard {
			return nil
		}
		if cells := len(p.Units) * res.RankedCount(); cells > robustAutoCells {
			fmt.Fprintf(stderr, "注:本期 %d 个单位 × %d 项指标,规模较大,默认不做稳健性分析;需要名次区间时加 --%s %d。\n",
				len(p.Units), res.RankedCount(), flagRobust, rank.DefaultDraws)
			return nil
		}
	}
	rb, err := rank.Robust(p, rules, rank.RobustOptions{Draws: d.Draws, Seed: d.Seed})
	if err != nil {
		return err
	}
	res.AddRobust(rb)
	return nil
}
