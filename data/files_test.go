package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestDirectoryRules: one rule says what a directory holds, for Load and
// for merge; they differ only where they always have (dot files), and
// merge takes each file once and leaves out its own template and output.
func TestDirectoryRules(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.xlsx", ".b.xlsx", "~$c.xlsx", "d.XLSX", "e.xls", "f.csv"} {
		writeFile(t, dir, n, []byte("x"))
	}
	os.Mkdir(filepath.Join(dir, "g.xlsx"), 0o755)
	in := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	d := filepath.Join(dir, "d.XLSX")
	for _, c := range []struct {
		name string
		got  func() ([]string, error)
		want []string
	}{
		{"Load", func() ([]string, error) { return expand([]string{dir}) }, in(".b.xlsx", "a.xlsx", "d.XLSX")},
		{"merge", func() ([]string, error) { return SubmissionFiles([]string{dir}) }, in("a.xlsx", "d.XLSX")},
		{"merge, twice", func() ([]string, error) { return SubmissionFiles([]string{dir, dir + "/."}) }, in("a.xlsx", "d.XLSX")},
		{"merge, skip", func() ([]string, error) { return SubmissionFiles([]string{dir}, d) }, in("a.xlsx")},
		{"merge, skip named", func() ([]string, error) { return SubmissionFiles([]string{d, dir}, d) }, []string{d, filepath.Join(dir, "a.xlsx")}},
	} {
		got, err := c.got()
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v %v, want %v", c.name, got, err, c.want)
		}
	}
	empty := t.TempDir()
	for _, paths := range [][]string{{empty}, {filepath.Join(dir, "missing.xlsx")}} {
		if _, err := SubmissionFiles(paths); err == nil {
			t.Errorf("%v: no error", paths)
		}
	}
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

	subs, err := ReadSubmissions([]string{noPeriod, bad}, Options{}, may)
	if !errors.Is(err, ErrNotNumber) || errors.Is(err, ErrNoPeriod) {
		t.Errorf("error %v", err)
	}
	if len(subs.Forms) != 1 || subs.Forms[0].File != "义乌.xlsx" || subs.Forms[0].Form.Period.Month != may {
		t.Fatalf("forms %+v", subs.Forms)
	}
	if len(subs.Warnings) != 1 || !strings.Contains(subs.Warnings.Error(), "隐藏的工作表") {
		t.Errorf("warnings %v", subs.Warnings)
	}
	if _, err := ReadSubmissions([]string{noPeriod}, Options{}, 0); !errors.Is(err, ErrNoPeriod) {
		t.Errorf("no period to assume: %v", err)
	}
}
