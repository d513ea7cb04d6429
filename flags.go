package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/rank"
)

// The flags several commands share are declared here, once each, and
// read here; a flag of a single command is declared in that command's file.
const (
	flagPeriod    = "period"
	flagMaxUnzip  = "max-unzip-mb"
	flagMaxSheet  = "max-sheet-mb"
	flagOut       = "out"
	flagRecursive = "recursive"
)

// periodFlag is --period; what the period means depends on the command.
func periodFlag(usage string) cli.Flag {
	return &cli.StringFlag{Name: flagPeriod, Usage: usage}
}

// outFlag is -o/--out: an output file or folder, per command.
func outFlag(value, usage string) cli.Flag {
	return &cli.StringFlag{Name: flagOut, Aliases: []string{"o"}, Value: value, Usage: usage}
}

// recursiveFlag is -r: the folders given are read with their subfolders.
func recursiveFlag() cli.Flag {
	return &cli.BoolFlag{Name: flagRecursive, Aliases: []string{"r"}, Usage: "同时读取所给文件夹的子文件夹"}
}

// limitFlags are the limits against hostile workbooks, for every command
// that reads one.
func limitFlags() []cli.Flag {
	return []cli.Flag{
		&cli.Int64Flag{Name: flagMaxUnzip, Value: data.DefaultMaxUnzipSize >> 20, Usage: "工作簿解压后的大小上限(MB),超过即拒绝", Action: positiveMB(flagMaxUnzip)},
		&cli.Int64Flag{Name: flagMaxSheet, Value: data.DefaultMaxSheetSize >> 20, Usage: "单个工作表解压后的大小上限(MB),超过即拒绝", Action: positiveMB(flagMaxSheet)},
	}
}

// positiveMB refuses a size limit that is not a positive number of MB:
// 0 would silently mean the default.
func positiveMB(name string) func(*cli.Context, int64) error {
	return func(_ *cli.Context, v int64) error {
		if v <= 0 {
			return usageError{fmt.Errorf("--%s 必须是正整数(MB),而不是 %d", name, v)}
		}
		return nil
	}
}

// inputFlags say what to read and the limits against hostile files.
func inputFlags() []cli.Flag {
	return append([]cli.Flag{periodFlag("期间,如 2022-04:单个文件时指定其期间;多个文件时选择要排名的期间(默认最新)"), recursiveFlag()}, limitFlags()...)
}

const tieHelp = `并列规则:competition(默认,美式)或 dense(中国式)。
	数值 95、90、90、85 → competition:1、2、2、4;dense:1、2、2、3`

// rankFlags are the inputs plus the rules of every command that ranks.
func rankFlags() []cli.Flag {
	return append(inputFlags(),
		&cli.StringFlag{Name: "ties", Value: string(rank.Competition), Usage: tieHelp},
		&cli.IntFlag{Name: "top", Value: 3, Usage: "前档(红旗)名次数"},
		&cli.IntFlag{Name: "bottom", Value: 3, Usage: "后档(黄旗)名次数"},
		&cli.StringFlag{Name: "score", Value: string(rank.MinMax), Usage: "综合得分方法:minmax(每项最优 100、最差 0,线性)或 rank(按名次给分)"},
	)
}

// limits reads the limitFlags, and -r where the command has it.
func limits(c *cli.Context) data.Options {
	return data.Options{MaxUnzipSize: c.Int64(flagMaxUnzip) << 20, MaxSheetSize: c.Int64(flagMaxSheet) << 20, Recursive: c.Bool(flagRecursive)}
}

// monthFlag reads --period; the zero Month when it is not given.
func monthFlag(c *cli.Context) (data.Month, error) {
	s := c.String(flagPeriod)
	if s == "" {
		return 0, nil
	}
	m, err := data.ParseMonth(s)
	if err != nil {
		return 0, usageError{fmt.Errorf("--period %q 无法识别,应写作 2022-04、2022/04、202204 或 2022年4月(要有年份)", s)}
	}
	return m, nil
}

// rankRules reads the ranking rules of rankFlags; the period is the
// inputs' (see parseInputs).
func rankRules(c *cli.Context, period data.Month) (rank.Options, error) {
	o := rank.DefaultOptions()
	o.Period = period
	o.Ties = rank.TieMode(c.String("ties"))
	o.Top, o.Bottom = c.Int("top"), c.Int("bottom")
	o.Score = rank.ScoreMethod(c.String("score"))
	if o.Ties != rank.Competition && o.Ties != rank.Dense {
		return o, usageError{fmt.Errorf("--ties 只能是 competition 或 dense,而不是 %q", o.Ties)}
	}
	if o.Score != rank.MinMax && o.Score != rank.RankPoints {
		return o, usageError{fmt.Errorf("--score 只能是 minmax 或 rank,而不是 %q", o.Score)}
	}
	if o.Top < 0 || o.Bottom < 0 {
		return o, usageError{errors.New("--top 和 --bottom 不能为负数")}
	}
	return o, nil
}
