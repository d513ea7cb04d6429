package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
)

// ValidateOptions are the command line of `shaipin validate`, read once.
type ValidateOptions struct {
	Inputs
}

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "检查工作簿,列出全部问题(每行一个:文件: 工作表!单元格: 说明)",
		ArgsUsage: "[工作簿.xlsx 或目录 ...]",
		Flags:     append(inputFlags(), strictFlag()),
		Action:    action(parseValidate, runValidate),
	}
}

func parseValidate(c *cli.Context) (ValidateOptions, error) {
	in, err := parseInputs(c)
	return ValidateOptions{in}, err
}

// runValidate reads the inputs, checks the figures and describes each
// period and, for the period chosen (--period, or the latest), each unit;
// notes and warnings go to stdout, since here they are the output. A period
// without a single figure is an error: there is nothing to rank.
func runValidate(_ context.Context, o ValidateOptions, stdout, _ io.Writer) error {
	ds, err := o.read()
	if ds != nil {
		note(stdout, ds.Notes)
		warn(stdout, ds.Warnings)
	}
	if err != nil {
		return err
	}
	fs := findings(ds, 0)
	if err := reportFindings(fs, o.Strict, stdout); err != nil {
		return err
	}
	var empty data.ErrorList
	for _, p := range ds.Periods {
		fmt.Fprintln(stdout, summary(p))
		if cells, missing := countMissing(p); missing == cells {
			empty = append(empty, &data.CellError{File: p.File, Err: fmt.Errorf("%w:%s 的 %d 项指标 × %d 个单位全部为空或未报送", data.ErrNoValues, p.Month, len(p.Indicators), len(p.Units))})
		}
	}
	if len(empty) > 0 {
		return empty
	}
	p := ds.Latest()
	if q := ds.Find(o.Read.Period); q != nil {
		p = q
	}
	unitSummary(stdout, p, fs)
	if len(fs) > 0 {
		fmt.Fprintf(stdout, "读取通过,但有 %d 条数据核查提示,请核对上面的警告(加 --%s 则按错误处理)。\n", len(fs), flagStrict)
		return nil
	}
	fmt.Fprintln(stdout, "检查通过。")
	return nil
}

// countMissing counts a period's values and those not reported.
func countMissing(p *data.Period) (cells, missing int) {
	for _, ind := range p.Indicators {
		for _, v := range ind.Values {
			cells++
			if !v.OK {
				missing++
			}
		}
	}
	return cells, missing
}

// summary describes one period in a line, with each unit's count of
// values not reported.
func summary(p *data.Period) string {
	groups := map[string]bool{}
	unranked := 0
	byUnit := make([]int, len(p.Units))
	for _, ind := range p.Indicators {
		groups[ind.Group] = true
		if !ind.Ranked {
			unranked++
		}
		for k, v := range ind.Values {
			if !v.OK {
				byUnit[k]++
			}
		}
	}
	cells, missing := countMissing(p)
	s := fmt.Sprintf("%s: 期间 %s,%d 个单位,%d 项指标(%d 个分组", p.File, p.Month, len(p.Units), len(p.Indicators), len(groups))
	if unranked > 0 {
		s += fmt.Sprintf(",其中 %d 项不参与排名", unranked)
	}
	units := make([]string, len(p.Units))
	for k, u := range p.Units {
		units[k] = fmt.Sprintf("%s %d", u, byUnit[k])
	}
	return s + fmt.Sprintf("),%d 个数值中未报送 %d 个。各单位未报送项数:%s", cells, missing, strings.Join(units, "、"))
}
