package out

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/rank"
)

// syntheticResult ranks n units × m indicators of made-up figures, after
// edit (if any) has changed them.
func syntheticResult(t testing.TB, n, m int, edit func(p *data.Period)) *rank.Result {
	t.Helper()
	r := rand.New(rand.NewSource(7))
	p := &data.Period{Month: data.NewMonth(2022, 4), Title: "测试省2022年1—4月晒拼指标排名"}
	for k := 0; k < n; k++ {
		p.Units = append(p.Units, fmt.Sprintf("第%04d县", k))
	}
	for i := 0; i < m; i++ {
		ind := &data.Indicator{Name: fmt.Sprintf("指标%03d", i), Group: fmt.Sprintf("分组%d", i%4), Unit: "%",
			Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true, Values: make([]data.Value, n)}
		for k := range ind.Values {
			if r.Intn(20) > 0 {
				ind.Values[k] = data.Value{OK: true, Number: float64(r.Intn(10000)) / 100, Decimals: 2}
			}
		}
		p.Indicators = append(p.Indicators, ind)
	}
	if edit != nil {
		edit(p)
	}
	res, err := rank.ComputePeriod(p, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// checkHeights fails when a row of any sheet is taller than Excel allows.
func checkHeights(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= len(rows); r++ {
			if h, _ := f.GetRowHeight(sheet, r); h > excelize.MaxRowHeight {
				t.Errorf("%s row %d is %v points high", sheet, r, h)
			}
		}
	}
}

// TestExcelLongLists: at national scale a thousand units can tie for
// first and a hundred not report. The lists name the first few and count
// the rest, so that no row outgrows Excel's 409 points (the workbook
// failed to save) and 前三后三 stays readable.
func TestExcelLongLists(t *testing.T) {
	res := syntheticResult(t, 1300, 3, func(p *data.Period) {
		for k := range p.Units {
			v := &p.Indicators[0].Values[k]
			switch {
			case k < 1000:
				*v = data.Value{OK: true, Number: 1000, Decimals: 0}
			case k < 1150:
				*v = data.Value{OK: true, Number: float64(k - 1000), Decimals: 0} // below 100
			default:
				*v = data.Value{}
			}
		}
	})
	f := openExcel(t, writeExcel(t, res))
	checkHeights(t, f)

	row := findRow(t, f, "前三后三", map[int]string{2: "指标000"})
	top, _ := f.GetCellValue("前三后三", cellName(t, 4, row))
	top = strings.ReplaceAll(top, "\n", "")
	if !strings.HasSuffix(top, "等 1000 个单位 1000%(并列第1)") || strings.Count(top, "县") != listMax {
		t.Errorf("前3 = %q, want %d names and 等 1000 个单位", top, listMax)
	}
	missing, _ := f.GetCellValue("前三后三", cellName(t, 6, row))
	if missing = strings.ReplaceAll(missing, "\n", ""); !strings.HasSuffix(missing, "等 150 个单位") || strings.Count(missing, "县") != listMax {
		t.Errorf("未报送 = %q, want %d names and 等 150 个单位", missing, listMax)
	}
	// The tie's remark names ten of the 999 others, not all of them.
	why := colOf(t, f, "分项排名", "说明")
	row = findRow(t, f, "分项排名", map[int]string{2: "指标000", 4: "第0000县"})
	if got, _ := f.GetCellValue("分项排名", cellName(t, why, row)); !strings.Contains(got, "等 999 个单位并列") || utf8.RuneCountInString(got) > 200 {
		t.Errorf("remark = %q", got)
	}
	rows, _ := f.GetRows("说明")
	for _, r := range rows {
		if len(r) > 1 && r[0] == "参与单位" {
			if !strings.HasPrefix(r[1], "1300 个,完整名单见“总榜”") || !strings.HasSuffix(r[1], "等 1300 个单位") {
				t.Errorf("参与单位 = %.80q…", r[1])
			}
		}
	}
	// 1,300 bars would not read: the charts show the first hundred, 25
	// a page.
	b := writeExcel(t, res)
	if chart := zipPart(t, b, "xl/charts/chart1.xml"); !strings.Contains(chart, "$C$4:$C$28") || !strings.Contains(chart, "综合得分(第 1—") {
		t.Errorf("first chart does not show the first 25 bars")
	}
	if chart := zipPart(t, b, "xl/charts/chart4.xml"); !strings.Contains(chart, "$C$79:$C$103") {
		t.Errorf("last chart does not stop at 100 bars")
	}
	if _, err := zipReader(t, b).Open("xl/charts/chart5.xml"); err == nil {
		t.Errorf("more than four charts")
	}
}

// writeLimited writes res's workbook with sheets of at most rows rows and
// cols columns.
func writeLimited(t *testing.T, res *rank.Result, rows, cols int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Excel(&buf, res, ExcelOptions{Generated: generated, MaxRows: rows, MaxCols: cols}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExcelLimits: a sheet that would outgrow Excel's rows or columns is
// cut short, and says so, instead of failing the whole workbook.
func TestExcelLimits(t *testing.T) {
	res := sampleResult(t, nil) // 10 units, 32 indicators, 4 periods
	entries := 0
	for _, ind := range res.Indicators {
		entries += len(ind.Entries)
	}
	t.Run("rows and columns", func(t *testing.T) {
		const sheetRows, sheetCols = 30, 6
		f := openExcel(t, writeLimited(t, res, sheetRows, sheetCols))
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			if len(rows) > sheetRows {
				t.Errorf("%s has %d rows, more than %d", sheet, len(rows), sheetRows)
			}
			dim, _ := f.GetSheetDimension(sheet)
			col, row, err := excelize.CellNameToCoordinates(dim[strings.Index(dim, ":")+1:])
			if err != nil || col > sheetCols && !slices.Contains([]string{"总榜", "分项排名", "数据核查", "说明"}, sheet) || row > sheetRows {
				t.Errorf("%s uses %s", sheet, dim)
			}
		}
		note := func(sheet string, row int, want string) {
			t.Helper()
			got, _ := f.GetCellValue(sheet, cellName(t, 1, row))
			if !strings.HasPrefix(got, want) {
				t.Errorf("%s row %d = %q, want %q…", sheet, row, got, want)
			}
		}
		note("分项排名", 30, fmt.Sprintf("注:本表共 %d 行,超出 Excel 单表 30 行的上限,以上只列出前 26 行", entries))
		note("历史", 30, "注:本表共")
		note("前三后三", 30, "注:共 32 项指标,超出 Excel 单表 30 行的上限,其余 6 项未列出")
		note("说明", 30, "注:共 32 项指标")
		if got, _ := f.GetCellValue("分项排名", "A2"); !strings.Contains(got, "只列出前 26 行") {
			t.Errorf("分项排名 note = %q", got)
		}
		// The filter covers the rows listed, not the note.
		for _, n := range f.GetDefinedName() {
			if n.Name == "_xlnm._FilterDatabase" && n.Scope == "分项排名" && !strings.HasSuffix(n.RefersTo, "$29") {
				t.Errorf("分项排名 filter = %s", n.RefersTo)
			}
		}
		// 排名矩阵: rank, unit and the first four indicators.
		if got, _ := f.GetCellValue("排名矩阵", "A2"); !strings.Contains(got, "超出 Excel 单表 6 列的上限,只列出前 4 项") {
			t.Errorf("排名矩阵 note = %q", got)
		}
		// 历史: the latest two periods.
		if got := headersOf(t, f, "历史"); strings.Join(got, "|") != "分组|指标|单位|2022年3月|2022年4月(本期)|变化" {
			t.Errorf("历史 headers = %q", got)
		}
	})
	t.Run("units", func(t *testing.T) {
		b := writeLimited(t, res, 10, 0)
		f := openExcel(t, b)
		got, _ := f.GetCellValue("总榜", "A10")
		if !strings.HasPrefix(got, "注:共 10 个单位,超出 Excel 单表 10 行的上限,排名最后的 4 个单位未列出") {
			t.Errorf("总榜 A10 = %q", got)
		}
		if got, _ := f.GetCellValue("排名矩阵", "A10"); !strings.HasPrefix(got, "注:共 10 个单位") {
			t.Errorf("排名矩阵 A10 = %q", got)
		}
		// No room under the table: no chart.
		if _, err := zipReader(t, b).Open("xl/charts/chart1.xml"); err == nil {
			t.Errorf("a chart with the board cut short")
		}
	})
}

// TestExcelStrings: names go into the workbook and come back as they
// were, however they are spelt.
func TestExcelStrings(t *testing.T) {
	names := []string{
		" 前后有空格 ", "a&b<c>\"d'", "_x0041_ 字面", "制表\t符", "两\n行", "\r回车",
		"控制\x01字符", "非字符\uFFFE", "坏\xffUTF-8",
	}
	res := sampleResult(t, func(p *data.Period) {
		copy(p.Units, names)
	})
	f := openExcel(t, writeExcel(t, res))
	want := func(s string) string {
		// XML cannot carry these; excelize writes U+FFFD instead.
		s = strings.ToValidUTF8(s, "\uFFFD")
		return strings.Map(func(r rune) rune {
			if r == 0x01 || r == 0xFFFE {
				return '\uFFFD'
			}
			return r
		}, s)
	}
	col := colOf(t, f, "总榜", "单位")
	got := map[string]bool{}
	for row := 4; row < 4+len(res.Overall); row++ {
		v, _ := f.GetCellValue("总榜", cellName(t, col, row))
		got[v] = true
	}
	for _, n := range names {
		if !got[want(n)] {
			t.Errorf("%q did not come back: %v", n, got)
		}
	}
}

// TestExcelLarge writes a province-sized sheet, its XML deflated in many
// chunks at once, and reads every row back.
func TestExcelLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("a larger workbook")
	}
	res := syntheticResult(t, 300, 40, nil)
	b := writeExcel(t, res)
	if again := writeExcel(t, res); !bytes.Equal(b, again) {
		t.Fatal("two writes differ")
	}
	f := openExcel(t, b)
	rows, err := f.GetRows("分项排名", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3+300*40 {
		t.Fatalf("分项排名 has %d rows, want %d", len(rows), 3+300*40)
	}
	row := 3
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			got := rows[row]
			if got[1] != ind.Name || got[3] != e.Unit {
				t.Fatalf("row %d = %q, want %s %s", row+1, got, ind.Name, e.Unit)
			}
			if e.Value != nil {
				if v, err := strconv.ParseFloat(got[4], 64); err != nil || v != *e.Value {
					t.Fatalf("row %d value %q, want %v", row+1, got[4], *e.Value)
				}
			}
			row++
		}
	}
	checkHeights(t, f)
}

func zipReader(t *testing.T, b []byte) *zip.Reader {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}
