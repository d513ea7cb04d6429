package out

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

var generated = time.Date(2022, 5, 6, 10, 30, 0, 0, time.FixedZone("CST", 8*3600))

// sampleResult ranks the embedded sample, after edit (if any) has changed
// its dataset.
func sampleResult(t testing.TB, edit func(p *data.Period)) *rank.Result {
	t.Helper()
	return rankSample(t, false, edit)
}

// singleResult ranks the embedded sample's current period alone: no
// history.
func singleResult(t testing.TB, edit func(p *data.Period)) *rank.Result {
	t.Helper()
	return rankSample(t, true, edit)
}

func rankSample(t testing.TB, single bool, edit func(p *data.Period)) *rank.Result {
	t.Helper()
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if single {
		ds.Periods = ds.Periods[len(ds.Periods)-1:]
	}
	if edit != nil {
		edit(ds.Latest())
	}
	// Every unit on the board, and every period official (no note rows
	// under the titles), as these tests were written for; the sample's
	// provenance is tested in excel_verdict_test.go.
	for _, p := range ds.Periods {
		p.Provenance = data.Official
	}
	o := rank.DefaultOptions()
	o.MinCoverage = new(0.0)
	res, err := rank.Compute(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func writeExcel(t testing.TB, res *rank.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Excel(&buf, res, ExcelOptions{Generated: generated}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openExcel(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sampleBook is the sample workbook, written once for the tests that only
// read it.
func sampleBook(t *testing.T) (*rank.Result, *excelize.File, []byte) {
	t.Helper()
	res := sampleResult(t, nil)
	b := writeExcel(t, res)
	return res, openExcel(t, b), b
}

// headRowOf is a sheet's header row: the first with the header fill, under
// the title, its note and any warning.
func headRowOf(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	for row := 3; row <= 6; row++ {
		if fillOf(t, f, sheet, cellName(t, 1, row)) == headerFill {
			return row
		}
	}
	t.Fatalf("%s: no header row", sheet)
	return 0
}

// headersOf returns the header row of a sheet, each header read as one
// line (a long one is set on two). It reads no further down the sheet.
func headersOf(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	head := headRowOf(t, f, sheet)
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		if n < head {
			continue
		}
		heads, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range heads {
			heads[i] = strings.ReplaceAll(h, "\n", "")
		}
		return heads
	}
	t.Fatalf("%s: no header row", sheet)
	return nil
}

// colOf returns the column (1-based) headed name on a sheet, or fails.
func colOf(t *testing.T, f *excelize.File, sheet, name string) int {
	t.Helper()
	i := slices.Index(headersOf(t, f, sheet), name)
	if i < 0 {
		t.Fatalf("%s has no column %q: %q", sheet, name, headersOf(t, f, sheet))
	}
	return i + 1
}

func cellName(t testing.TB, col, row int) string {
	t.Helper()
	c, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// findRow returns the first row (1-based) of sheet whose cells in the
// given columns (1-based) hold the given values, or fails.
func findRow(t *testing.T, f *excelize.File, sheet string, want map[int]string) int {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
next:
	for i, r := range rows {
		for col, v := range want {
			if col > len(r) || r[col-1] != v {
				continue next
			}
		}
		return i + 1
	}
	t.Fatalf("%s: no row with %v", sheet, want)
	return 0
}

func TestExcelSheets(t *testing.T) {
	_, f, _ := sampleBook(t)
	want := []string{"总榜", "分项排名", "排名矩阵", "前三后三", "红黄旗", "数据核查", "历史", "说明"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 总榜", f.GetActiveSheetIndex())
	}
}

func TestExcelHeadings(t *testing.T) {
	res, f, _ := sampleBook(t)
	tests := []struct {
		sheet   string
		row     int
		headers []string
		title   string // merged title range
	}{
		{"总榜", 3, []string{"排名", "变化", "单位", "综合\n得分", "档次", "连续\n期数", "前3位\n项数", "前3位\n较上期",
			"中间\n项数", "后3位\n项数", "后3位\n较上期", "未报送\n项数", "计分\n指标", "说明"}, "A1:M1"},
		{"分项排名", 3, []string{"分组", "指标", "单位\n(计量)", "单位名称", "数值", "排名", "变化", "档次", "连续\n期数",
			"较时序进度\n(百分点)", "说明"}, "A1:J1"},
		// Printed on two pages across, each with its own title.
		{"排名矩阵", 3, []string{"总排名", "单位", "七张问题清单"}, "C1:AA1"},
		{"前三后三", 3, []string{"分组", "指标", "单位\n(计量)", "前3位\n(红旗)", "后3位\n(黄旗)", "未报送"}, "A1:F1"},
		{"红黄旗", 3, []string{"序号", "单位", "旗帜", "依据", "规则"}, "A1:E1"},
		{"数据核查", 3, []string{"类别", "期间", "单位", "分组", "指标", "位置", "数值", "说明"}, "A1:H1"},
		{"历史", 3, []string{"分组", "指标", "单位", "2022年1月", "2022年2月", "2022年3月", "2022年4月\n(本期)", "变化"}, "A1:H1"},
		{"说明", 3, []string{"标题", res.Title}, "A1:K1"},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			for i, h := range tt.headers {
				got, err := f.GetCellValue(tt.sheet, cellName(t, i+1, tt.row))
				if err != nil || got != h {
					t.Errorf("header %d = %q (%v), want %q", i+1, got, err, h)
				}
			}
			first := strings.Split(tt.title, ":")[0]
			if got, _ := f.GetCellValue(tt.sheet, first); got != res.Title {
				t.Errorf("title = %q, want %q", got, res.Title)
			}
			merged, err := f.GetMergeCells(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, m := range merged {
				found = found || m.GetStartAxis()+":"+m.GetEndAxis() == tt.title
			}
			if !found {
				t.Errorf("title not merged over %s: %v", tt.title, merged)
			}
			st := cellStyle(t, f, tt.sheet, first)
			if st.Font == nil || !st.Font.Bold || st.Font.Size < 14 {
				t.Errorf("title font = %+v, want bold and large", st.Font)
			}
			if tt.sheet != "说明" {
				h := cellStyle(t, f, tt.sheet, cellName(t, 1, tt.row))
				if !h.Font.Bold || !slices.Equal(h.Fill.Color, []string{headerFill}) {
					t.Errorf("header style: bold %v fill %v", h.Font.Bold, h.Fill.Color)
				}
			}
		})
	}
}

func cellStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// checkNumber checks that a cell holds the number want, stored as a
// number and not as text.
func checkNumber(t *testing.T, f *excelize.File, sheet, cell string, want float64) {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("%s!%s is text, want a number", sheet, cell)
	}
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	got, err := strconv.ParseFloat(raw, 64)
	if err != nil || got != want {
		t.Errorf("%s!%s = %q, want %v", sheet, cell, raw, want)
	}
}

func fillOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	if c := cellStyle(t, f, sheet, cell).Fill.Color; len(c) > 0 {
		return c[0]
	}
	return ""
}

var tierFill = map[rank.Tier]string{rank.Top: text.StyleOf(rank.Top).ExcelFill, rank.Bottom: text.StyleOf(rank.Bottom).ExcelFill}

func TestExcelBoard(t *testing.T) {
	res, f, _ := sampleBook(t)
	col := func(name string) int { return colOf(t, f, "总榜", name) }
	for i, r := range res.Overall {
		row := 4 + i
		if got, _ := f.GetCellValue("总榜", cellName(t, col("单位"), row)); got != r.Unit {
			t.Fatalf("row %d unit = %q, want %q", row, got, r.Unit)
		}
		checkNumber(t, f, "总榜", cellName(t, col("排名"), row), float64(*r.Rank))
		checkNumber(t, f, "总榜", cellName(t, col("综合得分"), row), *r.Score)
		tally := res.TallyOf(r.Unit)
		for name, n := range map[string]int{"前3位项数": tally.Top, "中间项数": tally.Middle, "后3位项数": tally.Bottom, "未报送项数": tally.Missing} {
			checkNumber(t, f, "总榜", cellName(t, col(name), row), float64(n))
		}
		score := cellName(t, col("综合得分"), row)
		if got, want := fillOf(t, f, "总榜", score), tierFill[r.Tier]; got != want {
			t.Errorf("%s score fill = %q, want %q", r.Unit, got, want)
		}
		if got := *cellStyle(t, f, "总榜", score).CustomNumFmt; got != "0.00" {
			t.Errorf("score format = %q", got)
		}
	}
	if got, _ := f.GetCellValue("总榜", cellName(t, col("综合得分"), 4)); got != "77.94" {
		t.Errorf("top score shows %q, want 77.94", got)
	}
}

func TestExcelItems(t *testing.T) {
	_, f, _ := sampleBook(t)
	value, rnk, tier := colOf(t, f, "分项排名", "数值"), colOf(t, f, "分项排名", "排名"), colOf(t, f, "分项排名", "档次")
	tests := []struct {
		indicator, unit string
		value           float64
		shown, format   string
		rank            float64
		tier            string
	}{
		{"管控力量化指数", "义乌市", 91.86, "91.86", "0.00", 1, "前3位"},
		{"管控力量化指数", "婺城区", 90.8, "90.80", "0.00", 3, "前3位"},
		{"管控力量化指数", "永康市", 88.79, "88.79", "0.00", 6, "后3位"},
		{"年度投资完成率", "义乌市", 52.7, "52.70%", `0.00"%"`, 1, "前3位"},
		{"市级问题整改率", "婺城区", 88.9, "88.9%", `0.0"%"`, 1, "前3位"},
		{"完成投资额", "金华开发区", 17.81, "17.81", "0.00", 3, "前3位"},
		{"通过财政部审核项目数", "义乌市", 55, "55", "0", 1, "前3位"},
	}
	for _, tt := range tests {
		t.Run(tt.indicator+"/"+tt.unit, func(t *testing.T) {
			row := findRow(t, f, "分项排名", map[int]string{2: tt.indicator, 4: tt.unit})
			checkNumber(t, f, "分项排名", cellName(t, value, row), tt.value)
			checkNumber(t, f, "分项排名", cellName(t, rnk, row), tt.rank)
			if got, _ := f.GetCellValue("分项排名", cellName(t, value, row)); got != tt.shown {
				t.Errorf("shown as %q, want %q", got, tt.shown)
			}
			if got := *cellStyle(t, f, "分项排名", cellName(t, value, row)).CustomNumFmt; got != tt.format {
				t.Errorf("format = %q, want %q", got, tt.format)
			}
			if got, _ := f.GetCellValue("分项排名", cellName(t, tier, row)); got != tt.tier {
				t.Errorf("tier = %q, want %q", got, tt.tier)
			}
			want := map[string]string{"前3位": tierFill[rank.Top], "后3位": tierFill[rank.Bottom]}[tt.tier]
			if got := fillOf(t, f, "分项排名", cellName(t, rnk, row)); got != want {
				t.Errorf("rank fill = %q, want %q", got, want)
			}
		})
	}
	// 未报送: dashes, no fill, and after the ranked units.
	row := findRow(t, f, "分项排名", map[int]string{2: "管控力量化指数", 4: "兰溪市"})
	for col, want := range map[int]string{value: "—", rnk: "—", tier: "未报送"} {
		if got, _ := f.GetCellValue("分项排名", cellName(t, col, row)); got != want {
			t.Errorf("未报送 col %d = %q, want %q", col, got, want)
		}
	}
	if fill := fillOf(t, f, "分项排名", cellName(t, rnk, row)); fill != "" {
		t.Errorf("未报送 has fill %q", fill)
	}
	if last := findRow(t, f, "分项排名", map[int]string{2: "管控力量化指数", 4: "永康市"}); last > row {
		t.Errorf("未报送 row %d comes before ranked row %d", row, last)
	}
}

func TestExcelMatrix(t *testing.T) {
	res, f, _ := sampleBook(t)
	col := map[string]int{}
	c := 3
	for _, ind := range res.Indicators {
		if ind.Ranked {
			col[ind.Name] = c
			c++
		}
	}
	row := map[string]int{}
	for i, r := range res.Overall {
		row[r.Unit] = 5 + i
	}
	for _, ind := range res.Indicators {
		if got, _ := f.GetCellValue("排名矩阵", cellName(t, col[ind.Name], 4)); got != ind.Name {
			t.Fatalf("indicator header = %q, want %q", got, ind.Name)
		}
		for _, e := range ind.Entries {
			cell := cellName(t, col[ind.Name], row[e.Unit])
			if e.Rank == nil {
				if got, _ := f.GetCellValue("排名矩阵", cell); got != "—" {
					t.Errorf("%s %s = %q, want —", ind.Name, e.Unit, got)
				}
				continue
			}
			checkNumber(t, f, "排名矩阵", cell, float64(*e.Rank))
			if got, want := fillOf(t, f, "排名矩阵", cell), tierFill[e.Tier]; got != want {
				t.Errorf("%s %s fill = %q, want %q", ind.Name, e.Unit, got, want)
			}
		}
	}
	merged, _ := f.GetMergeCells("排名矩阵")
	groups := map[string]string{}
	for _, m := range merged {
		if strings.HasSuffix(m.GetStartAxis(), "3") && m.GetStartAxis() != "A3" && m.GetStartAxis() != "B3" {
			groups[m.GetCellValue()] = m.GetStartAxis() + ":" + m.GetEndAxis()
		}
	}
	if groups["七张问题清单"] != "C3:G3" || len(groups) != len(res.Groups()) {
		t.Errorf("group headers = %v", groups)
	}
	if st := cellStyle(t, f, "排名矩阵", "C4"); st.Alignment == nil || st.Alignment.TextRotation != 255 {
		t.Errorf("indicator headers are not stacked vertically")
	}
}

func TestExcelTiers(t *testing.T) {
	_, f, _ := sampleBook(t)
	tests := []struct {
		indicator, top, bottom string
	}{
		{"管控力量化指数", "义乌市 91.86、磐安县 91.17、婺城区 90.80", "东阳市 90.25、金东区 89.64、永康市 88.79"},
		{"年度投资完成率", "义乌市 52.70%、兰溪市 46.90%、东阳市 34.34%", "金华开发区 27.40%"},
		{"省级问题主动发现率", "金东区、东阳市、武义县、金华开发区 100%(并列第1)", "—"},
	}
	for _, tt := range tests {
		row := findRow(t, f, "前三后三", map[int]string{2: tt.indicator})
		for col, want := range map[int]string{4: tt.top, 5: tt.bottom} {
			got, _ := f.GetCellValue("前三后三", cellName(t, col, row))
			// Long lists are broken into lines between items, never
			// inside a name or a figure.
			if strings.Count(got, "\n") != strings.Count(got, "、\n") {
				t.Errorf("%s col %d breaks a line inside an item: %q", tt.indicator, col, got)
			}
			if got = strings.ReplaceAll(got, "\n", ""); got != want {
				t.Errorf("%s col %d = %q, want %q", tt.indicator, col, got, want)
			}
		}
		if got := fillOf(t, f, "前三后三", cellName(t, 4, row)); got != tierFill[rank.Top] {
			t.Errorf("前3 fill = %q", got)
		}
		want := tierFill[rank.Bottom]
		if tt.bottom == "—" {
			want = ""
		}
		if got := fillOf(t, f, "前三后三", cellName(t, 5, row)); got != want {
			t.Errorf("后3 fill = %q, want %q", got, want)
		}
	}
}

func TestExcelNotes(t *testing.T) {
	res, f, _ := sampleBook(t)
	rows, _ := f.GetRows("说明")
	var all strings.Builder
	for _, r := range rows {
		all.WriteString(strings.Join(r, "|") + "\n")
	}
	first := res.Indicators[0]
	wants := []string{
		"2022年4月(2022-04)", res.Source, "2022年5月6日 10:30:00(UTC+08:00)",
		// Every policy in the words of the report's rules box and of rank.
		res.Rules.BoardLabel(), res.Rules.WeightsLabel(), res.Rules.MissingLabel(), res.Rules.CoverageLabel(),
		text.BoundaryRule(res.Rules), "数据性质|2022年1—4月:正式", "数据核查|未发现需要核查的数据",
		// The weight as given and as used.
		"1|七张问题清单|管控力量化指数|分|正向(越大越好)|1|" + data.Fixed(first.WeightUsed*100, 2) + "%|是|2|否|6 / 10",
	}
	for _, r := range text.Rules(res) {
		if r.Term != "变化" {
			wants = append(wants, r.Term+"|"+r.Text)
		}
	}
	for _, want := range wants {
		if !strings.Contains(all.String(), want) {
			t.Errorf("说明 lacks %q", want)
		}
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2022-05-06T02:30:00Z" || props.Modified != props.Created || props.Title != res.Title {
		t.Errorf("doc props = %+v", props)
	}
}

func TestExcelLayout(t *testing.T) {
	_, f, _ := sampleBook(t)
	tests := []struct {
		sheet        string
		xSplit       int
		ySplit       int
		printTitles  string
		keepColWider float64 // column A is at least this wide
	}{
		{"总榜", 3, 3, "'总榜'!$3:$3", 6},
		{"分项排名", 4, 3, "'分项排名'!$3:$3", 12},
		{"排名矩阵", 2, 4, "'排名矩阵'!$A:$B,'排名矩阵'!$3:$4", 6},
		{"前三后三", 2, 3, "'前三后三'!$3:$3", 8},
		{"红黄旗", 2, 3, "'红黄旗'!$3:$3", 4},
		{"数据核查", 1, 3, "'数据核查'!$3:$3", 8},
		{"历史", 3, 3, "'历史'!$3:$3", 12},
		{"说明", 0, 2, "", 10},
	}
	names := f.GetDefinedName()
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			p, err := f.GetPanes(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Freeze || p.XSplit != tt.xSplit || p.YSplit != tt.ySplit {
				t.Errorf("panes = %+v, want frozen at %d,%d", p, tt.xSplit, tt.ySplit)
			}
			pl, err := f.GetPageLayout(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			sp, err := f.GetSheetProps(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			// The sample's matrix prints on two pages across, at a scale;
			// every other sheet one page wide.
			fitted := tt.sheet != "排名矩阵"
			if *pl.Size != 9 || *pl.Orientation != "landscape" || fitted && (*pl.FitToWidth != 1 || *pl.FitToHeight != 0) ||
				!fitted && (*pl.AdjustTo < 70 || *pl.AdjustTo > 90) {
				t.Errorf("page = size %d %s fit %dx%d scale %d", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight, *pl.AdjustTo)
			}
			if sp.FitToPage == nil || *sp.FitToPage != fitted {
				t.Errorf("fit to page is %v", sp.FitToPage)
			}
			titles := ""
			for _, n := range names {
				if n.Name == "_xlnm.Print_Titles" && n.Scope == tt.sheet {
					titles = n.RefersTo
				}
			}
			if titles != tt.printTitles {
				t.Errorf("print titles %q, want %q", titles, tt.printTitles)
			}
			if w, _ := f.GetColWidth(tt.sheet, "A"); w < tt.keepColWider {
				t.Errorf("column A width %v", w)
			}
		})
	}
	// The longest indicator name shrinks into a column of 30 rather than
	// widen the printed page (Chinese text needs two units a character).
	cell := cellName(t, 2, findRow(t, f, "分项排名", map[int]string{2: "1平方公里以上片区改造完成投资额"}))
	if w, _ := f.GetColWidth("分项排名", "B"); w != 30 || !cellStyle(t, f, "分项排名", cell).Alignment.ShrinkToFit {
		t.Errorf("分项排名 indicator column is %v wide, shrink %v", w, cellStyle(t, f, "分项排名", cell).Alignment.ShrinkToFit)
	}
}

func TestExcelAutoFilter(t *testing.T) {
	res, f, b := sampleBook(t)
	rows := 0
	for _, ind := range res.Indicators {
		rows += len(ind.Entries)
	}
	last, _ := excelize.ColumnNumberToName(len(headersOf(t, f, "分项排名")))
	want := "A3:" + last + strconv.Itoa(3+rows)
	found := false
	for _, n := range f.GetDefinedName() {
		found = found || n.Name == "_xlnm._FilterDatabase" && n.Scope == "分项排名" &&
			n.RefersTo == "'分项排名'!$A$3:$"+last+"$"+strconv.Itoa(3+rows)
	}
	if !found {
		t.Errorf("no filter database name for %s: %+v", want, f.GetDefinedName())
	}
	if sheet := zipPart(t, b, "xl/worksheets/sheet2.xml"); !strings.Contains(sheet, `<autoFilter ref="$A$3:$`+last+`$`+strconv.Itoa(3+rows)+`"`) {
		t.Errorf("分项排名 has no autofilter over %s", want)
	}
}

func zipPart(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("no part %s: %v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestExcelChart(t *testing.T) {
	res, _, b := sampleBook(t)
	chart := zipPart(t, b, "xl/charts/chart1.xml")
	for _, want := range []string{
		"<barChart>", `<barDir val="bar">`,
		"&#39;总榜&#39;!$C$4:$C$13", "&#39;总榜&#39;!$D$4:$D$13", "&#39;总榜&#39;!$D$3",
		`<dPt><idx val="0"/>`, `<a:srgbClr val="` + text.StyleOf(rank.Top).ExcelChart + `"/>`, `<a:srgbClr val="` + text.StyleOf(rank.Bottom).ExcelChart + `"/>`,
		`<pt idx="0"><v>` + res.Overall[0].Unit + `</v></pt>`,
		`<pt idx="0"><v>77.94</v></pt>`, `<ptCount val="10"/>`,
		`<orientation val="maxMin">`,
	} {
		if !strings.Contains(chart, want) {
			t.Errorf("chart lacks %s", want)
		}
	}
	if n := strings.Count(chart, "<dPt>"); n != 6 {
		t.Errorf("%d coloured bars, want 6 (前3 and 后3)", n)
	}
	if rels := zipPart(t, b, "xl/worksheets/_rels/sheet1.xml.rels"); !strings.Contains(rels, "drawing1.xml") {
		t.Errorf("总榜 has no drawing")
	}
}

func TestExcelDeterministic(t *testing.T) {
	res := sampleResult(t, nil)
	first := writeExcel(t, res)
	// The content types came out in map order; a handful of writes makes
	// a shuffle all but certain to show.
	for i := 0; i < 8; i++ {
		if again := writeExcel(t, res); !bytes.Equal(first, again) {
			t.Fatalf("write %d differs from the first", i+2)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.IsZero() && f.Modified.Year() > 1980 {
			t.Errorf("%s carries a time stamp %v", f.Name, f.Modified)
		}
	}
}

func TestExcelInjection(t *testing.T) {
	const unit = `=HYPERLINK("http://x")`
	names := []string{unit, "+SUM(1,2)", "-2+3", "@cmd"}
	res := sampleResult(t, func(p *data.Period) {
		p.Units[0] = unit // 婺城区, ranked on many indicators
		p.Indicators[0].Name = names[1]
		p.Indicators[1].Name = names[2]
		p.Indicators[2].Group = names[3]
	})
	f := openExcel(t, writeExcel(t, res))
	seen := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, cells := range rows {
			for c, v := range cells {
				if !slices.Contains(names, v) {
					continue
				}
				seen[v]++
				cell := cellName(t, c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s has formula %q", sheet, cell, formula)
				}
				if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString {
					t.Errorf("%s!%s has type %v, want a string", sheet, cell, typ)
				}
			}
		}
	}
	for _, n := range names {
		if seen[n] == 0 {
			t.Errorf("%q not found as a cell", n)
		}
	}
	if seen[unit] < 4 {
		t.Errorf("unit name found in %d cells, want it on 总榜, 分项排名, 排名矩阵 and 历史", seen[unit])
	}
}

func TestExcelSparse(t *testing.T) {
	// 磐安县 reports nothing: no score, no rank, no bar.
	silent := sampleResult(t, func(p *data.Period) {
		for _, ind := range p.Indicators {
			ind.Values[8].OK = false
		}
	})
	f := openExcel(t, writeExcel(t, silent))
	row := findRow(t, f, "总榜", map[int]string{colOf(t, f, "总榜", "单位"): "磐安县"})
	for name, want := range map[string]string{"排名": "—", "变化": "", "综合得分": "—", "档次": "不参与\n排名", "连续期数": "", "计分指标": "0/32"} {
		if got, _ := f.GetCellValue("总榜", cellName(t, colOf(t, f, "总榜", name), row)); got != want {
			t.Errorf("磐安县 %s = %q, want %q", name, got, want)
		}
	}
	var buf bytes.Buffer
	if err := Excel(&buf, silent, ExcelOptions{}); err != nil {
		t.Fatal(err)
	}
	if chart := zipPart(t, buf.Bytes(), "xl/charts/chart1.xml"); !strings.Contains(chart, "$D$4:$D$12") || strings.Contains(chart, "磐安县") {
		t.Errorf("chart includes the unit without a score")
	}

	tests := []struct {
		name string
		res  *rank.Result
	}{
		{"no indicators", &rank.Result{Month: data.NewMonth(2022, 4), Title: "空", Rules: rank.DefaultOptions(),
			Units: []string{"甲", "乙"}, Tally: []rank.Tally{{Unit: "甲"}, {Unit: "乙"}},
			Overall: []rank.Overall{{Unit: "甲", Tier: rank.None}, {Unit: "乙", Tier: rank.None}}}},
		{"nothing at all", &rank.Result{Month: data.NewMonth(2022, 4), Rules: rank.DefaultOptions()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := openExcel(t, writeExcel(t, tt.res))
			if len(f.GetSheetList()) != 7 { // no history: no 历史
				t.Errorf("sheets = %v", f.GetSheetList())
			}
		})
	}
}

func TestNumFormat(t *testing.T) {
	tests := []struct {
		unit      string
		precision int
		want      string
	}{
		{"%", 1, `0.0"%"`},
		{"%", 0, `0"%"`},
		{"分", 2, "0.00"},
		{"亿元", 2, "0.00"},
		{"个", 0, "0"},
		{"", 3, "0.000"},
	}
	for _, tt := range tests {
		if got := numFormat(tt.unit, tt.precision); got != tt.want {
			t.Errorf("numFormat(%q, %d) = %q, want %q", tt.unit, tt.precision, got, tt.want)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("磁盘已满") }

func TestExcelWriteError(t *testing.T) {
	err := Excel(failWriter{}, sampleResult(t, nil), ExcelOptions{})
	if err == nil || !strings.Contains(err.Error(), "磁盘已满") {
		t.Errorf("err = %v, want the writer's error", err)
	}
}
