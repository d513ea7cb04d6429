package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shaipin/charts"
	"shaipin/places"
)

var update = flag.Bool("update", false, "rewrite the expected output of the CLI cases")

// TestCLI runs every case in testdata/cli: a folder with `cmd` (the
// arguments, one line; $IN is a folder of input workbooks the test builds)
// and the expected `expout`, `experr` and `exit`. -update rewrites them. A
// case with a `needs-places` file depends on the gazetteer and is skipped
// by a build without it.
func TestCLI(t *testing.T) {
	in := t.TempDir()
	buildInputs(t, in)
	buildSafety(t, filepath.Join(in, "safety"), filepath.Join(in, "2022-04.xlsx"))
	buildReadingInputs(t, in)
	dirs, err := filepath.Glob("testdata/cli/*")
	if err != nil || len(dirs) == 0 {
		t.Fatal("no CLI cases", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			cmd, err := os.ReadFile(filepath.Join(dir, "cmd"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, "needs-places")); err == nil && !places.Available() {
				t.Skip("built without the gazetteer (make assets)")
			}
			args := append([]string{"shaipin"}, strings.Fields(strings.ReplaceAll(string(cmd), "$IN", in))...)
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			got := map[string]string{
				"expout": strings.ReplaceAll(stdout.String(), in, "$IN"),
				"experr": strings.ReplaceAll(withoutBundleWarning(t, stdout.String(), stderr.String()), in, "$IN"),
				"exit":   strconv.Itoa(code) + "\n",
			}
			for name, g := range got {
				path := filepath.Join(dir, name)
				if *update {
					if err := os.WriteFile(path, []byte(g), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update)", err)
				}
				if g != string(want) {
					t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, g, want)
				}
			}
		})
	}
}

// withoutBundleWarning is stderr as a build with the ECharts bundle
// prints it. A build without the bundle (no npm ci) must warn once for
// every report it writes; the expectations are those of a full build, so
// the warning is checked and then removed.
func withoutBundleWarning(t *testing.T, stdout, stderr string) string {
	t.Helper()
	if charts.Offline() {
		return stderr
	}
	line := "警告:" + errNoECharts.Error() + "\n"
	wrote := strings.Count(stdout, ".html\n")
	if got := strings.Count(stderr, line); got != wrote {
		t.Errorf("build without ECharts: %d warnings for %d reports written", got, wrote)
	}
	return strings.ReplaceAll(stderr, line, "")
}

// buildInputs writes the workbooks the CLI cases read.
func buildInputs(t *testing.T, dir string) {
	t.Helper()
	type cellv struct {
		ref string
		v   any
	}
	book := func(name string, sheets map[string][]cellv, order []string) {
		x := excelize.NewFile()
		for i, s := range order {
			if i == 0 {
				x.SetSheetName("Sheet1", s)
			} else {
				x.NewSheet(s)
			}
			for _, c := range sheets[s] {
				if err := x.SetCellValue(s, c.ref, c.v); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := x.SaveAs(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	month := func(name string, vals ...any) {
		cells := []cellv{{"A1", "地区"}, {"B1", "管控力量化指数(分)"}, {"C1", "城乡收入比"}}
		for i, u := range []string{"婺城区", "金东区", "兰溪市", "东阳市"} {
			r := strconv.Itoa(i + 2)
			cells = append(cells, cellv{"A" + r, u}, cellv{"B" + r, vals[2*i]}, cellv{"C" + r, vals[2*i+1]})
		}
		meta := []cellv{{"A1", "指标"}, {"B1", "方向"}, {"A2", "城乡收入比"}, {"B2", "逆向"}}
		book(name, map[string][]cellv{"指标": cells, "指标说明": meta}, []string{"指标", "指标说明"})
	}
	month("2022-03.xlsx", 90.1, 1.6, 89.5, 1.7, 91.2, 1.5, 90.1, 1.8)
	month("2022-04.xlsx", 90.80, 1.61, 89.64, 1.58, "—", 1.7, 90.8, 1.58)
	book("bad.xlsx", map[string][]cellv{
		"参数":   {{"A1", "期间"}, {"B1", "2022-04"}},
		"城市更新": {{"A1", "地区"}, {"B1", "完成投资额(亿元)"}, {"A2", "婺城区"}, {"B2", "9l.2"}, {"A3", "金东区"}, {"B3", "近1.1"}},
		"指标说明": {{"A1", "指标"}, {"B1", "方向"}, {"C1", "权重"}, {"A2", "完成投资额"}, {"B2", "向上"}, {"C2", -1}},
	}, []string{"参数", "城市更新", "指标说明"})
	book("inject-2022-04.xlsx", map[string][]cellv{
		"s": {{"A1", "地区"}, {"B1", "=cmd|' /C calc'!A0"}, {"A2", "=HYPERLINK(\"x\")"}, {"B2", 1}, {"A3", "@SUM(1)"}, {"B3", 2}, {"A4", "-2+3"}, {"B4", -3}},
	}, []string{"s"})
	book("long.xlsx", map[string][]cellv{
		"导出": {{"A1", "期间"}, {"B1", "地区"}, {"C1", "指标"}, {"D1", "数值"},
			{"A2", "2022-03"}, {"B2", "婺城区"}, {"C2", "GDP增速(%)"}, {"D2", 5.1},
			{"A3", "2022-03"}, {"B3", "金东区"}, {"C3", "GDP增速(%)"}, {"D3", 4.9},
			{"A4", "2022-04"}, {"B4", "婺城区"}, {"C4", "GDP增速(%)"}, {"D4", 5.0},
			{"A5", "2022-04"}, {"B5", "金东区"}, {"C5", "GDP增速(%)"}, {"D5", 5.2}},
	}, []string{"导出"})
	// A workbook sitting where the report would write its Excel summary.
	if err := os.MkdirAll(filepath.Join(dir, "rep2"), 0o755); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "2022-04.xlsx"))
	if err := os.WriteFile(filepath.Join(dir, "rep2", "leaderboard-2022-04.xlsx"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "table.xlsx"), []byte("地区,指标\n婺城区,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	buildCheckInputs(t, dir)
}
