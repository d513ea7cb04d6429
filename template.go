package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/data/sample"
	"shaipin/out"
)

// templateCommand writes the fill-in form sent to the units each month.
func templateCommand() *cli.Command {
	return &cli.Command{
		Name:      "template",
		Usage:     "生成填报模板:发给各单位填写、交回后用 merge 汇总",
		ArgsUsage: " ",
		Description: `写出一份输入格式的填报工作簿:填报说明、各数据表(表头和单位名称锁定,
数值格有数据验证)、参数、单位、指标说明。指标、分组和表格布局取自 -i 指定的上一期工作簿,
不指定时取内置示例。--unit 只含一个单位的一行;--each-unit 为每个单位各写一份。`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Usage: "上一期的工作簿:沿用其指标、单位和表格布局(默认用内置示例的)"},
			&cli.StringFlag{Name: "period", Usage: "模板的期间,如 2022-05(默认为上一期的下一个月)"},
			&cli.StringFlag{Name: "unit", Usage: "只为这个单位生成填报表(只含该单位一行),如 义乌市"},
			&cli.BoolFlag{Name: "each-unit", Usage: "为每个单位各生成一份填报表,写入 -o 指定的目录"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "输出文件(默认 <期间>-填报模板.xlsx);--each-unit 时为目录(默认 <期间>-填报表)"},
			&cli.Int64Flag{Name: "max-unzip-mb", Value: data.DefaultMaxUnzipSize >> 20, Usage: "工作簿解压后的大小上限(MB),超过即拒绝"},
		},
		OnUsageError: onUsageError,
		Action:       templateAction,
	}
}

func templateAction(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) > 0 {
		return usageError{fmt.Errorf("template 不接受文件参数 %q;上一期的工作簿用 -i 指定", args[0])}
	}
	if c.String("unit") != "" && c.Bool("each-unit") {
		return usageError{errors.New("--unit 和 --each-unit 只能选一个")}
	}
	opts := data.Options{MaxUnzipSize: c.Int64("max-unzip-mb") << 20}
	var (
		src *data.Form
		err error
	)
	fromSample := c.String("input") == ""
	if fromSample {
		fmt.Fprintln(c.App.ErrWriter, "未指定 -i,沿用内置示例的指标和单位(金华市 2022年4月)。")
		src, _, err = data.ReadForm(sample.FileName, sample.Xlsx, opts)
	} else {
		src, err = readForm(c, c.String("input"), opts)
	}
	if err != nil {
		return err
	}
	period, err := monthFlag(c)
	if err != nil {
		return err
	}
	if period.IsZero() {
		period = src.Period.Month.Next()
	}
	blank := blankPeriod(src.Period, period, fromSample)
	write := func(path, unit string) error {
		err := out.WriteFile(path, func(w io.Writer) error {
			return data.WriteForm(w, blank, data.FormOptions{Aliases: src.Aliases, Form: true, Unit: unit})
		})
		if err == nil {
			fmt.Fprintln(c.App.Writer, path)
		}
		return err
	}
	switch {
	case c.Bool("each-unit"):
		dir := c.String("out")
		if dir == "" {
			dir = period.String() + "-填报表"
		}
		for _, u := range blank.Units {
			if err := write(filepath.Join(dir, period.String()+"-"+fileSafe(u)+".xlsx"), u); err != nil {
				return err
			}
		}
		return nil
	case c.String("unit") != "":
		unit, err := data.ResolveUnit(blank.Units, src.Aliases, c.String("unit"))
		if err != nil {
			return usageError{fmt.Errorf("--unit %q %w(可选:%s)", c.String("unit"), err, strings.Join(blank.Units, "、"))}
		}
		path := c.String("out")
		if path == "" {
			path = period.String() + "-" + fileSafe(unit) + ".xlsx"
		}
		return write(path, unit)
	default:
		path := c.String("out")
		if path == "" {
			path = period.String() + "-填报模板.xlsx"
		}
		return write(path, "")
	}
}

// blankPeriod is the template's period: src's units and indicators with
// no values, for another period, retitled.
func blankPeriod(src *data.Period, period data.Month, fromSample bool) *data.Period {
	p := &data.Period{Month: period, Title: src.Title, Source: src.Source, Units: append([]string(nil), src.Units...)}
	if fromSample {
		p.Source = ""
		for _, s := range []string{"(示例数据)", "(示例数据)"} {
			p.Title = strings.ReplaceAll(p.Title, s, "")
		}
	}
	p.Title = retitle(p.Title, src.Month, period)
	for _, ind := range src.Indicators {
		c := *ind
		c.Values = make([]data.Value, len(p.Units))
		p.Indicators = append(p.Indicators, &c)
	}
	return p
}

// titleMonths finds a period in a title: 2022年4月, 2022年1—4月.
var titleMonths = regexp.MustCompile(`(\d{4})年(?:(\d{1,2})\s*[—–-]+\s*)?(\d{1,2})月`)

// retitle moves a title from one period to another: 金华市2022年1—4月晒拼
// becomes 金华市2022年1—5月晒拼. A title naming no period, or another one,
// is replaced by the default.
func retitle(title string, from, to data.Month) string {
	if from == to && title != "" {
		return title
	}
	def := to.Label() + "晒拼指标排名"
	m := titleMonths.FindStringSubmatchIndex(title)
	if m == nil {
		return def
	}
	y, _ := strconv.Atoi(title[m[2]:m[3]])
	mo, _ := strconv.Atoi(title[m[6]:m[7]])
	if data.NewMonth(y, mo) != from {
		return def
	}
	ty, tm := to.Year(), to.MonthOfYear()
	label := to.Label()
	if m[4] >= 0 {
		start, _ := strconv.Atoi(title[m[4]:m[5]])
		dash := strings.TrimSpace(strings.TrimLeft(title[m[4]:m[6]], "0123456789"))
		if ty != y {
			start = 1
		}
		if start < tm {
			label = fmt.Sprintf("%d年%d%s%d月", ty, start, dash, tm)
		}
	}
	return title[:m[0]] + label + title[m[1]:]
}

// fileSafe makes a unit name usable in a file name.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
}
