package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestDirectoryRules: one rule says what a folder holds, for Load and for
// merge: every file is read or named in a note; files that look like data
// are read (and fail with a hint when they cannot be); each file once;
// merge's own template and output are left out.
func TestDirectoryRules(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.xlsx", ".b.xlsx", "~$c.xlsx", "d.XLSX", "e.xls", "f.csv", "g.xlsm", "h.et", "i.ods",
		"README.txt", "说明.docx", "照片.jpg", ".DS_Store", "Thumbs.db", "leaderboard-2022-04.html", "leaderboard-2022-04.json"} {
		writeFile(t, dir, n, []byte("x"))
	}
	os.Mkdir(filepath.Join(dir, "3月"), 0o755)
	writeFile(t, dir, "3月/j.xlsx", []byte("x"))
	in := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	all := in(".b.xlsx", "a.xlsx", "d.XLSX", "e.xls", "f.csv", "g.xlsm", "h.et", "i.ods")
	d := filepath.Join(dir, "d.XLSX")
	for _, c := range []struct {
		name  string
		paths []string
		opts  ListOptions
		want  []string
	}{
		{"folder", []string{dir}, ListOptions{}, all},
		{"twice", []string{dir, dir + "/."}, ListOptions{}, all},
		{"skip", []string{dir}, ListOptions{Skip: []string{d}}, append(in(".b.xlsx", "a.xlsx"), all[3:]...)},
		{"skip named", []string{d, dir}, ListOptions{Skip: []string{d}}, append([]string{d}, append(in(".b.xlsx", "a.xlsx"), all[3:]...)...)},
		{"recursive", []string{dir}, ListOptions{Recursive: true}, append(all[:1], append(in("3月/j.xlsx"), all[1:]...)...)},
	} {
		l, errs := List(c.paths, c.opts)
		if len(errs) != 0 || !reflect.DeepEqual(l.Paths(), c.want) {
			t.Errorf("%s: %v %v, want %v", c.name, l.Paths(), errs, c.want)
		}
	}
	l, _ := List([]string{dir}, ListOptions{})
	notes := l.Notes.Error()
	for _, want := range []string{
		"跳过 shaipin report 生成的报告(不是输入数据):leaderboard-2022-04.html、leaderboard-2022-04.json",
		"不是工作簿,未读取:README.txt、照片.jpg、说明.docx",
		"子文件夹未读取(加 -r 一并读取):3月",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if strings.Contains(notes, "~$") || strings.Contains(notes, "DS_Store") || strings.Contains(notes, "Thumbs") {
		t.Errorf("system files named:\n%s", notes)
	}
	empty := t.TempDir()
	for _, paths := range [][]string{{empty}, {filepath.Join(dir, "missing.xlsx")}} {
		if _, errs := List(paths, ListOptions{}); len(errs) == 0 {
			t.Errorf("%v: no error", paths)
		}
	}
}

// TestListNames: two inputs with one base name are called by their paths.
func TestListNames(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "a"), 0o755)
	os.Mkdir(filepath.Join(dir, "b"), 0o755)
	x := writeFile(t, dir, "a/义乌.xlsx", []byte("x"))
	y := writeFile(t, dir, "b/义乌.xlsx", []byte("x"))
	z := writeFile(t, dir, "b/东阳.xlsx", []byte("x"))
	l, _ := List([]string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}, ListOptions{})
	var got []string
	for _, in := range l.Inputs {
		got = append(got, in.Name)
	}
	if want := []string{x, "东阳.xlsx", y}; !reflect.DeepEqual(got, want) {
		t.Errorf("names %v, want %v", got, want)
	}
	_ = z
}

// TestReadSubmissions: a form that names no period is taken to be of the
// period merged; warnings come with the forms, problems in the error.
func TestReadSubmissions(t *testing.T) {
	dir := t.TempDir()
	noPeriod := writeFile(t, dir, "义乌.xlsx", workbook(t,
		sheet{name: "g", rows: [][]any{{"地区", "a"}, {"甲", 1}}},
		sheet{name: "旧", rows: [][]any{{"地区", "a"}, {"甲", 2}}, hidden: true}))
	bad := writeFile(t, dir, "2022-05-乙.xlsx", monthBook(t, "9l.2"))
	may := ym(t, "2022-05")

	subs, err := ReadSubmissions(inputs(noPeriod, bad), Options{}, may)
	if !errors.Is(err, ErrNotNumber) || errors.Is(err, ErrNoPeriod) {
		t.Errorf("error %v", err)
	}
	if len(subs.Forms) != 1 || subs.Forms[0].File != "义乌.xlsx" || subs.Forms[0].Form.Period.Month != may {
		t.Fatalf("forms %+v", subs.Forms)
	}
	if len(subs.Warnings) != 1 || !strings.Contains(subs.Warnings.Error(), "隐藏的工作表") {
		t.Errorf("warnings %v", subs.Warnings)
	}
	if _, err := ReadSubmissions(inputs(noPeriod), Options{}, 0); !errors.Is(err, ErrNoPeriod) {
		t.Errorf("no period to assume: %v", err)
	}
}

// inputs lists files as named.
func inputs(paths ...string) []Input {
	var out []Input
	for _, p := range paths {
		out = append(out, Input{Path: p, Name: filepath.Base(p)})
	}
	return out
}
