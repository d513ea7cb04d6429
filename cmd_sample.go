package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"shaipin/data/sample"
	"shaipin/out"
)

// SampleOptions are the command line of `shaipin sample`, read once.
type SampleOptions struct {
	Out string // the file to write
}

// sampleCommand writes the embedded example workbook, so a new user has a
// file in the expected shape to copy.
func sampleCommand() *cli.Command {
	return &cli.Command{
		Name:   "sample",
		Usage:  "导出内置示例工作簿(输入格式的范例)",
		Flags:  []cli.Flag{outFlag("示例-2022-04.xlsx", "输出文件")},
		Action: action(parseSample, runSample),
	}
}

func parseSample(c *cli.Context) (SampleOptions, error) {
	return SampleOptions{Out: c.String(flagOut)}, nil
}

func runSample(_ context.Context, o SampleOptions, stdout, _ io.Writer) error {
	if err := out.WriteFile(o.Out, func(w io.Writer) error {
		_, err := w.Write(sample.Xlsx)
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintln(stdout, o.Out)
	return nil
}
