package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/rank"
)

// shaipin runs the command line and returns stdout, stderr and the status.
func shaipin(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"shaipin"}, args...), &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// form is a returned form being filled in, as an office would in Excel.
type form struct {
	t    *testing.T
	path string
	f    *excelize.File
}

func openForm(t *testing.T, path string) *form {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return &form{t: t, path: path, f: f}
}

// at finds the cell of a unit's row and an indicator's column.
func (fm *form) at(sheet, unit, indicator string) string {
	fm.t.Helper()
	rows, err := fm.f.GetRows(sheet)
	if err != nil {
		fm.t.Fatal(err)
	}
	col, row := -1, -1
	for i, r := range rows {
		for j, c := range r {
			c = strings.ReplaceAll(c, "\n", "")
			if c == indicator || strings.HasPrefix(c, indicator+"(") {
				col = j
			}
			if j == 0 && c == unit {
				row = i
			}
		}
	}
	if col < 0 || row < 0 {
		fm.t.Fatalf("%s: no cell for %s / %s", sheet, unit, indicator)
	}
	ref, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return ref
}

// set types a value into a unit's cell of an indicator.
func (fm *form) set(sheet, unit, indicator string, v any) {
	fm.t.Helper()
	if err := fm.f.SetCellValue(sheet, fm.at(sheet, unit, indicator), v); err != nil {
		fm.t.Fatal(err)
	}
}

// percent types "52.7%" as Excel stores it: 0.527 in a percentage format.
func (fm *form) percent(sheet, unit, indicator string, fraction float64) {
	fm.t.Helper()
	ref := fm.at(sheet, unit, indicator)
	st, err := fm.f.NewStyle(&excelize.Style{NumFmt: 10, Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		fm.t.Fatal(err)
	}
	if err := fm.f.SetCellFloat(sheet, ref, fraction, -1, 64); err != nil {
		fm.t.Fatal(err)
	}
	if err := fm.f.SetCellStyle(sheet, ref, ref, st); err != nil {
		fm.t.Fatal(err)
	}
}

// rename changes a cell's text wherever it is exactly old (a unit name, a
// header), as someone who unprotected the sheet might.
func (fm *form) rename(sheet, old, new string) {
	fm.t.Helper()
	rows, _ := fm.f.GetRows(sheet)
	for i, r := range rows {
		for j, c := range r {
			if c == old {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if err := fm.f.SetCellStr(sheet, ref, new); err != nil {
					fm.t.Fatal(err)
				}
			}
		}
	}
}

func (fm *form) saveAs(path string) {
	fm.t.Helper()
	if err := fm.f.SaveAs(path); err != nil {
		fm.t.Fatal(err)
	}
	fm.f.Close()
}

func (fm *form) save() { fm.saveAs(fm.path) }

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

const (
	qiZhang = "七张问题清单"
	gengXin = "城市更新"
)

// fillYiwu fills 义乌's per-unit form the ways people type numbers.
func fillYiwu(fm *form) {
	fm.set(qiZhang, "义乌市", "管控力量化指数", 91.86)
	fm.percent(qiZhang, "义乌市", "省级问题整改率", 0.857) // typed 85.7%
	fm.set(qiZhang, "义乌市", "市级问题整改率", "88.9%")   // text with %
	fm.set(qiZhang, "义乌市", "省级问题主动发现率", "100")   // numeric text
	fm.set(gengXin, "义乌市", "完成投资额", "68.5亿元")    // the column's unit
	fm.set(gengXin, "义乌市", "年度投资完成率", 52.7)      // plain number
	fm.set(gengXin, "义乌市", "未来社区完成投资额", "—")     // dash: not reported
	fm.set("专项债", "义乌市", "通过财政部审核项目数", "５５")     // full-width digits
}

func TestTemplateMergeRankEndToEnd(t *testing.T) {
	dir := t.TempDir()
	forms := filepath.Join(dir, "交回")
	stdout, stderr, code := shaipin(t, "template", "--period", "2022-05", "--each-unit", "-o", forms)
	if code != 0 || strings.Count(stdout, "\n") != 10 {
		t.Fatalf("template: %d\n%s%s", code, stdout, stderr)
	}
	path := func(u string) string { return filepath.Join(forms, "2022-05-"+u+".xlsx") }

	yw := openForm(t, path("义乌市"))
	fillYiwu(yw)
	yw.save()
	// 义乌 sends a corrected copy later: one figure differs.
	copyFile(t, path("义乌市"), filepath.Join(forms, "2022-05-义乌市(修改).xlsx"))
	yw2 := openForm(t, filepath.Join(forms, "2022-05-义乌市(修改).xlsx"))
	yw2.set(qiZhang, "义乌市", "管控力量化指数", 91.9)
	yw2.save()

	lx := openForm(t, path("兰溪市"))
	lx.set(gengXin, "兰溪市", "完成投资额", "9l.2") // a letter l for a 1
	lx.set(gengXin, "兰溪市", "年度投资完成率", 46.9)
	lx.save()

	dy := openForm(t, path("东阳市"))
	dy.set(qiZhang, "东阳市", "管控力量化指数", 90.25)
	dy.rename(qiZhang, "东阳市", "东阳县") // a wrong name for the unit
	dy.save()

	wc := openForm(t, path("婺城区"))
	wc.set(qiZhang, "婺城区", "管控力量化指数", 90.8)
	wc.set(qiZhang, "婺城区", "省级问题整改率", 100)
	wc.rename(qiZhang, "婺城区", "婺城") // an alias: fine
	wc.save()

	for _, u := range []string{"金东区", "永康市"} {
		fm := openForm(t, path(u))
		fm.set(qiZhang, u, "管控力量化指数", map[string]float64{"金东区": 89.64, "永康市": 88.79}[u])
		fm.save()
	}
	// Mistakes corrected later are newer; 义乌's copy is the newest.
	base := time.Date(2022, 5, 30, 9, 0, 0, 0, time.Local)
	entries, _ := os.ReadDir(forms)
	for i, e := range entries {
		mt := base.Add(time.Duration(i) * time.Minute)
		if strings.Contains(e.Name(), "修改") {
			mt = base.Add(time.Hour)
		}
		if err := os.Chtimes(filepath.Join(forms, e.Name()), mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, forms)

	merged := filepath.Join(dir, "2022-05-汇总.xlsx")
	stdout, stderr, code = shaipin(t, "merge", forms, "-o", merged)
	if code != 1 {
		t.Fatalf("merge with mistakes: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`2022-05-东阳市.xlsx: 七张问题清单!A3: "东阳县" 不在「单位」表中,是否应为「东阳市」?`,
		`2022-05-兰溪市.xlsx: 城市更新!B4: "9l.2" 不是数字(本列单位为 亿元)`,
		// Files go in name order: "(" sorts before ".".
		`2022-05-义乌市.xlsx: 七张问题清单!B3: "91.86" 与 2022-05-义乌市(修改).xlsx 七张问题清单!B3 的 91.9 不一致(义乌市「管控力量化指数」数值冲突)`,
		"--prefer-latest",
		"共 3 个问题",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(merged); !os.IsNotExist(err) {
		t.Error("a failed merge wrote its output")
	}

	// The office fixes the two files (Excel would update their times).
	lx = openForm(t, path("兰溪市"))
	lx.set(gengXin, "兰溪市", "完成投资额", 13.2)
	lx.save()
	dy = openForm(t, path("东阳市"))
	dy.rename(qiZhang, "东阳县", "东阳市")
	dy.save()
	for _, u := range []string{"兰溪市", "东阳市"} {
		mt := base.Add(30 * time.Minute)
		if err := os.Chtimes(path(u), mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	before = snapshot(t, forms)
	stdout, stderr, code = shaipin(t, "merge", forms, "-o", merged)
	if code != 1 || !strings.Contains(stderr, "数值冲突") || !strings.Contains(stderr, "共 1 个问题") {
		t.Fatalf("only the conflict should remain: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, stderr, code = shaipin(t, "merge", "--prefer-latest", forms, "-o", merged)
	if code != 0 {
		t.Fatalf("merge --prefer-latest: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"汇总 2022年5月:11 个文件,10 个单位,32 项指标。",
		"2022-05-义乌市.xlsx(义乌市填报表):义乌市 7 项",
		"2022-05-磐安县.xlsx(磐安县填报表):没有填任何数字",
		"已报送 6 个单位,未报送 4 个:浦江县、武义县、磐安县、金华开发区。",
		"未填完(空格按未报送处理):婺城区 缺 30 项",
		"多份文件填了同一单位:义乌市(2022-05-义乌市(修改).xlsx、2022-05-义乌市.xlsx)。",
		"义乌市「管控力量化指数」:采用 2022-05-义乌市(修改).xlsx 七张问题清单!B3 的 91.9(舍去 2022-05-义乌市.xlsx 七张问题清单!B3 的 91.86)",
		merged,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %s:\n%s", want, stdout)
		}
	}
	if after := snapshot(t, forms); after != before {
		t.Error("merge changed a submission")
	}

	// The merged file reads as an ordinary input and ranks.
	ds, err := data.Load(data.Options{}, merged)
	if err != nil {
		t.Fatal(err)
	}
	p := ds.Latest()
	get := func(name, unit string) data.Value {
		for _, ind := range p.Indicators {
			if ind.Name == name {
				for k, u := range p.Units {
					if u == unit {
						return ind.Values[k]
					}
				}
			}
		}
		t.Fatalf("no %s/%s", name, unit)
		return data.Value{}
	}
	for _, c := range []struct {
		name, unit string
		want       float64
		ok         bool
	}{
		{"管控力量化指数", "义乌市", 91.9, true}, {"省级问题整改率", "义乌市", 85.7, true},
		{"市级问题整改率", "义乌市", 88.9, true}, {"省级问题主动发现率", "义乌市", 100, true},
		{"完成投资额", "义乌市", 68.5, true}, {"年度投资完成率", "义乌市", 52.7, true},
		{"未来社区完成投资额", "义乌市", 0, false}, {"通过财政部审核项目数", "义乌市", 55, true},
		{"完成投资额", "兰溪市", 13.2, true}, {"管控力量化指数", "婺城区", 90.8, true},
		{"管控力量化指数", "磐安县", 0, false},
	} {
		if v := get(c.name, c.unit); v.OK != c.ok || v.Number != c.want {
			t.Errorf("%s %s = %+v", c.unit, c.name, v)
		}
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if res.Month.String() != "2022-05" {
		t.Errorf("ranked period %s", res.Month)
	}
	if out, errs, code := shaipin(t, "rank", merged); code != 0 || !strings.Contains(out, "义乌市") {
		t.Errorf("rank the merged file: exit %d\n%s%s", code, out, errs)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1653868800")
	if out, errs, code := shaipin(t, "report", "-o", filepath.Join(dir, "报告"), merged); code != 0 {
		t.Errorf("report the merged file: exit %d\n%s%s", code, out, errs)
	}

	// Merging again gives the same bytes.
	again := filepath.Join(dir, "again.xlsx")
	if _, errs, code := shaipin(t, "merge", "--prefer-latest", forms, "-o", again); code != 0 {
		t.Fatal(errs)
	}
	a, _ := os.ReadFile(merged)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two merges of the same files differ")
	}
}

// snapshot records every file's content and modification time.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		st, _ := os.Stat(filepath.Join(dir, e.Name()))
		content, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		b.WriteString(e.Name() + st.ModTime().String() + string(content))
	}
	return b.String()
}

func TestMergeRefusesToOverwriteASubmission(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "a.xlsx")
	if _, errs, code := shaipin(t, "template", "--period", "2022-05", "-o", tmpl); code != 0 {
		t.Fatal(errs)
	}
	before, _ := os.ReadFile(tmpl)
	_, stderr, code := shaipin(t, "merge", tmpl, filepath.Join(dir, "a.xlsx"), "-o", filepath.Join(dir, ".", "a.xlsx"))
	after, _ := os.ReadFile(tmpl)
	if code != 1 || !bytes.Equal(before, after) || !strings.Contains(stderr, "a.xlsx: 是本次读取的输入文件") {
		t.Errorf("exit %d, changed %v: %s", code, !bytes.Equal(before, after), stderr)
	}
}

// buildForms writes the returned forms the CLI cases merge: ok/ merges
// cleanly, conflict/ disagrees with ok/, bad/ holds typical mistakes, and
// the whole-city template the bad ones are checked against.
func buildForms(t *testing.T, dir string) {
	t.Helper()
	tmpl := filepath.Join(dir, "2022-05-填报模板.xlsx")
	if _, errs, code := shaipin(t, "template", "--period", "2022-05", "-o", tmpl); code != 0 {
		t.Fatal(errs)
	}
	unitForm := func(period, unit, to string) *form {
		path := filepath.Join(t.TempDir(), "f.xlsx")
		if _, errs, code := shaipin(t, "template", "--period", period, "--unit", unit, "-o", path); code != 0 {
			t.Fatal(errs)
		}
		fm := openForm(t, path)
		fm.path = filepath.Join(dir, to)
		return fm
	}
	for _, d := range []string{"ok", "conflict", "bad"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}

	fm := unitForm("2022-05", "义乌市", "ok/2022-05-义乌市.xlsx")
	fillYiwu(fm)
	fm.save()
	fm = unitForm("2022-05", "义乌市", "conflict/2022-05-义乌市(修改).xlsx")
	fillYiwu(fm)
	fm.set(qiZhang, "义乌市", "管控力量化指数", 91.9)
	fm.set(gengXin, "义乌市", "年度投资完成率", 53.1)
	fm.save()
	fm = unitForm("2022-05", "兰溪市", "ok/2022-05-兰溪市.xlsx")
	fm.set(gengXin, "兰溪市", "完成投资额", 13.2)
	fm.set(gengXin, "兰溪市", "年度投资完成率", "46.9%")
	fm.save()
	city := openForm(t, tmpl)
	city.path = filepath.Join(dir, "ok/2022-05-全市.xlsx")
	city.set(qiZhang, "婺城区", "管控力量化指数", 90.8)
	city.set(qiZhang, "金东区", "管控力量化指数", 89.64)
	city.set(qiZhang, "金东区", "省级问题整改率", 66.7)
	city.rename(qiZhang, "金东区", "新区")        // an alias resolves
	city.set(qiZhang, "永康市", "省级问题整改率", 120) // over 100: a warning
	city.save()

	fm = unitForm("2022-05", "兰溪市", "bad/2022-05-兰溪市.xlsx")
	fm.set(gengXin, "兰溪市", "完成投资额", "9l.2")
	fm.set(gengXin, "兰溪市", "年度投资完成率", "约47")
	fm.save()
	fm = unitForm("2022-05", "东阳市", "bad/2022-05-东阳市.xlsx")
	fm.set(qiZhang, "东阳市", "管控力量化指数", 90.25)
	fm.rename(qiZhang, "东阳市", "东阳县")
	fm.save()
	fm = unitForm("2022-04", "永康市", "bad/2022-04-永康市.xlsx")
	fm.set(qiZhang, "永康市", "管控力量化指数", 88.79)
	fm.save()
	fm = unitForm("2022-05", "武义县", "bad/2022-05-武义县.xlsx")
	fm.set(qiZhang, "武义县", "省级问题整改率", 25)
	fm.rename(qiZhang, "管控力量化指数\n(分)", "管控力指数(分)")
	fm.save()
}

// TestFormFixtures checks the committed forms in testdata/forms are what
// buildForms makes (-update rewrites them); the CLI cases merge them.
func TestFormFixtures(t *testing.T) {
	dir := t.TempDir()
	buildForms(t, dir)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		got, _ := os.ReadFile(path)
		fixture := filepath.Join("testdata", "forms", rel)
		if *update {
			if err := os.MkdirAll(filepath.Dir(fixture), 0o755); err != nil {
				return err
			}
			return os.WriteFile(fixture, got, 0o644)
		}
		want, err := os.ReadFile(fixture)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is stale or missing (go test . -run TestFormFixtures -update)", fixture)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTemplateFromLongFormat builds a template from a long-format export:
// one sheet, several periods (the last is used) and groups, one group
// with a single indicator.
func TestTemplateFromLongFormat(t *testing.T) {
	dir := t.TempDir()
	x := excelize.NewFile()
	rows := [][]any{{"期间", "地区", "分组", "指标", "数值"}}
	for _, p := range []string{"2022-03", "2022-04"} {
		for _, u := range []string{"甲区", "乙县"} {
			rows = append(rows,
				[]any{p, u, "经济", "GDP增速(%)", 5.1},
				[]any{p, u, "经济", "城乡收入比", 1.6},
				[]any{p, u, "数字化", "浙政钉日均活跃度(%)", 88.9})
		}
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(dir, "导出.xlsx")
	if err := x.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	tmpl := filepath.Join(dir, "模板.xlsx")
	if _, errs, code := shaipin(t, "template", "-i", in, "-o", tmpl); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(tmpl)
	f, err := data.ReadForm("模板.xlsx", b, data.Options{})
	if err != nil || len(f.Warnings) > 0 {
		t.Fatal(err, f.Warnings)
	}
	p := f.Period
	var got []string
	for _, ind := range p.Indicators {
		got = append(got, ind.Group+"/"+ind.Name+"("+ind.Unit+")@"+ind.Sheet)
	}
	// The two-row header holds 数字化's single column too, since 经济's
	// merged cell marks it as two rows.
	want := "经济/GDP增速(%)@Sheet1 经济/城乡收入比()@Sheet1 数字化/浙政钉日均活跃度(%)@Sheet1"
	if p.Month.String() != "2022-05" || strings.Join(got, " ") != want || strings.Join(p.Units, ",") != "甲区,乙县" {
		t.Errorf("period %s units %v indicators\n%s\nwant\n%s", p.Month, p.Units, strings.Join(got, " "), want)
	}
}
