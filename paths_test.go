package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestPaths runs every command on files in folders with Chinese names,
// spaces, and a path far beyond Windows' old 260-character limit (each
// name as long as this system allows: 80 Chinese characters).
func TestPaths(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1650000000")
	long := filepath.Join(t.TempDir(), "共享 文件夹", strings.Repeat("晒", 80), strings.Repeat("拼", 80), strings.Repeat("榜", 80), "2022年 4月")
	if n := len(utf16.Encode([]rune(long))); n < 260 {
		t.Fatalf("path of %d characters is not long", n)
	}
	wb := filepath.Join(long, "报送 数据", "金华市 2022-04 汇总.xlsx")
	forms := filepath.Join(long, "各单位 填报表")
	for _, c := range []struct {
		args []string
		want []string // the files it must write
	}{
		{[]string{"sample", "-o", wb}, []string{wb}},
		{[]string{"validate", wb}, nil},
		{[]string{"rank", "--format", "csv", wb}, nil},
		{[]string{"report", wb, "-o", filepath.Join(long, "报告 输出")}, []string{filepath.Join(long, "报告 输出", "金华市2022年4月晒拼排名.xlsx")}},
		{[]string{"template", "-i", wb, "-o", filepath.Join(long, "5月 模板.xlsx")}, []string{filepath.Join(long, "5月 模板.xlsx")}},
		{[]string{"template", "-i", wb, "--each-unit", "-o", forms}, []string{filepath.Join(forms, "2022-05-金华开发区.xlsx")}},
		{[]string{"merge", wb, "-o", filepath.Join(long, "汇总 结果.xlsx")}, []string{filepath.Join(long, "汇总 结果.xlsx")}},
		{[]string{filepath.Dir(wb)}, []string{filepath.Join(long, "晒拼报告", "金华市2022年4月晒拼排名.html")}}, // a drop
	} {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"shaipin"}, c.args...), &stdout, &stderr); code != 0 {
			t.Errorf("%s: exit %d: %s", c.args[0], code, stderr.String())
		}
		for _, p := range c.want {
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s: %v", c.args[0], err)
			}
		}
	}
}

// TestReservedOutputNames: outputs Windows could not open are refused,
// with the reason, and nothing is written.
func TestReservedOutputNames(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sample", "-o", filepath.Join(dir, "CON.xlsx")}, "文件名「CON.xlsx」在 Windows 上不能使用:CON 是 Windows 保留的设备名"},
		{[]string{"sample", "-o", filepath.Join(dir, "lpt1")}, "lpt1 是 Windows 保留的设备名"},
		{[]string{"template", "-o", filepath.Join(dir, "模板.xlsx.")}, "以点或空格结尾"},
		{[]string{"sample", "-o", filepath.Join(dir, "汇总?.xlsx")}, "含有 Windows 不允许的字符 ?"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"shaipin"}, c.args...), &stdout, &stderr)
		if code == 0 || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %q", c.args, code, stderr.String(), c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("written: %v", entries)
	}
}
