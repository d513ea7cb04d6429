package out

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shaipin/check"
	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// The tests of what makes a verdict defensible (issues 13 and 14): the
// 数据核查 sheet, coverage, the robustness check, ranks from both ends and
// the periods whose figures are not final.

// sampleData is the embedded sample with its periods marked as they are:
// 2022-01…03 simulated, 2022-04 taken from public reports; edit (if any)
// changes its April.
func sampleData(t testing.TB, edit func(p *data.Period)) *data.Dataset {
	t.Helper()
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range ds.Periods {
		ds.Periods[i].Provenance = data.Simulated
	}
	ds.Latest().Provenance = data.Published
	if edit != nil {
		edit(ds.Latest())
	}
	return ds
}

// richResult ranks ds with its own settings, as `report` does with every
// extra: the robustness check (200 draws, seed 1) and the plausibility
// checks.
func richResult(t testing.TB, ds *data.Dataset) *rank.Result {
	t.Helper()
	o := rank.DefaultOptions()
	res, err := rank.Compute(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := rank.Robust(ds.Latest(), o, rank.RobustOptions{Draws: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	res.AddRobust(rb)
	res.Checks = check.Dataset(ds, check.Options{})
	return res
}

// sheetRows reads a sheet's rows as shown.
func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// setFigure changes a unit's figure of the named indicator.
func setFigure(t testing.TB, p *data.Period, indicator, unit string, number float64, decimals int) {
	t.Helper()
	k := slices.Index(p.Units, unit)
	for _, ind := range p.Indicators {
		if ind.Name == indicator && k >= 0 {
			ind.Values[k].Number, ind.Values[k].Decimals = number, decimals
			return
		}
	}
	t.Fatalf("no %s of %s", indicator, unit)
}

func TestExcelChecks(t *testing.T) {
	t.Run("findings", func(t *testing.T) {
		// Issue 13's mistakes: a fraction among percentages, 万元 for 亿元.
		res := richResult(t, sampleData(t, func(p *data.Period) {
			setFigure(t, p, "年度投资完成率", "义乌市", 0.527, 3)
			setFigure(t, p, "完成投资额", "义乌市", 685000, 0)
		}))
		if len(res.Checks) != 2 {
			t.Fatalf("want the sample's two mistakes found, got %v", res.Checks)
		}
		f := openExcel(t, writeExcel(t, res))
		rows := sheetRows(t, f, "数据核查")
		head := headRowOf(t, f, "数据核查")
		for i, fd := range res.Checks { // in the findings' order
			want := []string{fd.Kind.Label(), "2022年4月", "义乌市", fd.Group, fd.Indicator,
				fd.File + ": " + fd.Sheet + "!" + fd.Cell, fd.Value, fd.Reason}
			if got := rows[head+i]; !slices.Equal(got, want) {
				t.Errorf("row %d = %q\nwant %q", head+i+1, got, want)
			}
		}
		if !slices.Contains(rows[head], "0.527") && !slices.Contains(rows[head+1], "0.527") {
			t.Errorf("0.527 is not listed")
		}
		notes := strings.Join(rowsText(sheetRows(t, f, "说明")), "\n")
		if !strings.Contains(notes, "共 2 条核查提示,见“数据核查”表") {
			t.Errorf("说明 does not point to the findings")
		}
	})
	t.Run("none", func(t *testing.T) {
		f := openExcel(t, writeExcel(t, richResult(t, sampleData(t, nil))))
		head := headRowOf(t, f, "数据核查")
		if got := sheetRows(t, f, "数据核查"); len(got) != head+1 || got[head][0] != "未发现需要核查的数据" {
			t.Errorf("数据核查 = %q", got[head-1:])
		}
	})
}

// rowsText joins each row's cells with "|".
func rowsText(rows [][]string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strings.Join(r, "|")
	}
	return out
}

// TestExcelCoverage: the sample's units scored on too few indicators come
// after the ranked ones, unranked, with the reason; every unit shows how
// many indicators it was scored on, and the rule is under the table.
func TestExcelCoverage(t *testing.T) {
	res := richResult(t, sampleData(t, nil))
	f := openExcel(t, writeExcel(t, res))
	col := func(name string) int { return colOf(t, f, "总榜", name) }
	head := headRowOf(t, f, "总榜")
	rows := sheetRows(t, f, "总榜")
	unranked := 0
	for i, r := range res.Overall {
		row := rows[head+i]
		counted := fmt.Sprintf("%d/%d", r.Counted, compositeCount(res))
		if row[col("单位")-1] != r.Unit || row[col("计分指标")-1] != counted {
			t.Errorf("row %d = %q, want %s scored on %s", head+i+1, row, r.Unit, counted)
		}
		// The same count as rank's reason: "计分指标不足(13/32,…".
		if r.Rank == nil && !strings.Contains(r.Why, "("+counted) {
			t.Errorf("%s 计分指标 %s, reason %q", r.Unit, counted, r.Why)
		}
		if r.Rank == nil {
			unranked++
			if row[col("排名")-1] != "—" || row[col("档次")-1] != "不参与\n排名" || row[col("说明")-1] != r.Why {
				t.Errorf("unranked %s = %q", r.Unit, row)
			}
		} else if unranked > 0 {
			t.Errorf("%s ranked after an unranked unit", r.Unit)
		}
	}
	if unranked == 0 {
		t.Fatal("the sample ranks every unit: no coverage rule to show")
	}
	note := strings.Join(rows[head+len(res.Overall)], "")
	if !strings.Contains(note, res.Rules.CoverageLabel()) {
		t.Errorf("no coverage rule under the table: %q", note)
	}
}

// TestExcelRobust: the robustness check's figures on 总榜, a borderline
// flag marked 边缘, and its reading under the table.
func TestExcelRobust(t *testing.T) {
	res := richResult(t, sampleData(t, nil))
	// Whatever the draws say, a borderline flag is marked where it shows.
	res.Overall[0].Robust.Borderline = true
	f := openExcel(t, writeExcel(t, res))
	col := func(name string) int { return colOf(t, f, "总榜", name) }
	head := headRowOf(t, f, "总榜")
	for i, r := range res.Overall {
		row := head + 1 + i
		cell := func(name string) string {
			v, _ := f.GetCellValue("总榜", cellName(t, col(name), row))
			return v
		}
		// Set on two lines, so that the column stays narrow.
		if got, want := strings.ReplaceAll(cell("档次"), "\n", ""), text.BoardTier(r, res.Rules); got != want {
			t.Errorf("%s 档次 = %q, want %q", r.Unit, got, want)
		}
		if r.Robust == nil {
			if cell("名次区间") != "" || cell("前3概率") != "" {
				t.Errorf("%s unranked but has an interval", r.Unit)
			}
			continue
		}
		if got := cell("名次区间"); got != text.Interval(*r.Robust) {
			t.Errorf("%s 名次区间 = %q", r.Unit, got)
		}
		checkNumber(t, f, "总榜", cellName(t, col("前3概率"), row), data.Round(r.Robust.TopShare*100, 1))
		checkNumber(t, f, "总榜", cellName(t, col("后3概率"), row), data.Round(r.Robust.BottomShare*100, 1))
	}
	if got, _ := f.GetCellValue("总榜", cellName(t, col("档次"), head+1)); got != "前3位\n(边缘)" {
		t.Errorf("borderline flag shows %q", got)
	}
	all := strings.Join(rowsText(sheetRows(t, f, "总榜")), "\n")
	if !strings.Contains(all, "稳健性:"+strings.TrimSuffix(res.Robustness.Reading, "。")) {
		t.Errorf("no reading under the table")
	}
	notes := strings.Join(rowsText(sheetRows(t, f, "说明")), "\n")
	if !strings.Contains(notes, "稳健性|"+text.RobustRule(res.Robustness, res.Rules)) {
		t.Errorf("说明 does not explain the robustness figures")
	}
}

// TestExcelReverseRank: where a tie group reaching into the last places
// makes a unit 后3, 分项排名 and 前三后三 give its rank from both ends.
func TestExcelReverseRank(t *testing.T) {
	res, f, _ := sampleBook(t)
	rnk := colOf(t, f, "分项排名", "排名")
	seen := 0
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			if e.ReverseRank == nil {
				continue
			}
			seen++
			row := findRow(t, f, "分项排名", map[int]string{2: ind.Name, 4: e.Unit})
			tied := len(e.Tie) > 0
			want := text.Place(*e.Rank, tied, nil) + "\n(" + text.FromWorst(*e.ReverseRank, tied) + ")"
			if got, _ := f.GetCellValue("分项排名", cellName(t, rnk, row)); got != want {
				t.Errorf("%s %s rank = %q, want %q", ind.Name, e.Unit, got, want)
			}
			if got := fillOf(t, f, "分项排名", cellName(t, rnk, row)); got != tierFill[rank.Bottom] {
				t.Errorf("%s %s rank fill %q", ind.Name, e.Unit, got)
			}
			tr := findRow(t, f, "前三后三", map[int]string{2: ind.Name})
			bottom, _ := f.GetCellValue("前三后三", cellName(t, 5, tr))
			if phrase := "(" + text.Place(*e.Rank, tied, nil) + "," + text.FromWorst(*e.ReverseRank, tied) + ")"; !strings.Contains(strings.ReplaceAll(bottom, "\n", ""), phrase) {
				t.Errorf("%s 后3 = %q, want %q", ind.Name, bottom, phrase)
			}
		}
	}
	if seen == 0 {
		t.Fatal("the sample has no rank from the other end")
	}
}

// TestExcelProvenance: every sheet that shows a simulated or published
// period says so under its title, in text's words; 历史 marks the periods'
// columns and 说明 states each period's 数据性质. Official figures get no
// warning.
func TestExcelProvenance(t *testing.T) {
	res := richResult(t, sampleData(t, nil))
	f := openExcel(t, writeExcel(t, res))
	mar, apr := data.NewMonth(2022, 3), data.NewMonth(2022, 4)
	tests := []struct {
		sheet   string
		periods []data.Month
	}{
		{"总榜", []data.Month{mar, apr}},
		{"分项排名", []data.Month{mar, apr}},
		{"前三后三", []data.Month{apr}},
		{"数据核查", []data.Month{apr}},
		{"历史", res.History.Periods},
		{"说明", res.History.Periods},
	}
	for _, tt := range tests {
		want := text.ProvenanceNote(tt.periods, res.Provenance)
		if got, _ := f.GetCellValue(tt.sheet, "A3"); got != want || want == "" {
			t.Errorf("%s A3 = %q, want %q", tt.sheet, got, want)
		}
	}
	if got, _ := f.GetCellValue("排名矩阵", "C3"); got != "2022年4月的数据取自公开报道,并非各单位正式报送。" {
		t.Errorf("排名矩阵 C3 = %q", got)
	}
	if got := headersOf(t, f, "历史"); !slices.Contains(got, "2022年1月(模拟)") || !slices.Contains(got, "2022年4月(本期,公开报道)") {
		t.Errorf("历史 headers = %q", got)
	}
	notes := strings.Join(rowsText(sheetRows(t, f, "说明")), "\n")
	if !strings.Contains(notes, "数据性质|2022年1—3月:模拟;2022年4月:公开报道。2022年1—3月为模拟数据,仅供演示") {
		t.Errorf("说明 does not state the 数据性质")
	}

	official := openExcel(t, writeExcel(t, sampleResult(t, nil)))
	for _, sheet := range official.GetSheetList() {
		if got, _ := official.GetCellValue(sheet, "A3"); strings.Contains(got, "数据") && strings.Contains(got, "以正式数据为准") {
			t.Errorf("%s warns about official figures: %q", sheet, got)
		}
	}
}

// TestExcelTallyBoard: ordered by flags, 总榜 shows each unit's net count
// of flags, as counts, and draws no chart of scores.
func TestExcelTallyBoard(t *testing.T) {
	ds := sampleData(t, nil)
	o := rank.DefaultOptions()
	o.Board = rank.TallyBoard
	res, err := rank.Compute(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	b := writeExcel(t, res)
	f := openExcel(t, b)
	col := colOf(t, f, "总榜", "前3位减后3位项数")
	head := headRowOf(t, f, "总榜")
	r := res.Overall[0]
	tally := res.TallyOf(r.Unit)
	checkNumber(t, f, "总榜", cellName(t, col, head+1), float64(tally.Top-tally.Bottom))
	if got := *cellStyle(t, f, "总榜", cellName(t, col, head+1)).CustomNumFmt; got != deltaFormat {
		t.Errorf("net count format %q", got)
	}
	if note, _ := f.GetCellValue("总榜", "A2"); !strings.HasPrefix(note, res.Rules.BoardLabel()) {
		t.Errorf("note = %q", note)
	}
	if _, err := zipReader(t, b).Open("xl/charts/chart1.xml"); err == nil {
		t.Errorf("a chart of scores on a board of flags")
	}
}
