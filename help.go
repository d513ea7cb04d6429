package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// init puts urfave/cli's help screens into Chinese: the users read no
// English, and "(default: 3)" next to a Chinese description is jarring.
func init() {
	r := strings.NewReplacer(
		"NAME:", "名称:", "USAGE:", "用法:", "VERSION:", "版本:", "DESCRIPTION:", "说明:",
		"GLOBAL OPTIONS:", "全局选项:", "COMMANDS:", "命令:", "OPTIONS:", "选项:",
		"[global options]", "[全局选项]", "command [command options]", "命令 [命令选项]",
		"[command options]", "[命令选项]", "[arguments...]", "[参数...]",
	)
	cli.AppHelpTemplate = r.Replace(cli.AppHelpTemplate)
	cli.CommandHelpTemplate = r.Replace(cli.CommandHelpTemplate)
	cli.SubcommandHelpTemplate = r.Replace(cli.SubcommandHelpTemplate)
	english := cli.FlagStringer
	cli.FlagStringer = func(f cli.Flag) string {
		s := english(f)
		s = strings.Replace(s, " (default: false)", "", 1)
		s = strings.Replace(s, "(default: ", "(默认:", 1)
		return strings.Replace(s, " value", " 值", 1)
	}
}
