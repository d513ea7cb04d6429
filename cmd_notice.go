package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"

	"shaipin/out"
	"shaipin/rank"
	"shaipin/text"
)

// NoticeOptions are the command line of `shaipin notice`, read once.
type NoticeOptions struct {
	Inputs
	Rules rank.Options
	Out   string // the output folder
	Force bool   // write over files shaipin did not write
}

func noticeCommand() *cli.Command {
	return &cli.Command{
		Name:      "notice",
		Usage:     "起草书面通报:Word 文档(公文格式)和 Markdown 文本",
		ArgsUsage: "[工作簿.xlsx 或目录 ...]",
		Description: `在输出目录写入 通报-<期间>.docx(按 GB/T 9704 党政机关公文格式排版)
和 通报-<期间>.md(同样的文字,可直接发到聊天中)。红旗、黄旗按工作簿的「红黄旗规则」表
或 --flags 指定的规则文件评定,都没有时按默认规则(总榜前3 红旗、后3 黄旗),写法见 docs/flags.md。`,
		Flags:  append(rankFlags(), outFlag("report", "输出目录"), forceFlag()),
		Action: action(parseNotice, runNotice),
	}
}

func parseNotice(c *cli.Context) (NoticeOptions, error) {
	o := NoticeOptions{Out: c.String(flagOut), Force: c.Bool(flagForce)}
	var err error
	o.Inputs, o.Rules, err = parseRanked(c)
	return o, err
}

// runNotice ranks and writes the notice's two files together.
func runNotice(ctx context.Context, o NoticeOptions, stdout, stderr io.Writer) error {
	res, ds, err := o.compute(o.Rules, stderr)
	if err != nil {
		return err
	}
	b := out.NewBatch(out.Guard{Command: "notice", Inputs: append(slices.Clone(o.Files), ds.Sources...), Force: o.Force})
	paths := addNotice(b, o.Out, res)
	if err := commit(ctx, b); err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, p)
	}
	return nil
}

// addNotice adds the notice of res to b, as Word and as Markdown in dir,
// and returns their paths: drafted once, written twice.
func addNotice(b *out.Batch, dir string, res *rank.Result) []string {
	n := text.NewNotice(res)
	base := filepath.Join(dir, out.NoticeName(res))
	b.AddAs(base+".docx", "notice", func(w io.Writer) error { return out.NoticeDocx(w, n) })
	b.AddAs(base+".md", "notice", func(w io.Writer) error { return out.NoticeMarkdown(w, n) })
	return []string{base + ".docx", base + ".md"}
}
