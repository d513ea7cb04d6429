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
// warnings go to stdout, since here they are the output.
func runValidate(_ context.Context, o ValidateOptions, stdout, _ io.Writer) error {
	ds, err := o.read()
	if ds != nil {
		warn(stdout, ds.Warnings)
	}
	if err != nil {
		return err
	}
	fs := findings(ds, 0)
	if err := reportFindings(fs, o.Strict, stdout); err != nil {
		return err
	}
	for _, p := range ds.Periods {
		fmt.Fprintln(stdout, summary(p))
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

// summary describes one period in a line.
func summary(p *data.Period) string {
	groups := map[string]bool{}
	missing, cells, unranked := 0, 0, 0
	for _, ind := range p.Indicators {
		groups[ind.Group] = true
		if !ind.Ranked {
			unranked++
		}
		for _, v := range ind.Values {
			cells++
			if !v.OK {
				missing++
			}
		}
	}
	s := fmt.Sprintf("%s: 期间 %s,%d 个单位,%d 项指标(%d 个分组", p.File, p.Month, len(p.Units), len(p.Indicators), len(groups))
	if unranked > 0 {
		s += fmt.Sprintf(",其中 %d 项不参与排名", unranked)
	}
	return s + fmt.Sprintf("),%d 个数值中未报送 %d 个。单位:%s", cells, missing, strings.Join(p.Units, "、"))
}
