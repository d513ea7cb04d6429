//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// setupConsole switches the console's output code page to UTF-8 (65001)
// and returns what puts the user's back. Go writes text to a console
// window through WriteConsoleW, whatever the code page; the code page
// decides how cmd.exe, PowerShell and tools such as more or findstr read
// shaipin's UTF-8 when it is piped to them, which with the Chinese
// default, 936 (GBK), is mojibake.
func setupConsole() (restore func()) {
	const utf8 = 65001
	old, err := windows.GetConsoleOutputCP()
	if err != nil || old == utf8 {
		return func() {}
	}
	if windows.SetConsoleOutputCP(utf8) != nil {
		return func() {}
	}
	return func() { windows.SetConsoleOutputCP(old) }
}

// waitKey returns when a key is pressed in the console of in: line
// input is turned off so that Enter is not needed.
func waitKey(in *os.File) {
	h := windows.Handle(in.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) == nil {
		windows.FlushConsoleInputBuffer(h)
		windows.SetConsoleMode(h, mode&^(windows.ENABLE_LINE_INPUT|windows.ENABLE_ECHO_INPUT))
		defer windows.SetConsoleMode(h, mode)
	}
	in.Read(make([]byte, 8))
}
