package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestHints: when data refuses a file for a limit or a missing period,
// main names the flag that changes it, on every command that reads.
func TestHints(t *testing.T) {
	dir := t.TempDir()
	zipOf := func(name string, parts map[string]int) string {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for part, size := range parts {
			w, _ := zw.Create(part)
			w.Write(bytes.Repeat([]byte(" "), size))
		}
		zw.Close()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	bigSheet := zipOf("2022-04.xlsx", map[string]int{"xl/worksheets/sheet1.xml": 3 << 19})
	bigBook := zipOf("2022-05.xlsx", map[string]int{"xl/a.xml": 700 << 10, "xl/b.xml": 700 << 10})
	noPeriod := filepath.Join(dir, "月报.xlsx")
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"地区", "GDP增速(%)"})
	x.SetSheetRow("Sheet1", "A2", &[]any{"婺城区", 5.1})
	if err := x.SaveAs(noPeriod); err != nil {
		t.Fatal(err)
	}
	sheetHint := "MB,已拒绝(可用 --max-sheet-mb 调整)\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--max-sheet-mb", "1", bigSheet}, sheetHint},
		{[]string{"rank", bigBook, "--max-unzip-mb", "1"}, "2022-05.xlsx: 文件过大:解压后超过 1 MB,已拒绝(可用 --max-unzip-mb 调整)\n"},
		{[]string{"template", "-i", bigSheet, "--max-sheet-mb", "1", "-o", filepath.Join(dir, "t.xlsx")}, sheetHint},
		{[]string{"merge", bigSheet, "--max-sheet-mb", "1", "-o", filepath.Join(dir, "m.xlsx")}, sheetHint},
		{[]string{"validate", noPeriod}, "或把文件命名为 2022-04.xlsx,或使用 --period 2022-04\n"},
	} {
		_, stderr, code := shaipin(t, c.args...)
		if code != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d\n%s\nwant a line ending %q", c.args, code, stderr, c.want)
		}
	}
}
