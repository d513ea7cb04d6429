package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"shaipin/out"
	"shaipin/rank"
)

// RankOptions are the command line of `shaipin rank`, read once.
type RankOptions struct {
	Inputs
	Rules  rank.Options
	Format string // a key of formats
}

// formats are the outputs of `shaipin rank --format`.
var formats = map[string]func(io.Writer, *rank.Result) error{
	"table": out.Table,
	"json":  func(w io.Writer, res *rank.Result) error { return out.JSON(w, res, out.JSONOptions{}) },
	"csv":   out.CSV,
}

func rankCommand() *cli.Command {
	return &cli.Command{
		Name:      "rank",
		Usage:     "排名并输出结果(表格、JSON 或 CSV)",
		ArgsUsage: "[工作簿.xlsx 或目录 ...]",
		Flags: append(rankFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "输出格式:table(终端表格)、json 或 csv(UTF-8 带 BOM,Excel 可直接打开)"}),
		Action: action(parseRank, runRank),
	}
}

func parseRank(c *cli.Context) (RankOptions, error) {
	o := RankOptions{Format: c.String("format")}
	if _, ok := formats[o.Format]; !ok {
		return o, usageError{fmt.Errorf("--format 只能是 table、json 或 csv,而不是 %q", o.Format)}
	}
	var err error
	o.Inputs, o.Rules, err = parseRanked(c)
	return o, err
}

// runRank ranks and writes the result to stdout in the chosen format.
func runRank(_ context.Context, o RankOptions, stdout, stderr io.Writer) error {
	res, _, err := o.compute(o.Rules, stderr)
	if err != nil {
		return err
	}
	return formats[o.Format](stdout, res)
}
