package main

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"shaipin/out/officetest"
	"slices"
	"strings"
	"testing"

	"shaipin/data/sample"
)

// checksums is the SHA-256 of every file under dir, by relative path.
func checksums(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	sums := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		sums[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// resaveAsExcel rewrites the Application property as Excel does when it
// saves a workbook; the cells stay as they were.
func resaveAsExcel(t *testing.T, path string) {
	t.Helper()
	if err := officetest.Resave(path, "Microsoft Excel"); err != nil {
		t.Fatal(err)
	}
}

// safetyFolder is an office's folder: in/ the monthly workbooks (not
// written by shaipin), returns/ the units' forms for May as template
// --each-unit wrote them, 义乌市's filled in by a program (which keeps the
// marker) and 兰溪市's saved by Excel (which replaces it), and report/
// last run's report.
func safetyFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	names, contents := sample.Files()
	for i, n := range names {
		if err := os.MkdirAll(filepath.Join(dir, "in"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "in", n), contents[i], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	returns := filepath.Join(dir, "returns")
	if _, errs, code := shaipin(t, "template", "--each-unit", "--period", "2022-05", "-o", returns); code != 0 {
		t.Fatal(errs)
	}
	fm := openForm(t, filepath.Join(returns, "2022-05-义乌市.xlsx"))
	fm.set(qiZhang, "义乌市", "管控力量化指数", 91.86)
	fm.save()
	resaveAsExcel(t, filepath.Join(returns, "2022-05-兰溪市.xlsx"))
	if _, errs, code := shaipin(t, "report", filepath.Join(dir, "in"), "-o", filepath.Join(dir, "report")); code != 0 {
		t.Fatal(errs)
	}
	return dir
}

// buildSafety makes what the safety-* CLI cases would write over: in/ a
// workbook, returns/ the forms of May with 义乌市's filled in, report/
// April's report with its HTML replaced by a page written by hand.
func buildSafety(t *testing.T, dir, april string) {
	t.Helper()
	src, err := os.ReadFile(april)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "in"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "in", "2022-04.xlsx"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"template", "--each-unit", "--period", "2022-05", "-o", filepath.Join(dir, "returns")},
		{"report", april, "-o", filepath.Join(dir, "report")},
	} {
		if _, errs, code := shaipin(t, args...); code != 0 {
			t.Fatal(errs)
		}
	}
	fm := openForm(t, filepath.Join(dir, "returns", "2022-05-义乌市.xlsx"))
	fm.set(qiZhang, "义乌市", "管控力量化指数", 91.86)
	fm.save()
	if err := os.WriteFile(filepath.Join(dir, "report", "2022年4月晒拼排名.html"), []byte("<p>手写的说明</p>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// reportFiles are the names of April's report.
var reportFiles = []string{"金华市2022年4月晒拼排名.html", "金华市2022年4月晒拼排名.xlsx", "金华市2022年4月晒拼排名.json"}

// TestNeverOverwrite runs every writing command against an office's
// folder: no input and no file shaipin did not write (or that was edited
// since) is ever changed, whether named, found in a folder, linked, or with
// --force for an input; a refused run writes nothing at all; a command's
// own unedited outputs are replaced.
func TestNeverOverwrite(t *testing.T) {
	const (
		in      = "in/"
		returns = "returns/"
		report  = "report/"
		yiwu    = returns + "2022-05-义乌市.xlsx" // filled in by a program
		lanxi   = returns + "2022-05-兰溪市.xlsx" // saved by Excel
		wucheng = returns + "2022-05-婺城区.xlsx" // as template wrote it
		april   = in + "2022-04.xlsx"
	)
	prefixed := func(dir string, names []string) []string {
		var out []string
		for _, n := range names {
			out = append(out, dir+n)
		}
		return out
	}
	folder := safetyFolder(t)
	for _, c := range []struct {
		name   string
		args   string
		setup  func(t *testing.T, dir string)
		cwd    string // where it runs, in the folder
		exit   int
		change []string // the files written; every other file stays as it was
		says   string   // in stderr
	}{
		// report
		{name: "report into its input folder", args: "report in -o in --name 2022-04 --force", exit: 1, says: "in/2022-04.xlsx: 是本次读取的输入文件"},
		{name: "report over a named input", args: "report in/2022-04.xlsx in/2022-03.xlsx -o in --name {period} --force", exit: 1, says: "任何情况下都不覆盖"},
		{name: "report over a hard link to an input", args: "report in -o out --name 链接 --force", exit: 1, says: "out/链接.xlsx: 是本次读取的输入文件",
			setup: func(t *testing.T, dir string) {
				os.Mkdir(filepath.Join(dir, "out"), 0o755)
				if err := os.Link(filepath.Join(dir, april), filepath.Join(dir, "out", "链接.xlsx")); err != nil {
					t.Fatal(err)
				}
			}},
		{name: "report -r into a subfolder it reads", args: "report deep -r -o deep/sub --name 2022-04 --force", exit: 1, says: "deep/sub/2022-04.xlsx: 是本次读取的输入文件",
			setup: func(t *testing.T, dir string) {
				b, err := os.ReadFile(filepath.Join(dir, april))
				if err == nil {
					err = os.MkdirAll(filepath.Join(dir, "deep", "sub"), 0o755)
				}
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, "deep", "sub", "2022-04.xlsx"), b, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}},
		{name: "report again", args: "report in -o report", change: prefixed(report, reportFiles)},
		{name: "report over a report edited by hand", args: "report in -o report", exit: 1, says: "又被修改过的报告",
			setup: func(t *testing.T, dir string) {
				fm := openForm(t, filepath.Join(dir, report, reportFiles[1]))
				if err := fm.f.SetCellValue("总榜", "A1", "改过的标题"); err != nil {
					t.Fatal(err)
				}
				fm.save()
			}},
		{name: "report over a report saved by Excel", args: "report in -o report", exit: 1, says: "--force",
			setup: func(t *testing.T, dir string) { resaveAsExcel(t, filepath.Join(dir, report, reportFiles[1])) }},
		{name: "report --force over a report saved by Excel", args: "report in -o report --force", change: prefixed(report, reportFiles),
			setup: func(t *testing.T, dir string) { resaveAsExcel(t, filepath.Join(dir, report, reportFiles[1])) }},
		{name: "report over a template", args: "report in -o returns --name 2022-05-婺城区", exit: 1, says: "填报模板(shaipin template)"},

		// template
		{name: "template over its input", args: "template -i in/2022-04.xlsx -o in/2022-04.xlsx --force", exit: 1, says: "in/2022-04.xlsx: 是本次读取的输入文件"},
		{name: "template --each-unit over returns", args: "template --each-unit --period 2022-05 -o returns", exit: 1,
			says: "2022-05-义乌市.xlsx: 是 shaipin 写出后又被修改过的填报模板"},
		{name: "template --each-unit --force over returns", args: "template --each-unit --period 2022-05 -o returns --force",
			change: []string{returns}},
		{name: "template --unit in the returns folder", args: "template --unit 义乌市 --period 2022-05", cwd: returns, exit: 1,
			says: "2022-05-义乌市.xlsx: 是 shaipin 写出后又被修改过的填报模板(shaipin template),不覆盖;确认要覆盖请加 --force"},
		{name: "template --unit over a return saved by Excel", args: "template --unit 兰溪市 --period 2022-05 -o " + lanxi, exit: 1, says: "不是 shaipin 写出的文件"},
		{name: "template --unit again", args: "template --unit 婺城区 --period 2022-05 -o " + wucheng, change: []string{wucheng}},
		{name: "template over a report", args: "template -o " + report + reportFiles[1], exit: 1, says: "报告(shaipin report)"},

		// merge
		{name: "merge over a return in its folder", args: "merge returns -o " + yiwu + " --force", exit: 1, says: "是本次读取的输入文件"},
		{name: "merge over a named return", args: "merge " + yiwu + " " + wucheng + " -o " + wucheng + " --force", exit: 1, says: "是本次读取的输入文件"},
		{name: "merge over its template", args: "merge returns -t 模板.xlsx -o 模板.xlsx --force", exit: 1, says: "是本次读取的输入文件",
			setup: func(t *testing.T, dir string) {
				if _, errs, code := shaipin(t, "template", "--period", "2022-05", "-o", filepath.Join(dir, "模板.xlsx")); code != 0 {
					t.Fatal(errs)
				}
			}},
		{name: "merge", args: "merge returns -o 汇总.xlsx", change: []string{"汇总.xlsx"}},

		// sample
		{name: "sample over a workbook", args: "sample -o " + april, exit: 1, says: "不是 shaipin 写出的文件"},
		{name: "sample over a report", args: "sample -o " + report + reportFiles[1], exit: 1, says: "报告(shaipin report)"},
		{name: "sample --force over a workbook", args: "sample -o in/新.xlsx --force", change: []string{"in/新.xlsx"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "office")
			if err := os.CopyFS(dir, os.DirFS(folder)); err != nil {
				t.Fatal(err)
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			t.Chdir(filepath.Join(dir, c.cwd))
			before := checksums(t, dir)
			_, stderr, code := shaipin(t, strings.Fields(c.args)...)
			after := checksums(t, dir)
			if code != c.exit || !strings.Contains(stderr, c.says) {
				t.Errorf("exit %d, want %d; stderr does not say %q:\n%s", code, c.exit, c.says, stderr)
			}
			changes := func(path string) bool {
				return slices.ContainsFunc(c.change, func(p string) bool { return path == p || strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) })
			}
			for path, sum := range before {
				if after[path] != sum && !changes(path) {
					t.Errorf("%s changed", path)
				}
			}
			for path := range after {
				if _, ok := before[path]; !ok && !changes(path) {
					t.Errorf("%s written", path)
				}
			}
			for _, p := range c.change {
				if _, ok := after[p]; !ok && !strings.HasSuffix(p, "/") {
					t.Errorf("%s not written", p)
				}
			}
		})
	}
}
