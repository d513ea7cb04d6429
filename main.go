// Command shaipin turns a city's monthly county indicator workbooks into a
// ranked leaderboard (晒拼): every indicator ranked, 前三/后三 tiers, a
// per-unit tally, an overall board, as a terminal table, JSON, CSV, an
// offline HTML report and an Excel summary.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/rank"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// usageError marks a mistake in the command line: exit status 2.
type usageError struct{ err error }

// Error returns the message of the underlying error.
func (e usageError) Error() string { return e.err.Error() }

// Unwrap returns the underlying error.
func (e usageError) Unwrap() error { return e.err }

// run is the whole program; it returns the exit status. It is the one
// place that decides it: actions return plain errors.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.Run(interspersed(app, args))
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "用法错误:%v\n运行 shaipin --help 查看用法。\n", ue.err)
		return 2
	}
	var list data.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "共 %d 个问题,请修改后重试。\n", len(list))
		return 1
	}
	fmt.Fprintf(stderr, "错误:%v\n", err)
	return 1
}

func onUsageError(_ *cli.Context, err error, _ bool) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return usageError{fmt.Errorf("未知选项 %s", name)}
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return usageError{fmt.Errorf("选项 %s 需要一个值", name)}
	}
	if strings.HasPrefix(msg, "invalid value") {
		return usageError{fmt.Errorf("选项的值无效:%s", msg)}
	}
	return usageError{err}
}

const tieHelp = `并列规则:competition(默认,美式)或 dense(中国式)。
	数值 95、90、90、85 → competition:1、2、2、4;dense:1、2、2、3`

// inputFlags say what to read and the limits against hostile files.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "period", Usage: "期间,如 2022-04:单个文件时指定其期间;多个文件时选择要排名的期间(默认最新)"},
		&cli.Int64Flag{Name: "max-unzip-mb", Value: data.DefaultMaxUnzipSize >> 20, Usage: "工作簿解压后的大小上限(MB),超过即拒绝"},
		&cli.Int64Flag{Name: "max-sheet-mb", Value: data.DefaultMaxSheetSize >> 20, Usage: "单个工作表解压后的大小上限(MB),超过即拒绝"},
	}
}

// rankFlags are the inputs plus the rules of every command that ranks.
func rankFlags() []cli.Flag {
	return append(inputFlags(),
		&cli.StringFlag{Name: "ties", Value: string(rank.Competition), Usage: tieHelp},
		&cli.IntFlag{Name: "top", Value: 3, Usage: "前档(红旗)名次数"},
		&cli.IntFlag{Name: "bottom", Value: 3, Usage: "后档(黄旗)名次数"},
		&cli.StringFlag{Name: "score", Value: string(rank.MinMax), Usage: "综合得分方法:minmax(每项最优 100、最差 0,线性)或 rank(按名次给分)"},
	)
}

func newApp(stdout, stderr io.Writer) *cli.App {
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "显示帮助"}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "显示版本"}
	app := &cli.App{
		Name:      "shaipin",
		Usage:     "晒拼:把各县(市、区)的月度指标工作簿变成排名榜单",
		Version:   version,
		Writer:    stdout,
		ErrWriter: stderr,
		Description: `读取指标工作簿(.xlsx),对每项指标排名,划分前三(红旗)/后三(黄旗),
统计每个单位的档次项数,计算综合得分总榜。不指定输入文件时使用内置示例数据
(金华市 2022年1—4月;4月数字摘自公开报道,1—3月为模拟数据)。输入格式见 docs/input.md。`,
		OnUsageError:          onUsageError,
		HideHelpCommand:       true,
		EnableBashCompletion:  false,
		CustomAppHelpTemplate: "",
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(stderr, "未知命令 %q\n", name)
		},
		Commands: []*cli.Command{
			rankCommand(),
			validateCommand(),
			reportCommand(),
			sampleCommand(), templateCommand(), mergeCommand(),
		},
		ExitErrHandler: func(*cli.Context, error) {},
	}
	for _, cmd := range app.Commands {
		if cmd.UsageText == "" {
			cmd.UsageText = strings.TrimSpace("shaipin " + cmd.Name + " [选项] " + cmd.ArgsUsage)
		}
	}
	app.Action = func(c *cli.Context) error {
		if c.Args().Len() > 0 {
			return usageError{fmt.Errorf("未知命令 %q(可用:rank、validate、report、sample、template、merge)", c.Args().First())}
		}
		return cli.ShowAppHelp(c)
	}
	return app
}

// options reads the ranking rules from the flags.
func options(c *cli.Context) (rank.Options, error) {
	o := rank.DefaultOptions()
	o.Ties = rank.TieMode(c.String("ties"))
	o.Top, o.Bottom = c.Int("top"), c.Int("bottom")
	o.Score = rank.ScoreMethod(c.String("score"))
	var err error
	if o.Period, err = monthFlag(c); err != nil {
		return o, err
	}
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

// monthFlag reads --period; the zero Month when it is not given.
func monthFlag(c *cli.Context) (data.Month, error) {
	s := c.String("period")
	if s == "" {
		return 0, nil
	}
	m, err := data.ParseMonth(s)
	if err != nil {
		return 0, usageError{fmt.Errorf("--period %q 无法识别,应写作 2022-04、202204 或 2022年4月", s)}
	}
	return m, nil
}

// readInputs reads the inputs, or the embedded sample when there are none.
func readInputs(c *cli.Context) (*data.Dataset, error) {
	period, err := monthFlag(c)
	if err != nil {
		return nil, err
	}
	opts := data.Options{
		Period:       period,
		MaxUnzipSize: c.Int64("max-unzip-mb") << 20,
		MaxSheetSize: c.Int64("max-sheet-mb") << 20,
	}
	if c.Args().Len() == 0 {
		return data.Sample(opts)
	}
	return data.Load(opts, c.Args().Slice()...)
}

// load reads the inputs for ranking; the note about the sample and the
// warnings go to stderr so that stdout stays clean JSON or CSV.
func load(c *cli.Context) (*data.Dataset, error) {
	if c.Args().Len() == 0 {
		fmt.Fprintln(c.App.ErrWriter, "未指定输入文件,使用内置示例数据(金华市 2022年1—4月:4月数字摘自公开报道,1—3月为演示用模拟数据)。")
	}
	ds, err := readInputs(c)
	if ds != nil {
		for _, w := range ds.Warnings {
			fmt.Fprintf(c.App.ErrWriter, "警告:%v\n", w)
		}
	}
	return ds, err
}

// compute loads and ranks.
func compute(c *cli.Context) (*rank.Result, error) {
	o, err := options(c)
	if err != nil {
		return nil, err
	}
	ds, err := load(c)
	if err != nil {
		return nil, err
	}
	return rank.Compute(ds, o)
}

func rankCommand() *cli.Command {
	return &cli.Command{
		Name:      "rank",
		Usage:     "排名并输出结果(表格、JSON 或 CSV)",
		ArgsUsage: "[工作簿.xlsx 或目录 ...]",
		Flags: append(rankFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "输出格式:table(终端表格)、json 或 csv(UTF-8 带 BOM,Excel 可直接打开)"}),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			format := c.String("format")
			write, ok := formats[format]
			if !ok {
				return usageError{fmt.Errorf("--format 只能是 table、json 或 csv,而不是 %q", format)}
			}
			res, err := compute(c)
			if err != nil {
				return err
			}
			return write(c.App.Writer, res)
		},
	}
}

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:         "validate",
		Usage:        "检查工作簿,列出全部问题(每行一个:文件: 工作表!单元格: 说明)",
		ArgsUsage:    "[工作簿.xlsx 或目录 ...]",
		Flags:        inputFlags(),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			ds, err := readInputs(c)
			if ds != nil {
				for _, w := range ds.Warnings {
					fmt.Fprintf(c.App.Writer, "警告:%v\n", w)
				}
			}
			if err != nil {
				return err
			}
			for _, p := range ds.Periods {
				fmt.Fprintln(c.App.Writer, summary(p))
			}
			fmt.Fprintln(c.App.Writer, "检查通过。")
			return nil
		},
	}
}

// summary describes one period in a line.
func summary(p *data.Period) string {
	groups := map[string]bool{}
	missing, cells, unranked := 0, 0, 0
	for _, ind := range p.Indicators {
		groups[ind.Group] = true
		if !ind.Ranked {
			unranked++
		}
		for _, v := range ind.Values {
			cells++
			if !v.OK {
				missing++
			}
		}
	}
	s := fmt.Sprintf("%s: 期间 %s,%d 个单位,%d 项指标(%d 个分组", p.File, p.Month, len(p.Units), len(p.Indicators), len(groups))
	if unranked > 0 {
		s += fmt.Sprintf(",其中 %d 项不参与排名", unranked)
	}
	return s + fmt.Sprintf("),%d 个数值中未报送 %d 个。单位:%s", cells, missing, strings.Join(p.Units, "、"))
}

// interspersed moves the flags a user writes after the file arguments
// (shaipin report 2022-04.xlsx -o 报告/) in front of them: urfave/cli, like
// Go's flag package, stops reading flags at the first argument. Flags it
// does not know are moved too, so the usage error still names them.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 3 {
		return args
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, files []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			files = append(files, rest[i:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			files = append(files, a)
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if takesValue[name] && !hasValue && i+1 < len(rest) {
			i++
			flags = append(flags, rest[i])
		}
	}
	out := append([]string{}, args[:2]...)
	out = append(out, flags...)
	return append(out, files...)
}
