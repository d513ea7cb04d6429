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
	"regexp"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/out"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	restore := setupConsole()
	limitMemory()
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
	app.Metadata = map[string]any{argsKey: args}
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
	{data.ErrPeriodMismatch, ",或用 --" + flagPeriod + " 指定本文件的期间"},
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

// note prints what the reader left out or read in an unusual way (files
// that are not data, total rows, a transposed table), one a line.
func note(w io.Writer, notes data.ErrorList) {
	for _, e := range notes {
		fmt.Fprintf(w, "提示:%v\n", e)
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

// argsKey keys the command line in cli.App.Metadata, so that usage
// errors name a flag as the user typed it.
const argsKey = "args"

// flagMessage matches the flag package's messages, which name a flag
// with one dash whatever was typed.
var flagMessage = regexp.MustCompile(`^(?:(flag provided but not defined|flag needs an argument): -(\S+)|invalid (?:boolean )?value "(.*)" for (?:flag )?-(\S+?): .*)$`)

// onUsageError words the flag package's errors in Chinese: the flag as
// typed (--top), and what value it takes.
func onUsageError(c *cli.Context, err error, _ bool) error {
	m := flagMessage.FindStringSubmatch(err.Error())
	if m == nil {
		return usageError{err}
	}
	var args []string
	if c != nil && c.App != nil {
		args, _ = c.App.Metadata[argsKey].([]string)
	}
	switch m[1] {
	case "flag provided but not defined":
		return usageError{fmt.Errorf("未知选项 %s", typedFlag(args, m[2]))}
	case "flag needs an argument":
		return usageError{fmt.Errorf("选项 %s 需要一个值", typedFlag(args, m[2]))}
	}
	return usageError{fmt.Errorf("选项 %s 的值 %q 无效%s", typedFlag(args, m[4]), m[3], valueKind(c, m[4]))}
}

// typedFlag is a flag as the command line wrote it: --top or -top.
func typedFlag(args []string, name string) string {
	for _, a := range args {
		a, _, _ = strings.Cut(a, "=")
		if a == "--"+name || a == "-"+name {
			return a
		}
	}
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// valueKind says what a flag takes, for the message about a bad value.
func valueKind(c *cli.Context, name string) string {
	if c == nil || c.Command == nil {
		return ""
	}
	for _, f := range c.Command.Flags {
		if !slices.Contains(f.Names(), name) {
			continue
		}
		switch f.(type) {
		case *cli.IntFlag, *cli.Int64Flag, *cli.UintFlag, *cli.Uint64Flag:
			return ":应为整数"
		case *cli.BoolFlag:
			return ":这个选项不带值"
		}
	}
	return ""
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
