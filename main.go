// Command shaipin turns a city's monthly county indicator workbooks into a
// ranked leaderboard (晒拼): every indicator ranked, 前三/后三 tiers, a
// per-unit tally, an overall board, as a terminal table, JSON, CSV, an
// offline HTML report and an Excel summary.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/out"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	restore := setupConsole()
	code := run(os.Args, os.Stdout, os.Stderr)
	if startedByExplorer() {
		pause(os.Stdin, os.Stdout)
	}
	restore()
	os.Exit(code)
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
	if len(args) == 1 && startedByExplorer() {
		fmt.Fprint(stdout, explorerHelp)
		return 0
	}
	app := newApp(stdout, stderr)
	if report, ok := dropped(app, args); ok {
		args = report
	}
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
			fmt.Fprintln(stderr, withHint(out.InUse(e)))
		}
		fmt.Fprintf(stderr, "共 %d 个问题,请修改后重试。\n", len(list))
		return 1
	}
	fmt.Fprintf(stderr, "错误:%s\n", withHint(out.InUse(err)))
	return 1
}

// hints say which flag changes what the libraries refused: they know
// nothing of the command line.
var hints = []struct {
	err  error
	hint string
}{
	{data.ErrUnzipLimit, "(可用 --" + flagMaxUnzip + " 调整)"},
	{data.ErrSheetLimit, "(可用 --" + flagMaxSheet + " 调整)"},
	{data.ErrNoPeriod, ",或使用 --" + flagPeriod + " 2022-04"},
	{out.ErrOverwrite, ";确认要覆盖请加 --" + flagForce},
	{out.ErrInput, ";请用 -o 另选输出位置"},
}

// withHint is an error's message followed by the hint that applies to it.
func withHint(err error) string {
	msg := err.Error()
	for _, h := range hints {
		if errors.Is(err, h.err) {
			return msg + h.hint
		}
	}
	return msg
}

// warn prints warnings, one a line: the one way every command shows them.
func warn[E error](w io.Writer, warnings []E) {
	for _, e := range warnings {
		fmt.Fprintf(w, "警告:%v\n", e)
	}
}

// action makes a command's action: its flags are read once into its
// options, then it runs on them.
func action[O any](parse func(*cli.Context) (O, error), run func(context.Context, O, io.Writer, io.Writer) error) cli.ActionFunc {
	return func(c *cli.Context) error {
		opts, err := parse(c)
		if err != nil {
			return err
		}
		return run(c.Context, opts, c.App.Writer, c.App.ErrWriter)
	}
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
			reportCommand(), robustCommand(), noticeCommand(),
			sampleCommand(), templateCommand(), mergeCommand(),
		},
		ExitErrHandler: func(*cli.Context, error) {},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = onUsageError
		if cmd.UsageText == "" {
			cmd.UsageText = strings.TrimSpace("shaipin " + cmd.Name + " [选项] " + cmd.ArgsUsage)
		}
	}
	app.Action = func(c *cli.Context) error {
		if c.Args().Len() > 0 {
			if err := notFound(c.Args().Slice()); err != nil {
				return usageError{err}
			}
			return usageError{fmt.Errorf("未知命令 %q(可用:rank、validate、report、robust、notice、sample、template、merge)", c.Args().First())}
		}
		return cli.ShowAppHelp(c)
	}
	return app
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
