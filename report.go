package main

import (
	"github.com/urfave/cli/v2"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:         "report",
		Usage:        "生成报告:离线 HTML、Excel 汇总表和 JSON",
		ArgsUsage:    "[工作簿.xlsx 或目录 ...]",
		Flags:        append(rankFlags(), &cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "report", Usage: "输出目录"}),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			_, err := compute(c)
			return err
		},
	}
}
