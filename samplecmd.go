package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"shaipin/data/sample"
	"shaipin/out"
)

// sampleCommand writes the embedded example workbook, so a new user has a
// file in the expected shape to copy.
func sampleCommand() *cli.Command {
	return &cli.Command{
		Name:         "sample",
		Usage:        "导出内置示例工作簿(输入格式的范例)",
		Flags:        []cli.Flag{&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "示例-2022-04.xlsx", Usage: "输出文件"}},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			path := c.String("out")
			if err := out.WriteFile(path, func(w io.Writer) error {
				_, err := w.Write(sample.Xlsx)
				return err
			}); err != nil {
				return err
			}
			fmt.Fprintln(c.App.Writer, path)
			return nil
		},
	}
}
