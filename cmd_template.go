package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/out"
)

// TemplateOptions are the command line of `shaipin template`, read once.
type TemplateOptions struct {
	Input    string     // -i: last month's workbook; "" for the sample
	Period   data.Month // the template's; zero: the month after Input's
	Unit     string     // a form for this unit only, as typed
	EachUnit bool       // a form for each unit, into the folder Out
	Out      string     // "": named after the period (and unit)
	Force    bool       // write over files shaipin did not write
	Read     data.Options
}

// templateCommand writes the fill-in form sent to the units each month.
func templateCommand() *cli.Command {
	return &cli.Command{
		Name:      "template",
		Usage:     "生成填报模板:发给各单位填写、交回后用 merge 汇总",
		ArgsUsage: " ",
		Description: `写出一份输入格式的填报工作簿:填报说明、各数据表(表头和单位名称锁定,
数值格有数据验证)、参数、单位、指标说明。指标、分组和表格布局取自 -i 指定的上一期工作簿,
不指定时取内置示例。--unit 只含一个单位的一行;--each-unit 为每个单位各写一份。
只替换上次 template 写出且未改动的同名文件:交回的填报表(已填写、另存过)不会被覆盖,
--each-unit 时只要有一份不能写,就一份都不写。`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Usage: "上一期的工作簿:沿用其指标、单位和表格布局(默认用内置示例的)"},
			periodFlag("模板的期间,如 2022-05(默认为上一期的下一个月)"),
			&cli.StringFlag{Name: "unit", Usage: "只为这个单位生成填报表(只含该单位一行),如 义乌市"},
			&cli.BoolFlag{Name: "each-unit", Usage: "为每个单位各生成一份填报表,写入 -o 指定的目录"},
			outFlag("", "输出文件(默认 <期间>-填报模板.xlsx);--each-unit 时为目录(默认 <期间>-填报表)"),
			forceFlag(),
		}, limitFlags()...),
		Action: action(parseTemplate, runTemplate),
	}
}

func parseTemplate(c *cli.Context) (TemplateOptions, error) {
	o := TemplateOptions{Input: c.String("input"), Unit: c.String("unit"), EachUnit: c.Bool("each-unit"), Out: c.String(flagOut),
		Force: c.Bool(flagForce), Read: limits(c)}
	if args := c.Args().Slice(); len(args) > 0 {
		return o, usageError{fmt.Errorf("template 不接受文件参数 %q;上一期的工作簿用 -i 指定", args[0])}
	}
	if o.Unit != "" && o.EachUnit {
		return o, usageError{errors.New("--unit 和 --each-unit 只能选一个")}
	}
	var err error
	o.Period, err = monthFlag(c)
	return o, err
}

// runTemplate writes the blank forms and lists them: all of them, or,
// when one may not be written, none.
func runTemplate(ctx context.Context, o TemplateOptions, stdout, stderr io.Writer) error {
	src, err := templateSource(o, stderr)
	if err != nil {
		return err
	}
	period := o.Period
	if period.IsZero() {
		period = src.Period.Month.Next()
	}
	blank := data.BlankPeriod(src.Period, period)
	targets, err := templateTargets(o, blank, src.Aliases)
	if err != nil {
		return err
	}
	var inputs []string
	if o.Input != "" {
		inputs = append(inputs, o.Input)
	}
	b := out.NewBatch(out.Guard{Command: "template", Inputs: inputs, Force: o.Force})
	for _, t := range targets {
		b.Add(t.path, func(w io.Writer) error {
			return data.WriteForm(w, blank, data.FormOptions{Aliases: src.Aliases, Form: true, Unit: t.unit})
		})
	}
	if err := commit(ctx, b); err != nil {
		return err
	}
	for _, t := range targets {
		fmt.Fprintln(stdout, t.path)
	}
	return nil
}

// templateSource reads the form the template copies: -i, or the sample.
func templateSource(o TemplateOptions, stderr io.Writer) (*data.Form, error) {
	var (
		src *data.Form
		err error
	)
	if o.Input == "" {
		fmt.Fprintln(stderr, "未指定 -i,沿用内置示例的指标和单位(金华市 2022年4月)。")
		src, err = data.SampleForm(o.Read)
	} else {
		src, err = data.ReadFormFile(o.Input, o.Read)
	}
	note(stderr, src.Notes)
	warn(stderr, src.Warnings)
	return src, err
}

// templateTarget is one form to write: its path and its unit ("" for
// the whole city).
type templateTarget struct{ path, unit string }

// templateTargets names the forms to write.
func templateTargets(o TemplateOptions, blank *data.Period, aliases map[string][]string) ([]templateTarget, error) {
	period := blank.Month.String()
	switch {
	case o.EachUnit:
		dir := cmp.Or(o.Out, period+"-填报表")
		var ts []templateTarget
		for _, u := range blank.Units {
			ts = append(ts, templateTarget{filepath.Join(dir, out.FileName(period+"-"+u, ".xlsx")), u})
		}
		return ts, nil
	case o.Unit != "":
		unit, err := data.ResolveUnit(blank.Units, aliases, o.Unit)
		if err != nil {
			return nil, usageError{fmt.Errorf("--unit %q %w(可选:%s)", o.Unit, err, strings.Join(blank.Units, "、"))}
		}
		return []templateTarget{{cmp.Or(o.Out, out.FileName(period+"-"+unit, ".xlsx")), unit}}, nil
	default:
		return []templateTarget{{cmp.Or(o.Out, period+"-填报模板.xlsx"), ""}}, nil
	}
}
