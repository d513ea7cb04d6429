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
	Out   string // the file to write
	Force bool   // write over a file shaipin did not write
}

// sampleCommand writes the embedded example workbook, so a new user has a
// file in the expected shape to copy.
func sampleCommand() *cli.Command {
	return &cli.Command{
		Name:   "sample",
		Usage:  "导出内置示例工作簿(输入格式的范例)",
		Flags:  []cli.Flag{outFlag("示例-2022-04.xlsx", "输出文件"), forceFlag()},
		Action: action(parseSample, runSample),
	}
}

func parseSample(c *cli.Context) (SampleOptions, error) {
	return SampleOptions{Out: c.String(flagOut), Force: c.Bool(flagForce)}, nil
}

func runSample(ctx context.Context, o SampleOptions, stdout, _ io.Writer) error {
	b := out.NewBatch(out.Guard{Command: "sample", Force: o.Force})
	b.Add(o.Out, func(w io.Writer) error {
		_, err := w.Write(sample.Xlsx)
		return err
	})
	if err := commit(ctx, b); err != nil {
		return err
	}
	fmt.Fprintln(stdout, o.Out)
	return nil
}
