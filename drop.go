package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/inconshreveable/mousetrap"
	"github.com/urfave/cli/v2"
)

// dropFolder is where a drop's report goes, beside the first input.
const dropFolder = "晒拼报告"

// startedByExplorer reports whether shaipin.exe was double-clicked, or
// had files dropped on it, in Explorer: the console window closes with
// the program, so it waits for a key (main) and explains itself (run).
// A variable so that tests can play Explorer.
var startedByExplorer = sync.OnceValue(mousetrap.StartedByExplorer)

// explorerHelp is what a double-click without files shows instead of the
// help of a command line the user never sees.
const explorerHelp = `shaipin(晒拼)把各县(市、区)的月度指标工作簿变成排名榜单。

用法:把一个或几个指标工作簿(.xlsx),或装着它们的文件夹,用鼠标拖到 shaipin.exe 的图标上松开。
排名报告会写入第一个工作簿旁边的「晒拼报告」文件夹,并自动在浏览器中打开。

先看看效果:把本文件夹里的「示例-2022-04.xlsx」拖到 shaipin.exe 上;
没有这个文件时,在本文件夹的地址栏输入 cmd 并回车,运行 shaipin sample 即可得到它。
`

// dropped rewrites the command line Windows gives a program when files
// are dropped on it (shaipin.exe D:\晒拼\2022-04.xlsx …), and a command
// line of files and folders only, into a report on them beside the first,
// opened in the browser. ok is false when args are anything else: a
// command, an option, or a name that is no file or folder (a typo of a
// command stays an unknown command).
func dropped(app *cli.App, args []string) (report []string, ok bool) {
	if len(args) < 2 || app.Command(args[1]) != nil {
		return nil, false
	}
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "-") {
			return nil, false
		}
		if _, err := os.Stat(a); err != nil {
			return nil, false
		}
	}
	report = []string{args[0], "report", "--open", "--" + flagOut, dropReportDir(args[1])}
	return append(report, args[1:]...), true
}

// dropReportDir is the 晒拼报告 folder beside first: in the folder of a
// workbook, in the parent of a folder (or in a drive's or share's root,
// D:\ or \\server\共享\, when first is one).
func dropReportDir(first string) string {
	if abs, err := filepath.Abs(first); err == nil {
		first = abs
	}
	return filepath.Join(filepath.Dir(first), dropFolder)
}

// pause keeps the console window of a program started from Explorer open
// until a key is pressed, so that its messages can be read.
func pause(in *os.File, w io.Writer) {
	fmt.Fprint(w, "\n按任意键关闭窗口……")
	waitKey(in)
}

// notFound is the error of a command line of names that look like files
// (a path, a workbook's extension) when one of them is not there: a
// mistyped file name, not an unknown command. nil when they do not look
// like files.
func notFound(args []string) error {
	if !looksLikeFile(args[0]) {
		return nil
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			return fmt.Errorf("只给文件时不能带选项 %s;请用 shaipin report [选项] 文件…", a)
		}
		if _, err := os.Stat(a); err != nil {
			return fmt.Errorf("找不到文件或文件夹 %q", a)
		}
	}
	return nil
}

// looksLikeFile reports whether a command-line word is meant as a file.
func looksLikeFile(a string) bool {
	if strings.ContainsAny(a, `/\`) {
		return true
	}
	if _, err := os.Stat(a); err == nil {
		return true
	}
	switch strings.ToLower(filepath.Ext(a)) {
	case ".xlsx", ".xlsm", ".xls", ".et":
		return true
	}
	return false
}
