package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shaipin/data/sample"
)

// Tests never open a browser nor play Explorer unless they say so.
func init() {
	openHTML = func(string) error { return errors.New("测试中不打开浏览器") }
	startedByExplorer = func() bool { return false }
}

// recordOpens makes openHTML record the files it is asked to open.
func recordOpens(t *testing.T) *[]string {
	t.Helper()
	var opened []string
	saved := openHTML
	openHTML = func(path string) error { opened = append(opened, path); return nil }
	t.Cleanup(func() { openHTML = saved })
	return &opened
}

// playExplorer makes the program believe Explorer started it.
func playExplorer(t *testing.T) {
	saved := startedByExplorer
	startedByExplorer = func() bool { return true }
	t.Cleanup(func() { startedByExplorer = saved })
}

// sampleMonths writes the embedded sample months into dir.
func sampleMonths(t *testing.T, dir string) []string {
	t.Helper()
	names, contents := sample.Files()
	var paths []string
	for i, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, contents[i], 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestDropped: files and folders alone are a report beside the first of
// them; anything else is left to the command line.
func TestDropped(t *testing.T) {
	root := filepath.Join(t.TempDir(), "晒拼 数据")
	months := sampleMonths(t, filepath.Join(root, "四月 报送"))
	folder := filepath.Dir(months[0])
	t.Chdir(folder)
	report := func(out string, files ...string) []string {
		return append([]string{"shaipin", "report", "--open", "--out", out}, files...)
	}
	app := newApp(nil, nil)
	for _, c := range []struct {
		name string
		args []string
		want []string // nil: not a drop
	}{
		{"files only", []string{"shaipin", months[3], months[2]}, report(filepath.Join(folder, "晒拼报告"), months[3], months[2])},
		{"folder: beside it", []string{"shaipin", folder}, report(filepath.Join(root, "晒拼报告"), folder)},
		{"folder with a trailing separator", []string{"shaipin", folder + "/"}, report(filepath.Join(root, "晒拼报告"), folder+"/")},
		{"relative file", []string{"shaipin", "2022-04.xlsx"}, report(filepath.Join(folder, "晒拼报告"), "2022-04.xlsx")},
		{"current folder", []string{"shaipin", "."}, report(filepath.Join(root, "晒拼报告"), ".")},
		{"folder first, then a file", []string{"shaipin", root, months[0]}, report(filepath.Join(filepath.Dir(root), "晒拼报告"), root, months[0])},
		{"no arguments", []string{"shaipin"}, nil},
		{"a command", []string{"shaipin", "report", months[3]}, nil},
		{"a mistyped command", []string{"shaipin", "reprot", months[3]}, nil},
		{"a missing file", []string{"shaipin", months[3], "2022-05.xlsx"}, nil},
		{"an option", []string{"shaipin", months[3], "--ties", "dense"}, nil},
		{"only an option", []string{"shaipin", "--version"}, nil},
	} {
		got, ok := dropped(app, c.args)
		if ok != (c.want != nil) || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: dropped(%q) = %q, %v; want %q", c.name, c.args, got, ok, c.want)
		}
	}
}

// TestDropRun: workbooks dropped on shaipin.exe become a report in
// 晒拼报告 beside the first, opened in the browser; names that are not
// files are usage errors.
func TestDropRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "D盘", "晒拼 2022")
	months := sampleMonths(t, dir)
	opened := recordOpens(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"shaipin", months[3], months[2]}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	html := filepath.Join(dir, "晒拼报告", "金华市2022年4月晒拼排名.html")
	if !reflect.DeepEqual(*opened, []string{html}) {
		t.Errorf("opened %q, want %q", *opened, html)
	}
	for _, ext := range []string{".html", ".xlsx", ".json"} {
		p := strings.TrimSuffix(html, ".html") + ext
		if _, err := os.Stat(p); err != nil || !strings.Contains(stdout.String(), p+"\n") {
			t.Errorf("%s not written and listed: %v\n%s", p, err, stdout.String())
		}
	}
	if !strings.Contains(stderr.String(), "已在默认浏览器中打开 "+html) {
		t.Errorf("stderr %q", stderr.String())
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `未知命令 "frobnicate"`},
		{[]string{"2022-05.xlsx"}, `找不到文件或文件夹 "2022-05.xlsx"`},
		{[]string{months[3], filepath.Join(dir, "2022-05.xlsx")}, `找不到文件或文件夹 "` + filepath.Join(dir, "2022-05.xlsx") + `"`},
		{[]string{filepath.Join(dir, "五月")}, `找不到文件或文件夹`},
		{[]string{months[3], "--open"}, "只给文件时不能带选项 --open"},
	} {
		stdout.Reset()
		stderr.Reset()
		code := run(append([]string{"shaipin"}, c.args...), &stdout, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
}

// TestExplorerStart: a double-click without files explains what to do,
// in Chinese, instead of the help of a command line.
func TestExplorerStart(t *testing.T) {
	playExplorer(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{`C:\Users\用户\下载\shaipin.exe`}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if stdout.String() != explorerHelp || stderr.Len() != 0 {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	for _, want := range []string{"拖到 shaipin.exe", "晒拼报告", "shaipin sample"} {
		if !strings.Contains(explorerHelp, want) {
			t.Errorf("the help does not say %q", want)
		}
	}
}

// TestReportOpen: --open opens the HTML once the report is written; a
// browser that cannot start is a warning, not a failure.
func TestReportOpen(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1650000000")
	dir := filepath.Join(t.TempDir(), "报告 输出")
	opened := recordOpens(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"shaipin", "report", "-o", dir, "--open"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := []string{filepath.Join(dir, "金华市2022年4月晒拼排名.html")}; !reflect.DeepEqual(*opened, want) {
		t.Errorf("opened %q, want %q", *opened, want)
	}
	*opened = nil
	if run([]string{"shaipin", "report", "-o", dir}, &stdout, &stderr); len(*opened) != 0 {
		t.Errorf("opened %q without --open", *opened)
	}

	openHTML = func(string) error { return errors.New("no browser") }
	stderr.Reset()
	if code := run([]string{"shaipin", "report", "-o", dir, "--open"}, &stdout, &stderr); code != 0 {
		t.Errorf("exit %d when the browser fails", code)
	}
	if !strings.Contains(stderr.String(), "警告:无法打开浏览器(no browser),请直接双击打开 "+dir) {
		t.Errorf("stderr %q", stderr.String())
	}
}
