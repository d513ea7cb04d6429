package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cli/browser"
)

// openHTML shows a file in the default browser. On Windows the plain path
// is handed to the shell (ShellExecute), which opens it with the program
// registered for .html: no file:// URL whose escaping of Chinese names or
// \\server\共享 shares could go wrong. A variable so that tests never open
// a browser.
var openHTML = func(path string) error {
	browser.Stdout = os.Stderr // xdg-open's chatter must not join the list of files on stdout
	return browser.OpenURL(path)
}

// openReport opens the report's HTML after it was written. A browser
// that cannot be started is a warning: the report is written.
func openReport(html string, stderr io.Writer) {
	if abs, err := filepath.Abs(html); err == nil {
		html = abs
	}
	if err := openHTML(html); err != nil {
		warn(stderr, []error{fmt.Errorf("无法打开浏览器(%v),请直接双击打开 %s", err, html)})
		return
	}
	fmt.Fprintf(stderr, "已在默认浏览器中打开 %s\n", html)
}
