//go:build windows

package main

import "testing"

// TestDropReportDirWindows: drives and shares as Explorer passes them.
func TestDropReportDirWindows(t *testing.T) {
	for first, want := range map[string]string{
		`D:\晒拼\2022年4月\金华市 2022-04.xlsx`: `D:\晒拼\2022年4月\晒拼报告`,
		`D:\晒拼\2022年4月`:                  `D:\晒拼\晒拼报告`,
		`D:\晒拼\2022年4月\`:                 `D:\晒拼\晒拼报告`,
		`D:\`:                            `D:\晒拼报告`,
		`\\server\共享\晒拼\2022-04.xlsx`:    `\\server\共享\晒拼\晒拼报告`,
		`\\server\共享\晒拼`:                 `\\server\共享\晒拼报告`,
		`\\server\共享\`:                   `\\server\共享\晒拼报告`,
		`d:/晒拼/2022-04.xlsx`:             `d:\晒拼\晒拼报告`,
	} {
		if got := dropReportDir(first); got != want {
			t.Errorf("dropReportDir(%q) = %q, want %q", first, got, want)
		}
	}
}
