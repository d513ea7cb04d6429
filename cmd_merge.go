package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/out"
)

// MergeOptions are the command line of `shaipin merge`, read once.
type MergeOptions struct {
	Files        []string   // the returned forms, and folders of them
	Out          string     // "": <period>-汇总.xlsx
	Template     string     // -t: the shape to check against; "": the majority's
	Period       data.Month // zero: the template's or the majority's
	PreferLatest bool       // settle conflicts by the newer file
	Force        bool       // write over a file shaipin did not write
	Read         data.Options
}

// mergeCommand combines the forms the units return into one workbook.
func mergeCommand() *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "汇总各单位交回的填报表,写成一期的输入工作簿",
		ArgsUsage: "交回的文件.xlsx 或目录 ...",
		Description: `逐格合并交回的填报表(全市表、单位表均可,可混合),检查每个文件与模板一致,
报告未报送的单位、未填完的单位;同一格被两个文件填了不同的数即为冲突,合并失败,
除非加 --prefer-latest(采用修改时间较新的文件)。交回的文件只读,从不修改;
结果原子写入,可直接用于 rank、report。`,
		Flags: append([]cli.Flag{
			outFlag("", "输出文件(默认 <期间>-汇总.xlsx)"),
			&cli.StringFlag{Name: "template", Aliases: []string{"t"}, Usage: "填报模板:按它检查各文件的期间、指标和单位(默认以多数文件为准)"},
			periodFlag("汇总的期间,如 2022-05(默认取模板或多数文件的期间)"),
			&cli.BoolFlag{Name: "prefer-latest", Usage: "数值冲突时采用修改时间较新的文件"},
			forceFlag(),
			recursiveFlag(),
		}, limitFlags()...),
		Action: action(parseMerge, runMerge),
	}
}

func parseMerge(c *cli.Context) (MergeOptions, error) {
	o := MergeOptions{Files: c.Args().Slice(), Out: c.String(flagOut), Template: c.String("template"),
		PreferLatest: c.Bool("prefer-latest"), Force: c.Bool(flagForce), Read: limits(c)}
	if len(o.Files) == 0 {
		return o, usageError{errors.New("请给出交回的文件或所在目录,如 shaipin merge 回收/ -o 2022-05-汇总.xlsx")}
	}
	var err error
	o.Period, err = monthFlag(c)
	return o, err
}

// runMerge reads the returned forms, merges them and writes the period's
// workbook; any problem in any file fails it, and the returned files are
// never written to.
func runMerge(ctx context.Context, o MergeOptions, stdout, stderr io.Writer) error {
	mopts := data.MergeOptions{Period: o.Period, PreferLatest: o.PreferLatest}
	if o.Template != "" {
		form, err := data.ReadFormFile(o.Template, o.Read)
		note(stderr, form.Notes)
		warn(stderr, form.Warnings)
		if err != nil {
			return err
		}
		mopts.Template = form
	}
	files, err := mergeFiles(o, stderr)
	if err != nil {
		return err
	}
	subs, err := data.ReadSubmissions(files, o.Read, o.Period)
	note(stderr, subs.Notes)
	warn(stderr, subs.Warnings)
	res, err := mergeForms(subs.Forms, mopts, err, stderr)
	if err != nil {
		return err
	}
	warn(stderr, res.Warnings)
	// The folders, not the files read from them: a return in a folder
	// named as the output is not read, and still never written over.
	guard := out.Guard{Command: "merge", Inputs: append(slices.Clone(o.Files), o.Template), Force: o.Force}
	path, err := writeMerged(ctx, res, o.Out, guard)
	if err != nil {
		return err
	}
	printMerge(stdout, subs.Forms, res, o.PreferLatest)
	fmt.Fprintln(stdout, path)
	return nil
}

// mergeFiles lists the files to merge, leaving out the template and the
// output where a folder holds them; naming the output as a file to merge
// is a usage error. A unit list (单位.xlsx) is not a form: the template or
// the forms name the units.
func mergeFiles(o MergeOptions, stderr io.Writer) ([]data.Input, error) {
	var skip []string
	for _, p := range []string{o.Out, o.Template} {
		if p != "" {
			skip = append(skip, p)
		}
	}
	list, errs := data.List(o.Files, data.ListOptions{Recursive: o.Read.Recursive, Skip: skip})
	note(stderr, list.Notes)
	for _, u := range list.Units {
		note(stderr, data.ErrorList{{File: u.Name, Err: errors.New("只有「单位」表,不是填报表,未合并")}})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if len(list.Inputs) == 0 {
		return nil, usageError{errors.New("没有要合并的文件")}
	}
	return list.Inputs, nil
}

// mergeForms merges the forms read; the problems of reading them (readErr)
// and of merging are reported together.
func mergeForms(subs []data.Submission, mopts data.MergeOptions, readErr error, stderr io.Writer) (*data.Merged, error) {
	var errs data.ErrorList
	if readErr != nil && !errors.As(readErr, &errs) {
		return nil, readErr
	}
	var res *data.Merged
	if len(subs) > 0 {
		var err error
		res, err = data.Merge(subs, mopts)
		var l data.ErrorList
		if err != nil && !errors.As(err, &l) {
			return nil, err
		}
		errs = append(errs, l...)
	}
	if len(errs) == 0 {
		return res, nil
	}
	if slices.ContainsFunc(errs, func(e *data.CellError) bool { return errors.Is(e, data.ErrConflict) }) {
		fmt.Fprintln(stderr, "有数值冲突:同一单元格在两份文件中填了不同的数。请核实后修改或删去其中一份;或加 --prefer-latest 采用修改时间较新的文件。")
	}
	return nil, errs.Err()
}

// writeMerged writes the merged workbook, by default named for its
// period, after checking that it reads back; the guard keeps it off the
// files read.
func writeMerged(ctx context.Context, res *data.Merged, path string, guard out.Guard) (string, error) {
	merged := res.Form.Period
	if path == "" {
		path = merged.Month.String() + "-汇总.xlsx"
	}
	var buf bytes.Buffer
	if err := data.WriteForm(&buf, merged, data.FormOptions{Aliases: res.Form.Aliases}); err != nil {
		return "", err
	}
	// The merged file must be ready for report: read it back first.
	if _, err := data.ReadBytes(filepath.Base(path), buf.Bytes(), data.Options{}); err != nil {
		return "", fmt.Errorf("内部错误:合并结果无法读回:%w", err)
	}
	b := out.NewBatch(guard)
	b.Add(path, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
	return path, commit(ctx, b)
}

// printMerge reports what each file gave, who has not submitted, and the
// conflicts settled by --prefer-latest.
func printMerge(w io.Writer, subs []data.Submission, res *data.Merged, preferLatest bool) {
	p := res.Form.Period
	fmt.Fprintf(w, "汇总 %s:%d 个文件,%d 个单位,%d 项指标。\n", p.Month.Label(), len(subs), len(p.Units), len(p.Indicators))
	for _, s := range subs {
		kind := "全市表"
		if s.Form.Unit != "" {
			kind = s.Form.Unit + "填报表"
		}
		fmt.Fprintf(w, "  %s(%s):%s\n", s.File, kind, filled(s.Form.Period))
	}
	printCoverage(w, p.Units, res)
	if len(res.Conflicts) > 0 && preferLatest {
		printSettled(w, res.Conflicts)
	}
}

// filled says how many figures a form gives for each unit.
func filled(p *data.Period) string {
	count := map[string]int{}
	for _, ind := range p.Indicators {
		for k, v := range ind.Values {
			if v.OK {
				count[p.Units[k]]++
			}
		}
	}
	var parts []string
	for _, u := range p.Units {
		if count[u] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 项", u, count[u]))
		}
	}
	if len(parts) == 0 {
		return "没有填任何数字"
	}
	return strings.Join(parts, "、")
}

// printCoverage names the units not submitted, not complete, or given by
// several files.
func printCoverage(w io.Writer, units []string, res *data.Merged) {
	fmt.Fprintf(w, "已报送 %d 个单位", len(units)-len(res.Missing))
	if len(res.Missing) > 0 {
		fmt.Fprintf(w, ",未报送 %d 个:%s", len(res.Missing), strings.Join(res.Missing, "、"))
	}
	fmt.Fprintln(w, "。")
	var blank, twice []string
	for _, u := range units {
		if n := res.Blank[u]; n > 0 {
			blank = append(blank, fmt.Sprintf("%s 缺 %d 项", u, n))
		}
		if files := res.Files[u]; len(files) > 1 {
			twice = append(twice, fmt.Sprintf("%s(%s)", u, strings.Join(files, "、")))
		}
	}
	if len(blank) > 0 {
		fmt.Fprintf(w, "未填完(空格按未报送处理):%s。\n", strings.Join(blank, "、"))
	}
	if len(twice) > 0 {
		fmt.Fprintf(w, "多份文件填了同一单位:%s。\n", strings.Join(twice, ";"))
	}
}

// printSettled lists the conflicts settled by --prefer-latest.
func printSettled(w io.Writer, conflicts []data.Conflict) {
	fmt.Fprintf(w, "数值冲突 %d 处,已按 --prefer-latest 采用修改时间较新的文件:\n", len(conflicts))
	for _, cf := range conflicts {
		chosen := cf.Entries[cf.Chosen]
		var others []string
		for j, e := range cf.Entries {
			if j != cf.Chosen {
				others = append(others, fmt.Sprintf("%s %s 的 %s", e.File, e.Value.Cell, valueText(e.Value)))
			}
		}
		fmt.Fprintf(w, "  %s「%s」:采用 %s %s 的 %s(舍去 %s)\n", cf.Unit, cf.Indicator.Name,
			chosen.File, chosen.Value.Cell, valueText(chosen.Value), strings.Join(others, "、"))
	}
}

// valueText is a figure with the decimals it was given with.
func valueText(v data.Value) string { return data.Fixed(v.Number, v.Decimals) }
