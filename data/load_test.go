package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func monthBook(t *testing.T, v any) []byte {
	return workbook(t, sheet{name: "g", rows: [][]any{{"地区", "a"}, {"甲", v}, {"乙", 2}}})
}

func TestLoadSeveralPeriods(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "2022年4月.xlsx", monthBook(t, 4))
	writeFile(t, dir, "2022-03.xlsx", monthBook(t, 3))
	writeFile(t, dir, "~$2022-03.xlsx", []byte("lock"))
	writeFile(t, dir, "readme.txt", []byte("x"))
	ds, err := Load(Options{Period: NewMonth(2099, 1)}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Periods) != 2 || ds.Periods[0].Month.String() != "2022-03" || ds.Latest().Month.String() != "2022-04" {
		t.Fatalf("periods %+v", ds.Periods)
	}
	if ds.Find(NewMonth(2022, 3)).File != "2022-03.xlsx" || ds.Find(NewMonth(2023, 1)) != nil {
		t.Error("Find")
	}
}

func TestLoadDuplicatePeriod(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "2022-04.xlsx", monthBook(t, 1))
	b := writeFile(t, dir, "四月.xlsx", workbook(t, sheet{name: "参数", rows: [][]any{{"期间", "2022-04"}}}, sheet{name: "g", rows: [][]any{{"地区", "a"}, {"甲", 1}}}))
	_, err := Load(Options{}, a, b)
	if !errors.Is(err, ErrDuplicatePeriod) || !strings.Contains(err.Error(), "2022-04.xlsx") || !strings.Contains(err.Error(), "四月.xlsx") {
		t.Errorf("want duplicate period naming both files, got %v", err)
	}
}

func TestLoadCollectsAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "2022-03.xlsx", monthBook(t, "x1"))
	b := writeFile(t, dir, "2022-04.xlsx", monthBook(t, "x2"))
	_, err := Load(Options{}, b, a)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 || list[0].File != "2022-03.xlsx" {
		t.Fatalf("want both files' problems in file order, got %v", err)
	}
}

func TestLoadNotWorkbooks(t *testing.T) {
	dir := t.TempDir()
	good := monthBook(t, 1)
	cases := []struct {
		name string
		body []byte
		want string
	}{
		{"csv.xlsx", []byte("地区,a\n甲,1\n"), "CSV"},
		{"bom.xlsx", []byte("\ufeff地区,a\n"), "CSV"},
		{"empty.xlsx", nil, "文件是空的"},
		{"truncated.xlsx", good[:len(good)/2], "不是 Excel 工作簿"},
		{"binary.xlsx", []byte{0, 1, 2, 3, 0xff, 0xfe, 0x80, 0x81}, "无法识别"},
	}
	for _, c := range cases {
		p := writeFile(t, dir, c.name, c.body)
		_, err := Load(Options{}, p)
		if !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), c.name+": ") {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
	if _, err := Load(Options{}, filepath.Join(dir, "nope.xlsx")); err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(Options{}, t.TempDir()); err == nil || !strings.Contains(err.Error(), "没有工作簿") {
		t.Errorf("empty dir: %v", err)
	}
}

func TestLoadUnzipLimit(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "2022-04.xlsx", monthBook(t, 1))
	_, err := Load(Options{MaxUnzipSize: 1000}, p)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("got %v", err)
	}
}

func TestInputNotModified(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "2022-04.xlsx", monthBook(t, 1))
	before, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if _, err := Load(Options{}, p); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(p)
	st2, _ := os.Stat(p)
	if string(before) != string(after) || !st.ModTime().Equal(st2.ModTime()) {
		t.Error("input changed")
	}
}
