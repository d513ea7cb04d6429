package data

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shaipin/data/sample"
)

// sampleForm reads the embedded April workbook as a form (period, aliases).
func sampleForm(t testing.TB) *Form {
	t.Helper()
	f, err := ReadForm(sample.FileName, sample.Xlsx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func writeForm(t testing.TB, p *Period, opts FormOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteForm(&buf, p, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readBack reads a written workbook back, failing on any problem or warning.
func readBack(t testing.TB, name string, b []byte) *Form {
	t.Helper()
	f, err := ReadForm(name, b, Options{})
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(f.Warnings) > 0 {
		t.Errorf("read back warns:\n%v", f.Warnings)
	}
	return f
}

// periodDiff lists how two periods differ; File is not compared, Cell only
// when cells is set.
func periodDiff(a, b *Period, cells bool) []string {
	var d []string
	add := func(format string, args ...any) { d = append(d, fmt.Sprintf(format, args...)) }
	if a.Month != b.Month || a.Title != b.Title || a.Source != b.Source {
		add("header %q %q %q != %q %q %q", a.Month, a.Title, a.Source, b.Month, b.Title, b.Source)
	}
	if a.Provenance != b.Provenance || fmt.Sprint(settingsText(a.Settings)) != fmt.Sprint(settingsText(b.Settings)) {
		add("参数 %q %v != %q %v", a.Provenance, settingsText(a.Settings), b.Provenance, settingsText(b.Settings))
	}
	if strings.Join(a.Units, ",") != strings.Join(b.Units, ",") {
		add("units %v != %v", a.Units, b.Units)
	}
	if len(a.Indicators) != len(b.Indicators) {
		add("%d indicators != %d", len(a.Indicators), len(b.Indicators))
		return d
	}
	for i, x := range a.Indicators {
		y := b.Indicators[i]
		if x.Name != y.Name || x.Group != y.Group || x.Unit != y.Unit || x.Direction != y.Direction ||
			x.Weight != y.Weight || x.Decimals != y.Decimals || x.Ranked != y.Ranked || x.Schedule != y.Schedule || x.Sheet != y.Sheet ||
			!sameTarget(x.Target, y.Target) || x.Lower != y.Lower || x.Upper != y.Upper {
			add("indicator %d: %+v != %+v", i, *x, *y)
			continue
		}
		for k := range x.Values {
			v, w := x.Values[k], y.Values[k]
			if !cells {
				v.Cell, w.Cell = "", ""
			}
			if v != w {
				add("%s/%s %s: %+v != %+v", x.Group, x.Name, a.Units[k], v, w)
			}
		}
	}
	return d
}

// settingsText shows Settings with the coverage's value, not its pointer.
func settingsText(s Settings) string {
	cov := "nil"
	if s.MinCoverage != nil {
		cov = fmt.Sprint(*s.MinCoverage)
	}
	return fmt.Sprintf("{%s %s %s %s %s}", cov, s.Missing, s.Score, s.Weights, s.Board)
}

func TestWriteFormRoundTripSample(t *testing.T) {
	src := sampleForm(t)
	b := writeForm(t, src.Period, FormOptions{Aliases: src.Aliases})
	back := readBack(t, sample.FileName, b)
	// The layout is the sample's (one title row), so even the cells agree.
	if d := periodDiff(src.Period, back.Period, true); len(d) > 0 {
		t.Errorf("round trip differs:\n%s", strings.Join(d, "\n"))
	}
	if fmt.Sprint(back.Aliases) != fmt.Sprint(src.Aliases) {
		t.Errorf("aliases: %v != %v", back.Aliases, src.Aliases)
	}
	if back.Unit != "" {
		t.Errorf("a data workbook has 填报单位 %q", back.Unit)
	}
}

// trickyPeriod is a period exercising what the layout must keep: a sheet of
// several groups (one a single column, one the sheet's own), trailing
// zeros, negatives, percentages, every rule, a unit without aliases.
func trickyPeriod() *Period {
	v := func(n float64, d int) Value { return Value{OK: true, Number: n, Decimals: d} }
	none := Value{}
	ind := func(sheet, group, name, unit string, vals ...Value) *Indicator {
		return &Indicator{Name: name, Group: group, Unit: unit, Direction: Higher, Weight: 1,
			Decimals: -1, Ranked: true, Sheet: sheet, Values: vals}
	}
	p := &Period{Month: NewMonth(2022, 5), Title: "测试市2022年1—5月晒拼", Source: "", Units: []string{"甲区", "乙县", "丙市"}}
	a := ind("经济", "经济", "GDP增速", "%", v(-2.5, 1), v(84, 1), none)
	a.Decimals = 1
	b := ind("经济", "城市更新4321", "完成投资额", "亿元", v(17.81, 2), v(4.2, 1), v(100, 0))
	c := ind("经济", "城市更新4321", "年度投资完成率", "%", v(52.7, 1), none, v(120.5, 1))
	c.Schedule = true
	d := ind("经济", "城乡", "城乡收入比", "", v(1.61, 2), v(1.58, 2), v(1.7, 1))
	d.Direction, d.Weight = Lower, 0.5
	e := ind("数字化", "数字化", "浙里办日活跃用户数", "万人", v(5, 0), v(1.25, 2), v(0.5, 1))
	e.Ranked = false
	f := ind("数字化", "数字化", "应用数", "个", none, none, none)
	c.Target, c.Upper = new(41.67), Limit{Set: true, Value: math.Inf(1)}
	d.Target, d.Lower, d.Upper = new(1.5), Limit{Set: true, Value: 1}, Limit{Set: true, Value: 3.5}
	return &Period{Month: p.Month, Title: p.Title, Units: p.Units, Indicators: []*Indicator{a, b, c, d, e, f},
		Provenance: Provisional,
		Settings:   Settings{MinCoverage: new(0.625), Missing: "last", Score: "topsis", Weights: "entropy", Board: "tally"}}
}

func TestWriteFormRoundTripTricky(t *testing.T) {
	p := trickyPeriod()
	aliases := map[string][]string{"甲区": {"甲", "甲新区"}, "乙县": {"乙"}}
	b := writeForm(t, p, FormOptions{Aliases: aliases})
	back := readBack(t, "x.xlsx", b)
	if d := periodDiff(p, back.Period, false); len(d) > 0 {
		t.Errorf("round trip differs:\n%s", strings.Join(d, "\n"))
	}
	if got := fmt.Sprint(back.Aliases); got != "map[丙市:[] 乙县:[乙] 甲区:[甲 甲新区]]" {
		t.Errorf("aliases %s", got)
	}
	// 84.0 kept as text, 17.81 a number shown with 2 decimals.
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("经济")
	for _, r := range rows {
		for j := range r {
			r[j] = strings.ReplaceAll(r[j], "\n", "")
		}
	}
	if rows[1][0] != "县(市、区)" || rows[1][2] != "城市更新4321" || rows[2][2] != "完成投资额(亿元)" || rows[1][1] != "GDP增速(%)" {
		t.Errorf("header rows %q / %q", rows[1], rows[2])
	}
	if typ, _ := x.GetCellType("经济", "B5"); typ != excelize.CellTypeSharedString {
		t.Errorf("84.0 should be text, is type %v", typ)
	}
	if s, _ := x.GetCellValue("经济", "C4"); s != "17.81" {
		t.Errorf("C4 shows %q", s)
	}
	if s, _ := x.GetCellValue("经济", "C6"); s != "100" {
		t.Errorf("C6 shows %q", s)
	}
	merges, _ := x.GetMergeCells("经济")
	var ms []string
	for _, m := range merges {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if got := strings.Join(ms, " "); !strings.Contains(got, "C2:D2") || !strings.Contains(got, "A2:A3") || !strings.Contains(got, "B2:B3") {
		t.Errorf("merges %s", got)
	}
}

func TestWriteFormSplitsLoneGroups(t *testing.T) {
	// A sheet whose only foreign group has one indicator cannot carry a
	// two-row header the reader recognises: that group gets its own sheet.
	p := trickyPeriod()
	p.Indicators = p.Indicators[3:] // 城乡 (one column, sheet 经济), 数字化 ×2
	b := writeForm(t, p, FormOptions{})
	back := readBack(t, "x.xlsx", b)
	got := back.Period.Indicators[0]
	if got.Group != "城乡" || got.Sheet != "城乡" || got.Name != "城乡收入比" {
		t.Errorf("lone group read back as %+v", got)
	}
	p.Indicators[0].Sheet = "城乡"
	if d := periodDiff(p, back.Period, false); len(d) > 0 {
		t.Errorf("round trip differs:\n%s", strings.Join(d, "\n"))
	}
}

func TestWriteFormDeterministic(t *testing.T) {
	src := sampleForm(t)
	for _, opts := range []FormOptions{
		{Aliases: src.Aliases},
		{Aliases: src.Aliases, Form: true},
		{Aliases: src.Aliases, Form: true, Unit: "义乌市"},
	} {
		first := writeForm(t, src.Period, opts)
		for range 5 {
			if again := writeForm(t, src.Period, opts); !bytes.Equal(first, again) {
				t.Fatalf("%+v: two writes differ", opts)
			}
		}
	}
}

// blankOf is p with every value removed, as a template has it.
func blankOf(p *Period) *Period {
	q := *p
	q.Indicators = nil
	for _, ind := range p.Indicators {
		c := *ind
		c.Values = make([]Value, len(p.Units))
		q.Indicators = append(q.Indicators, &c)
	}
	return &q
}

func TestWriteFormForm(t *testing.T) {
	src := sampleForm(t)
	blank := blankOf(src.Period)
	b := writeForm(t, blank, FormOptions{Aliases: src.Aliases, Form: true})
	back := readBack(t, "2022-04-填报模板.xlsx", b)
	if d := periodDiff(blank, back.Period, false); len(d) > 0 {
		t.Errorf("form reads back differently:\n%s", strings.Join(d, "\n"))
	}
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if sheets[0] != SheetGuide || x.GetActiveSheetIndex() != 0 {
		t.Errorf("sheets %v, active %d: the guide should come first and be shown", sheets, x.GetActiveSheetIndex())
	}

	// Every value column of every data sheet is validated; rates 0–100 with
	// a warning, other figures any number with a stop.
	checked := 0
	for _, ind := range src.Period.Indicators {
		dvs, err := x.GetDataValidations(ind.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		col := headerCol(t, x, ind)
		want := fmt.Sprintf("%s3:%s12", col, col)
		if ind.Sheet == "城市更新" {
			want = fmt.Sprintf("%s4:%s13", col, col)
		}
		var dv *excelize.DataValidation
		for _, d := range dvs {
			if d.Sqref == want {
				dv = d
			}
		}
		if dv == nil {
			t.Errorf("%s: no validation on %s", ind.Name, want)
			continue
		}
		checked++
		if dv.Type != "decimal" || !dv.AllowBlank || !dv.ShowErrorMessage || !dv.ShowInputMessage {
			t.Errorf("%s: validation %+v", ind.Name, dv)
		}
		if dv.Prompt == nil || !strings.Contains(*dv.Prompt, "留空") || dv.Error == nil || !strings.Contains(*dv.Error, ind.Name) {
			t.Errorf("%s: messages %v / %v", ind.Name, dv.Prompt, dv.Error)
		}
		if ind.Unit == "%" {
			if dv.Formula1 != "0" || dv.Formula2 != "100" || *dv.ErrorStyle != "warning" {
				t.Errorf("%s: rate validation %s–%s %s", ind.Name, dv.Formula1, dv.Formula2, *dv.ErrorStyle)
			}
		} else if *dv.ErrorStyle != "stop" {
			t.Errorf("%s: error style %s", ind.Name, *dv.ErrorStyle)
		}
	}
	if checked != len(src.Period.Indicators) {
		t.Errorf("%d of %d columns validated", checked, len(src.Period.Indicators))
	}

	// Value cells are unlocked; unit names and headers are not.
	locked := func(sheet, ref string) bool {
		id, err := x.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for _, c := range []struct {
		sheet, ref string
		locked     bool
	}{
		{"七张问题清单", "A1", true}, {"七张问题清单", "B2", true}, {"七张问题清单", "A3", true},
		{"七张问题清单", "B3", false}, {"七张问题清单", "F12", false}, {"七张问题清单", "B14", true},
		{"城市更新", "B3", true}, {"城市更新", "B4", false}, {"城市更新", "A13", true},
	} {
		if got := locked(c.sheet, c.ref); got != c.locked {
			t.Errorf("%s!%s locked = %v", c.sheet, c.ref, got)
		}
	}
	// Every sheet is protected, without a password.
	for _, s := range sheets {
		xml := sheetXML(t, b, x, s)
		if !strings.Contains(xml, `<sheetProtection`) || !strings.Contains(xml, `sheet="true"`) && !strings.Contains(xml, `sheet="1"`) {
			t.Errorf("%s not protected", s)
		}
		if strings.Contains(xml, "password") || strings.Contains(xml, "hashValue") {
			t.Errorf("%s protected with a password", s)
		}
	}
}

// headerCol finds the column of an indicator's header.
func headerCol(t *testing.T, x *excelize.File, ind *Indicator) string {
	t.Helper()
	rows, err := x.GetRows(ind.Sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := ind.Name
	if ind.Unit != "" {
		want += "(" + ind.Unit + ")"
	}
	for _, r := range rows[:3] {
		for j, c := range r {
			if strings.ReplaceAll(c, "\n", "") == want {
				return colName(j + 1)
			}
		}
	}
	t.Fatalf("no header %q", want)
	return ""
}

// sheetXML returns a worksheet's XML as stored.
func sheetXML(t *testing.T, b []byte, x *excelize.File, sheet string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	idx, err := x.GetSheetIndex(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
	for _, f := range zr.File {
		if f.Name == want {
			rc, _ := f.Open()
			defer rc.Close()
			s, _ := io.ReadAll(rc)
			return string(s)
		}
	}
	t.Fatalf("%s: no %s", sheet, want)
	return ""
}

func TestWriteFormUnitForm(t *testing.T) {
	src := sampleForm(t)
	blank := blankOf(src.Period)
	b := writeForm(t, blank, FormOptions{Aliases: src.Aliases, Form: true, Unit: "义乌市"})
	back := readBack(t, "2022-04-义乌市.xlsx", b)
	if back.Unit != "义乌市" {
		t.Errorf("填报单位 %q", back.Unit)
	}
	// The 单位 sheet still lists all ten, so the form knows who else there is.
	if len(back.Period.Units) != 10 {
		t.Errorf("units %v", back.Period.Units)
	}
	x, _ := excelize.OpenReader(bytes.NewReader(b))
	defer x.Close()
	for _, s := range []string{"七张问题清单", "城市更新"} {
		rows, _ := x.GetRows(s)
		var units []string
		for _, r := range rows {
			if len(r) > 0 && (r[0] == "义乌市" || r[0] == "兰溪市") {
				units = append(units, r[0])
			}
		}
		if strings.Join(units, ",") != "义乌市" {
			t.Errorf("%s rows %v", s, units)
		}
	}
	if err := WriteForm(io.Discard, blank, FormOptions{Form: true, Unit: "义务市"}); err == nil {
		t.Error("unknown unit accepted")
	}
}

func TestTypedText(t *testing.T) {
	for _, c := range []struct{ exact, unit, want string }{
		{"52.7", "%", "52.7%"},
		{"-3.1", "%", "-3.1%"},
		{"1234.5", "万元", "1,234.5"},
		{"-1234567", "万元", "-1,234,567"},
		{"999.99", "亿元", "999.99"},
		{"1000", "", "1,000"},
		{"84.0", "分", "84.0"},
	} {
		if got := typedText(c.exact, c.unit); got != c.want {
			t.Errorf("typedText(%q, %q) = %q, want %q", c.exact, c.unit, got, c.want)
		}
	}
}

// TestWriteFormAsOfficesDo: figures typed as text or as percentages, 未报送,
// a total row and a note row read back as the period written.
func TestWriteFormAsOfficesDo(t *testing.T) {
	p := trickyPeriod()
	p.Indicators[1].Values[1] = Value{OK: true, Number: 1234.5, Decimals: 1}
	typings := []Typing{TypePercent, TypeText, TypeNumber}
	opts := FormOptions{
		Typing: func(ind *Indicator, k int) Typing { return typings[k] },
		Total:  &TotalRow{Label: "全市", Value: func(ind *Indicator) Value { return Value{OK: true, Number: 1, Decimals: 0} }},
		Note:   "注:数据由各地报送。",
	}
	b := writeForm(t, p, opts)
	back := readBack(t, "x.xlsx", b)
	if d := periodDiff(p, back.Period, false); len(d) > 0 {
		t.Errorf("round trip differs:\n%s", strings.Join(d, "\n"))
	}
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("经济", excelize.Options{RawCellValue: true})
	want := [][]string{
		{"甲区", "-0.025", "17.81", "0.527", "1.61"},
		{"乙县", "84.0%", "1,234.5", "未报送", "1.58"},
		{"丙市", "", "100", "120.5", "1.7"},
		{"全市", "1", "1", "1", "1"},
		{"注:数据由各地报送。"},
	}
	for i, w := range want {
		if got := rows[3+i]; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d: %q, want %q", 4+i, got, w)
		}
	}
	// Percentages are shown as typed: 52.7%, not 0.527.
	if v, _ := x.GetCellValue("经济", "D4"); v != "52.7%" {
		t.Errorf("经济!D4 shows %q, want 52.7%%", v)
	}
}
