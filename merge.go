package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/out"
)

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
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "输出文件(默认 <期间>-汇总.xlsx)"},
			&cli.StringFlag{Name: "template", Aliases: []string{"t"}, Usage: "填报模板:按它检查各文件的期间、指标和单位(默认以多数文件为准)"},
			&cli.StringFlag{Name: "period", Usage: "汇总的期间,如 2022-05(默认取模板或多数文件的期间)"},
			&cli.BoolFlag{Name: "prefer-latest", Usage: "数值冲突时采用修改时间较新的文件"},
			&cli.Int64Flag{Name: "max-unzip-mb", Value: data.DefaultMaxUnzipSize >> 20, Usage: "工作簿解压后的大小上限(MB),超过即拒绝"},
		},
		OnUsageError: onUsageError,
		Action:       mergeAction,
	}
}

func mergeAction(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) == 0 {
		return usageError{errors.New("请给出交回的文件或所在目录,如 shaipin merge 回收/ -o 2022-05-汇总.xlsx")}
	}
	opts := data.Options{MaxUnzipSize: c.Int64("max-unzip-mb") << 20}
	mopts := data.MergeOptions{PreferLatest: c.Bool("prefer-latest")}
	period, err := monthFlag(c)
	if err != nil {
		return err
	}
	mopts.Period = period
	skip := map[string]bool{}
	outPath := c.String("out")
	if outPath != "" {
		skip[absPath(outPath)] = true
	}
	if t := c.String("template"); t != "" {
		form, err := readForm(c, t, opts)
		if err != nil {
			return err
		}
		mopts.Template = form
		skip[absPath(t)] = true
	}
	files, err := submissionFiles(args, skip)
	if err != nil {
		return err
	}
	if outPath != "" {
		for _, f := range files {
			if absPath(f) == absPath(outPath) {
				return usageError{fmt.Errorf("输出文件 %s 是交回的文件之一;交回的文件不会被改写,请换一个输出文件名", outPath)}
			}
		}
	}
	var (
		subs []data.Submission
		errs data.ErrorList
	)
	for _, path := range files {
		st, err := os.Stat(path)
		if err != nil {
			errs = append(errs, &data.CellError{File: filepath.Base(path), Err: err})
			continue
		}
		ropts := opts
		form, err := readForm(c, path, ropts)
		if err != nil && !mopts.Period.IsZero() && onlyNoPeriod(err) {
			// A file that names no period is taken to be the one merged.
			ropts.Period = mopts.Period
			form, err = readForm(c, path, ropts)
		}
		if err != nil {
			var l data.ErrorList
			if !errors.As(err, &l) {
				return err
			}
			errs = append(errs, l...)
			continue
		}
		subs = append(subs, data.Submission{File: filepath.Base(path), ModTime: st.ModTime(), Form: form})
	}
	var res *data.Merged
	if len(subs) > 0 {
		res, err = data.Merge(subs, mopts)
		if err != nil {
			var l data.ErrorList
			if !errors.As(err, &l) {
				return err
			}
			errs = append(errs, l...)
		}
	}
	if len(errs) > 0 {
		for _, e := range errs {
			if errors.Is(e, data.ErrConflict) {
				fmt.Fprintln(c.App.ErrWriter, "有数值冲突:同一单元格在两份文件中填了不同的数。请核实后修改或删去其中一份;或加 --prefer-latest 采用修改时间较新的文件。")
				break
			}
		}
		return errs.Err()
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(c.App.ErrWriter, "警告:%v\n", w)
	}
	merged := res.Form.Period
	if outPath == "" {
		outPath = merged.Month.String() + "-汇总.xlsx"
	}
	var buf bytes.Buffer
	if err := data.WriteForm(&buf, merged, data.FormOptions{Aliases: res.Form.Aliases}); err != nil {
		return err
	}
	// The merged file must be ready for report: read it back first.
	if _, err := data.ReadBytes(filepath.Base(outPath), buf.Bytes(), data.Options{}); err != nil {
		return fmt.Errorf("内部错误:合并结果无法读回:%w", err)
	}
	if err := out.WriteFile(outPath, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		return err
	}
	printMerge(c.App.Writer, subs, res, mopts.PreferLatest)
	fmt.Fprintln(c.App.Writer, outPath)
	return nil
}

// printMerge reports what each file gave, who has not submitted, and the
// conflicts settled by --prefer-latest.
func printMerge(w io.Writer, subs []data.Submission, res *data.Merged, preferLatest bool) {
	p := res.Form.Period
	fmt.Fprintf(w, "汇总 %s:%d 个文件,%d 个单位,%d 项指标。\n", p.Month.Label(), len(subs), len(p.Units), len(p.Indicators))
	for _, s := range subs {
		count := map[string]int{}
		for _, ind := range s.Form.Period.Indicators {
			for k, v := range ind.Values {
				if v.OK {
					count[s.Form.Period.Units[k]]++
				}
			}
		}
		var parts []string
		for _, u := range s.Form.Period.Units {
			if count[u] > 0 {
				parts = append(parts, fmt.Sprintf("%s %d 项", u, count[u]))
			}
		}
		what := strings.Join(parts, "、")
		if what == "" {
			what = "没有填任何数字"
		}
		kind := "全市表"
		if s.Form.Unit != "" {
			kind = s.Form.Unit + "填报表"
		}
		fmt.Fprintf(w, "  %s(%s):%s\n", s.File, kind, what)
	}
	fmt.Fprintf(w, "已报送 %d 个单位", len(p.Units)-len(res.Missing))
	if len(res.Missing) > 0 {
		fmt.Fprintf(w, ",未报送 %d 个:%s", len(res.Missing), strings.Join(res.Missing, "、"))
	}
	fmt.Fprintln(w, "。")
	var blank []string
	for _, u := range p.Units {
		if n := res.Blank[u]; n > 0 {
			blank = append(blank, fmt.Sprintf("%s 缺 %d 项", u, n))
		}
	}
	if len(blank) > 0 {
		fmt.Fprintf(w, "未填完(空格按未报送处理):%s。\n", strings.Join(blank, "、"))
	}
	var twice []string
	for _, u := range p.Units {
		if files := res.Files[u]; len(files) > 1 {
			twice = append(twice, fmt.Sprintf("%s(%s)", u, strings.Join(files, "、")))
		}
	}
	if len(twice) > 0 {
		fmt.Fprintf(w, "多份文件填了同一单位:%s。\n", strings.Join(twice, ";"))
	}
	if len(res.Conflicts) > 0 && preferLatest {
		fmt.Fprintf(w, "数值冲突 %d 处,已按 --prefer-latest 采用修改时间较新的文件:\n", len(res.Conflicts))
		for _, cf := range res.Conflicts {
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
}

func valueText(v data.Value) string {
	return fmt.Sprintf("%.*f", v.Decimals, v.Number)
}

// readForm reads one workbook from disk as a form; problems come back as
// a data.ErrorList, warnings go to stderr.
func readForm(c *cli.Context, path string, opts data.Options) (*data.Form, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, data.ErrorList{{File: path, Err: errors.New("无法打开: 文件不存在")}}
	case err != nil:
		return nil, data.ErrorList{{File: path, Err: err}}
	case st.IsDir():
		return nil, data.ErrorList{{File: path, Err: errors.New("是目录,不是工作簿")}}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, data.ErrorList{{File: path, Err: err}}
	}
	form, warns, err := data.ReadForm(name, b, opts)
	for _, w := range warns {
		fmt.Fprintf(c.App.ErrWriter, "警告:%v\n", w)
	}
	return form, err
}

// onlyNoPeriod reports whether the only problem with a file is that it
// names no period.
func onlyNoPeriod(err error) bool {
	var l data.ErrorList
	return errors.As(err, &l) && len(l) == 1 && errors.Is(l[0], data.ErrNoPeriod)
}

// submissionFiles expands directories into the .xlsx files in them (name
// order, no Excel lock files) and drops duplicates. Files found in a
// directory are dropped when in skip: the output of an earlier merge, the
// template.
func submissionFiles(args []string, skip map[string]bool) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	add := func(p string, inDir bool) {
		a := absPath(p)
		if !seen[a] && !(inDir && skip[a]) {
			seen[a] = true
			files = append(files, p)
		}
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, data.ErrorList{{File: arg, Err: errors.New("无法打开: 文件不存在")}}
			}
			return nil, data.ErrorList{{File: arg, Err: err}}
		}
		if !st.IsDir() {
			add(arg, false)
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, data.ErrorList{{File: arg, Err: err}}
		}
		var names []string
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() && strings.EqualFold(filepath.Ext(n), ".xlsx") && !strings.HasPrefix(n, "~$") && !strings.HasPrefix(n, ".") {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		if len(names) == 0 {
			return nil, data.ErrorList{{File: arg, Err: errors.New("目录中没有 .xlsx 文件")}}
		}
		for _, n := range names {
			add(filepath.Join(arg, n), true)
		}
	}
	if len(files) == 0 {
		return nil, usageError{errors.New("没有要合并的文件")}
	}
	return files, nil
}

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
