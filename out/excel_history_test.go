package out

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
)

// fontColour is a cell's font colour ("" for the default).
func fontColour(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	if st := cellStyle(t, f, sheet, cell); st.Font != nil {
		return st.Font.Color
	}
	return ""
}

// rawValue is a cell's stored value, unformatted.
func rawValue(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkSigned checks a history cell: blank for nil, else the number, its
// format and the colour of its news.
func checkSigned(t *testing.T, f *excelize.File, sheet, cell string, v *float64, format, colour string) {
	t.Helper()
	if v == nil {
		if got := rawValue(t, f, sheet, cell); got != "" {
			t.Errorf("%s!%s = %q, want blank", sheet, cell, got)
		}
		return
	}
	checkNumber(t, f, sheet, cell, *v)
	st := cellStyle(t, f, sheet, cell)
	if st.CustomNumFmt == nil || *st.CustomNumFmt != format {
		t.Errorf("%s!%s format = %v, want %q", sheet, cell, st.CustomNumFmt, format)
	}
	if got := fontColour(t, f, sheet, cell); got != colour {
		t.Errorf("%s!%s colour = %q, want %q", sheet, cell, got, colour)
	}
}

func changeColour(c int) string {
	switch {
	case c > 0:
		return upText
	case c < 0:
		return downText
	}
	return flatText
}

func floatPtr(c *int) *float64 {
	if c == nil {
		return nil
	}
	return ptrTo(float64(*c))
}

// TestExcelChanges checks the 变化 next to every rank: on 总榜 and 分项排名
// every cell against the result, and a few the sample is known for.
func TestExcelChanges(t *testing.T) {
	res, f, _ := sampleBook(t)
	if res.Previous.String() != "2022-03" {
		t.Fatalf("sample compares with %q, want 2022-03", res.Previous)
	}
	board, items := colOf(t, f, "总榜", "变化"), colOf(t, f, "分项排名", "变化")
	if board != colOf(t, f, "总榜", "排名")+1 || items != colOf(t, f, "分项排名", "排名")+1 {
		t.Errorf("变化 is not next to 排名")
	}
	for i, r := range res.Overall {
		checkSigned(t, f, "总榜", cellName(t, board, 4+i), floatPtr(r.Change), changeFormat, changeColour(deref(r.Change)))
	}
	row := 4
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			checkSigned(t, f, "分项排名", cellName(t, items, row), floatPtr(e.Change), changeFormat, changeColour(deref(e.Change)))
			// The change keeps the tier's fill, so the red or yellow band
			// runs unbroken along the row.
			if got, want := fillOf(t, f, "分项排名", cellName(t, items, row)), tierFill[e.Tier]; got != want {
				t.Errorf("%s %s 变化 fill = %q, want %q", ind.Name, e.Unit, got, want)
			}
			row++
		}
	}

	tests := []struct {
		sheet     string
		where     map[string]string // header → value identifying the row
		change    float64
		colour    string
		bold      bool
		wantLabel string // what Excel shows (rank.ChangeLabel)
	}{
		{"总榜", map[string]string{"单位": "金东区"}, 5, upText, true, "↑5"},
		{"总榜", map[string]string{"单位": "婺城区"}, -1, downText, true, "↓1"},
		{"总榜", map[string]string{"单位": "义乌市"}, 0, flatText, false, "—"},
		{"分项排名", map[string]string{"指标": "管控力量化指数", "单位名称": "磐安县"}, 3, upText, true, "↑3"},
		{"分项排名", map[string]string{"指标": "管控力量化指数", "单位名称": "东阳市"}, -2, downText, true, "↓2"},
	}
	for _, tt := range tests {
		want := map[int]string{}
		for h, v := range tt.where {
			want[colOf(t, f, tt.sheet, h)] = v
		}
		row := findRow(t, f, tt.sheet, want)
		cell := cellName(t, colOf(t, f, tt.sheet, "变化"), row)
		checkSigned(t, f, tt.sheet, cell, &tt.change, changeFormat, tt.colour)
		if st := cellStyle(t, f, tt.sheet, cell); st.Font.Bold != tt.bold {
			t.Errorf("%s %v bold = %v", tt.sheet, tt.where, st.Font.Bold)
		}
		if c := int(tt.change); rank.ChangeLabel(&c) != tt.wantLabel {
			t.Errorf("ChangeLabel(%d) = %q; changeFormat draws %q", c, rank.ChangeLabel(&c), tt.wantLabel)
		}
	}
	// 未报送: no rank, so no change.
	row = findRow(t, f, "分项排名", map[int]string{2: "管控力量化指数", 4: "兰溪市"})
	if got := rawValue(t, f, "分项排名", cellName(t, items, row)); got != "" {
		t.Errorf("未报送 change = %q, want blank", got)
	}
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// TestChangeFormat checks the formats' sections: positive; negative; zero.
// excelize's own formatter ignores a third section (v2.11.1 shows 0 as
// "↑0"), so the check is on the format string; LibreOffice and Excel draw
// "—" (see the README's pages).
func TestChangeFormat(t *testing.T) {
	tests := []struct {
		format string
		want   []string // the sections, positive; negative; zero
	}{
		{changeFormat, []string{`"↑"0`, `"↓"0`, `"—"`}},
		{deltaFormat, []string{`"+"0`, `"−"0`, `0`}},
		{pointsFormat, []string{`"+"0.00`, `"−"0.00`, `0.00`}},
	}
	for _, tt := range tests {
		if got := splitSections(tt.format); !slices.Equal(got, tt.want) {
			t.Errorf("%s sections = %q, want %q", tt.format, got, tt.want)
		}
	}
}

func splitSections(format string) []string {
	var out []string
	quoted, start := false, 0
	for i, r := range format {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ';' && !quoted:
			out = append(out, format[start:i])
			start = i + 1
		}
	}
	return append(out, format[start:])
}

func TestExcelTallyChange(t *testing.T) {
	res, f, _ := sampleBook(t)
	top, bottom := colOf(t, f, "总榜", "前3位较上期"), colOf(t, f, "总榜", "后3位较上期")
	if top != colOf(t, f, "总榜", "前3位项数")+1 || bottom != colOf(t, f, "总榜", "后3位项数")+1 {
		t.Errorf("较上期 columns do not follow their counts")
	}
	// More 前3 is good news (red), more 后3 bad news (amber).
	colour := func(d, better int) string { return changeColour(d * better) }
	for i, r := range res.Overall {
		c := res.TallyOf(r.Unit).Change
		if c == nil {
			t.Fatalf("%s has no tally change", r.Unit)
		}
		checkSigned(t, f, "总榜", cellName(t, top, 4+i), ptrTo(float64(c.Top)), deltaFormat, colour(c.Top, 1))
		checkSigned(t, f, "总榜", cellName(t, bottom, 4+i), ptrTo(float64(c.Bottom)), deltaFormat, colour(c.Bottom, -1))
	}
	// Spot checks from the sample: 义乌市 前3 +1 (red), 后3 −1 (red: fewer
	// yellow flags); 浦江县 后3 +2 (amber).
	yiwu := findRow(t, f, "总榜", map[int]string{colOf(t, f, "总榜", "单位"): "义乌市"})
	pujiang := findRow(t, f, "总榜", map[int]string{colOf(t, f, "总榜", "单位"): "浦江县"})
	for _, tt := range []struct {
		col, row int
		v        float64
		colour   string
	}{
		{top, yiwu, 1, upText}, {bottom, yiwu, -1, upText}, {bottom, pujiang, 2, downText},
	} {
		checkSigned(t, f, "总榜", cellName(t, tt.col, tt.row), &tt.v, deltaFormat, tt.colour)
	}
}

func TestExcelStreak(t *testing.T) {
	res, f, _ := sampleBook(t)
	check := func(sheet, cell string, rank *int, n int) {
		t.Helper()
		if rank == nil || n == 0 {
			if got := rawValue(t, f, sheet, cell); got != "" {
				t.Errorf("%s!%s = %q, want blank (no rank)", sheet, cell, got)
			}
			return
		}
		checkNumber(t, f, sheet, cell, float64(n))
	}
	col := colOf(t, f, "总榜", "连续期数")
	for i, r := range res.Overall {
		check("总榜", cellName(t, col, 4+i), r.Rank, r.Streak)
	}
	col, row := colOf(t, f, "分项排名", "连续期数"), 4
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			check("分项排名", cellName(t, col, row), e.Rank, e.Streak)
			row++
		}
	}
}

func TestExcelSchedule(t *testing.T) {
	res, f, _ := sampleBook(t)
	col := colOf(t, f, "分项排名", "较时序进度(百分点)")
	tests := []struct {
		indicator, unit string
		want            *float64
		colour          string
	}{
		{"年度投资完成率", "义乌市", ptrTo(19.37), upText},     // 52.7 − 33.33…
		{"年度投资完成率", "金华开发区", ptrTo(-5.93), downText}, // 27.4 − 33.33…
		{"年度投资完成率", "婺城区", nil, ""},                  // 未报送
		{"管控力量化指数", "义乌市", nil, ""},                  // not a completion rate
	}
	for _, tt := range tests {
		row := findRow(t, f, "分项排名", map[int]string{2: tt.indicator, 4: tt.unit})
		checkSigned(t, f, "分项排名", cellName(t, col, row), tt.want, pointsFormat, tt.colour)
	}
	// Every cell as the result says.
	row := 4
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			if e.VsSchedule != nil {
				checkNumber(t, f, "分项排名", cellName(t, col, row), *e.VsSchedule)
			} else if got := rawValue(t, f, "分项排名", cellName(t, col, row)); got != "" {
				t.Errorf("%s %s 较时序进度 = %q, want blank", ind.Name, e.Unit, got)
			}
			row++
		}
	}
	// 时序进度 at the 2 decimals the differences are computed at, so that
	// each can be checked by hand: 52.7 − 33.33 = 19.37.
	if got, _ := f.GetCellValue("分项排名", "A2"); !strings.Contains(got, "时序进度 33.33%") {
		t.Errorf("note does not give 时序进度: %q", got)
	}
}

// TestExcelHistory reads 历史 back row by row against res.History: the
// overall board first (every unit, in 总榜 order), then each indicator's
// units that had a rank in some period, in this period's rank order.
func TestExcelHistory(t *testing.T) {
	res, f, _ := sampleBook(t)
	h := res.History
	if h == nil || len(h.Periods) != 4 {
		t.Fatalf("sample history = %+v, want 4 periods", h)
	}
	heads := headersOf(t, f, "历史")
	for i, p := range h.Periods {
		want := p.Label()
		if i == len(h.Periods)-1 {
			want += "(本期)"
		}
		if heads[3+i] != want {
			t.Errorf("period header %d = %q, want %q", i, heads[3+i], want)
		}
	}
	type line struct {
		group, name string
		trend       rank.Trend
	}
	var want []line
	byUnit := func(ts []rank.Trend) map[string]rank.Trend {
		m := map[string]rank.Trend{}
		for _, t := range ts {
			m[t.Unit] = t
		}
		return m
	}
	overall := byUnit(h.Overall)
	for _, r := range res.Overall {
		want = append(want, line{"总榜", "综合得分排名", overall[r.Unit]})
	}
	for _, ti := range h.Indicators {
		units := byUnit(ti.Units)
		var entries []rank.Entry
		for _, ind := range res.Indicators {
			if ind.Group == ti.Group && ind.Name == ti.Name {
				entries = ind.Entries
			}
		}
		for _, e := range entries {
			if tr := units[e.Unit]; ranked(tr) {
				want = append(want, line{ti.Group, ti.Name, tr})
			}
		}
	}
	rows, err := f.GetRows("历史", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	body := rows[3:]
	if len(body) != len(want) {
		t.Fatalf("历史 has %d rows, want %d", len(body), len(want))
	}
	for i, w := range want {
		got := append(body[i], make([]string, 8)...)[:8]
		exp := []string{w.group, w.name, w.trend.Unit}
		for _, r := range w.trend.Ranks {
			if r == nil {
				exp = append(exp, "—")
			} else {
				exp = append(exp, strconv.Itoa(*r))
			}
		}
		exp = append(exp, "")
		if c := lastChange(w.trend.Ranks); c != nil {
			exp[7] = strconv.Itoa(*c)
		}
		if !slices.Equal(got, exp) {
			t.Errorf("历史 row %d = %q, want %q", i+4, got, exp)
		}
	}
	// The last change is the one 分项排名 and 总榜 show.
	for i, r := range res.Overall {
		if c := lastChange(overall[r.Unit].Ranks); deref(c) != deref(r.Change) || (c == nil) != (r.Change == nil) {
			t.Errorf("%s: 历史 change %v, 总榜 change %v", r.Unit, c, r.Change)
		}
		cell := cellName(t, 8, 4+i)
		checkSigned(t, f, "历史", cell, floatPtr(r.Change), changeFormat, changeColour(deref(r.Change)))
	}
	// Ranks are numbers.
	checkNumber(t, f, "历史", "D4", float64(*overall[res.Overall[0].Unit].Ranks[0]))
}

// TestExcelSinglePeriod: with nothing to compare with, no history column
// and no 历史 sheet appear, not even empty ones; 较时序进度 needs no history
// and stays when an indicator is judged against 时序进度.
func TestExcelSinglePeriod(t *testing.T) {
	noSchedule := func(p *data.Period) {
		for _, ind := range p.Indicators {
			ind.Schedule = false
		}
	}
	tests := []struct {
		name  string
		edit  func(p *data.Period)
		board []string
		items []string
	}{
		{"with 时序进度", nil,
			[]string{"排名", "单位", "综合得分", "档次", "前3位项数", "中间项数", "后3位项数", "未报送项数", "计分指标", "说明"},
			[]string{"分组", "指标", "单位(计量)", "单位名称", "数值", "排名", "档次", "较时序进度(百分点)", "说明"}},
		{"without 时序进度", noSchedule,
			[]string{"排名", "单位", "综合得分", "档次", "前3位项数", "中间项数", "后3位项数", "未报送项数", "计分指标", "说明"},
			[]string{"分组", "指标", "单位(计量)", "单位名称", "数值", "排名", "档次", "说明"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := singleResult(t, tt.edit)
			if res.History != nil || !res.Previous.IsZero() {
				t.Fatalf("single period has history %v / %q", res.History, res.Previous)
			}
			b := writeExcel(t, res)
			f := openExcel(t, b)
			if got, want := f.GetSheetList(), []string{"总榜", "分项排名", "排名矩阵", "前三后三", "红黄旗", "数据核查", "说明"}; !slices.Equal(got, want) {
				t.Errorf("sheets = %v, want %v", got, want)
			}
			if got := headersOf(t, f, "总榜"); !slices.Equal(got, tt.board) {
				t.Errorf("总榜 headers = %q, want %q", got, tt.board)
			}
			if got := headersOf(t, f, "分项排名"); !slices.Equal(got, tt.items) {
				t.Errorf("分项排名 headers = %q, want %q", got, tt.items)
			}
			// Nothing written beyond the last header.
			for _, sheet := range []string{"总榜", "分项排名"} {
				// The used range counts styled blank cells too.
				dim, err := f.GetSheetDimension(sheet)
				if err != nil {
					t.Fatal(err)
				}
				end := dim[strings.Index(dim, ":")+1:]
				col, _, err := excelize.CellNameToCoordinates(end)
				if err != nil || col != len(headersOf(t, f, sheet)) {
					t.Errorf("%s uses %s, beyond its %d columns", sheet, dim, len(headersOf(t, f, sheet)))
				}
			}
			rows, _ := f.GetRows("说明")
			for _, r := range rows {
				if len(r) > 0 && (r[0] == "变化" || r[0] == "历史") {
					t.Errorf("说明 explains %s without history", r[0])
				}
			}
			// The chart follows the score column wherever it is.
			if chart := zipPart(t, b, "xl/charts/chart1.xml"); !strings.Contains(chart, "$C$4:$C$13") {
				t.Errorf("chart does not read the scores in column C")
			}
		})
	}
}

func TestExcelNotesHistory(t *testing.T) {
	_, f, _ := sampleBook(t)
	want := map[string]string{
		"变化":   "与2022年3月比较",
		"历史":   "共 4 期:2022年1月、2022年2月、2022年3月、2022年4月",
		"时序进度": "2022年4月时序进度为 33.33%",
	}
	rows, _ := f.GetRows("说明")
	for _, r := range rows {
		if len(r) > 1 {
			if w, ok := want[r[0]]; ok {
				if !strings.Contains(r[1], w) {
					t.Errorf("说明 %s = %q, want it to say %q", r[0], r[1], w)
				}
				delete(want, r[0])
			}
		}
	}
	for k := range want {
		t.Errorf("说明 has no %s row", k)
	}
}

// TestExcelRowHeights: the tables are grids of equal rows. 总榜 rows are
// set to one height; 分项排名 rows to the default one, set so that its
// pages can be planned, but for the rows whose rank is given from both
// ends on two lines; 历史 keeps the default; each 前三后三 row is as tall
// as its longest list needs.
func TestExcelRowHeights(t *testing.T) {
	res, f, _ := sampleBook(t)
	tests := []struct {
		sheet string
		rows  int
		tall  func(r []string) bool // a row allowed to be taller
	}{
		{"总榜", len(res.Overall), nil},
		{"分项排名", 0, func(r []string) bool { return strings.Contains(r[5], "倒数") }},
		{"历史", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			all, _ := f.GetRows(tt.sheet)
			n := tt.rows
			if n == 0 {
				n = len(all) - 3
			}
			first, _ := f.GetRowHeight(tt.sheet, 4)
			for row := 4; row < 4+n; row++ {
				if h, _ := f.GetRowHeight(tt.sheet, row); h != first && (tt.tall == nil || !tt.tall(all[row-1]) || h < first) {
					t.Fatalf("row %d is %v high, row 4 %v", row, h, first)
				}
			}
		})
	}
	tiers, _ := f.GetRows("前三后三")
	for row := 4; row <= len(tiers); row++ {
		lines := 1
		for _, c := range tiers[row-1] {
			lines = max(lines, strings.Count(c, "\n")+1)
		}
		if h, _ := f.GetRowHeight("前三后三", row); h < float64(16*lines) {
			t.Errorf("前三后三 row %d is %v high for %d lines", row, h, lines)
		}
	}
	// 说明 columns do not wrap: a long remark shrinks instead of growing
	// its row.
	for _, sheet := range []string{"总榜", "分项排名"} {
		st := cellStyle(t, f, sheet, cellName(t, colOf(t, f, sheet, "说明"), 4))
		if st.Alignment == nil || st.Alignment.WrapText || !st.Alignment.ShrinkToFit {
			t.Errorf("%s 说明 alignment = %+v, want one line, shrink to fit", sheet, st.Alignment)
		}
	}
}

func TestLineUp(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		width float64
		want  string
		fits  bool // every item fits in width on its own
	}{
		{"fits", []string{"婺城区", "金东区"}, 20, "婺城区、金东区", true},
		{"empty", nil, 20, "", true},
		{"one", []string{"金华开发区"}, 4, "金华开发区", false},
		// avail = 20 − 2 = 18: "婺城区、金东区、" is 16, and 兰溪市 with a
		// following 、 would make 24.
		{"breaks after the separator", []string{"婺城区", "金东区", "兰溪市"}, 20, "婺城区、金东区、\n兰溪市", true},
		{"every item too long", []string{"金华开发区", "金华开发区"}, 8, "金华开发区、\n金华开发区", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lineUp(tt.items, tt.width)
			if got != tt.want {
				t.Errorf("lineUp = %q, want %q", got, tt.want)
			}
			// The row height comes from xlsx.Lines: it must count the
			// lines lineUp made, in a cell as wide as lineUp was told.
			if lines := float64(strings.Count(got, "\n") + 1); tt.fits && xlsx.Lines(got, tt.width-1) != lines {
				t.Errorf("xlsx.Lines = %v for %q, want %v", xlsx.Lines(got, tt.width-1), got, lines)
			}
		})
	}
}

// TestExcelHistoryDeterministic: the history columns and sheet keep the
// workbook byte-identical for the same result, and a single-period one too.
func TestExcelHistoryDeterministic(t *testing.T) {
	for _, res := range []*rank.Result{sampleResult(t, nil), singleResult(t, nil)} {
		if a, b := writeExcel(t, res), writeExcel(t, res); !bytes.Equal(a, b) {
			t.Errorf("workbook with history %v differs between writes", res.History != nil)
		}
	}
}
