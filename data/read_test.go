package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestSimpleTable(t *testing.T) {
	p := mustRead(t, sheet{name: "七张问题清单", rows: [][]any{
		{"地区", "管控力量化指数(分)", "省级问题整改率(%)"},
		{"婺城区", 90.8, "100%"},
		{"义乌市", 91.86, 85.71},
		{"磐安县", nil, "—"},
	}})
	if p.Month.String() != "2022-04" || p.File != "2022-04.xlsx" || p.Title != "2022年4月晒拼指标排名" {
		t.Errorf("period %q file %q title %q", p.Month, p.File, p.Title)
	}
	if !reflect.DeepEqual(p.Units, []string{"婺城区", "义乌市", "磐安县"}) {
		t.Errorf("units %v", p.Units)
	}
	want := []string{"七张问题清单/管控力量化指数(分)", "七张问题清单/省级问题整改率(%)"}
	if got := names(p); !reflect.DeepEqual(got, want) {
		t.Errorf("indicators %v, want %v", got, want)
	}
	got := values(t, p, "省级问题整改率")
	if got["婺城区"] != "100" || got["义乌市"] != "85.71" || got["磐安县"] != "-" {
		t.Errorf("values %v", got)
	}
	ind := p.Indicators[0]
	if ind.Direction != Higher || ind.Weight != 1 || !ind.Ranked || ind.Decimals != -1 || ind.Precision() != 2 {
		t.Errorf("defaults %+v precision %d", ind, ind.Precision())
	}
	if ind.Values[0].Cell != "七张问题清单!B2" {
		t.Errorf("cell %q", ind.Values[0].Cell)
	}
}

// TestMessyLayout: titles, a two-row header with a merged group cell, a
// full-width bracket unit header, 序号 column, empty column, totals, notes,
// blank rows.
func TestMessyLayout(t *testing.T) {
	p := mustRead(t, sheet{name: "城市更新", rows: [][]any{
		{"金华市城市有机更新“4321”行动推进情况"},
		{"单位：亿元、%"},
		{"序号", "县（市、区）", "城市更新4321", nil, nil, "备注"},
		{nil, nil, "完成投资额\n（亿元）", "年度投资完成率(%)", nil, nil},
		{1, "义乌市", 68.5, 52.7, nil, "好"},
		{2, " 兰 溪 ", 13.2, "46.9%"},
		{},
		{3, "金东区", "17.9亿元", nil},
		{nil, "全市", 100.0, 40.0},
		{nil, "平均", 10.0, 4.0},
		{"注：数据截至4月底。"},
		{"数据来源：市建设局"},
	}, merges: [][2]string{{"B3", "B4"}, {"C3", "E3"}, {"A1", "F1"}}})
	want := []string{"城市更新4321/完成投资额(亿元)", "城市更新4321/年度投资完成率(%)"}
	if got := names(p); !reflect.DeepEqual(got, want) {
		t.Fatalf("indicators %v, want %v", got, want)
	}
	if !reflect.DeepEqual(p.Units, []string{"义乌市", "兰溪", "金东区"}) {
		t.Errorf("units %v", p.Units)
	}
	if got := values(t, p, "完成投资额"); got["金东区"] != "17.9" || got["兰溪"] != "13.2" {
		t.Errorf("values %v", got)
	}
	if got := values(t, p, "年度投资完成率"); got["兰溪"] != "46.9" || got["金东区"] != "-" {
		t.Errorf("values %v", got)
	}
}

func TestTwoRowHeaderWithSheetGroupColumns(t *testing.T) {
	p := mustRead(t, sheet{name: "专项债", rows: [][]any{
		{"地区", "项目", nil, "拨付进度(%)"},
		{nil, "通过项目数(个)", "需求金额(亿元)"},
		{"开发区", 12, 71.1, 100},
	}, merges: [][2]string{{"A1", "A2"}, {"B1", "C1"}, {"D1", "D2"}}})
	want := []string{"项目/通过项目数(个)", "项目/需求金额(亿元)", "专项债/拨付进度(%)"}
	if got := names(p); !reflect.DeepEqual(got, want) {
		t.Fatalf("indicators %v, want %v", got, want)
	}
}

func TestUnitColumnFallback(t *testing.T) {
	p := mustRead(t, sheet{name: "Sheet", rows: [][]any{
		{"2022年4月主要指标"},
		{"", "GDP增速（可比价）(%)", "城乡收入比"},
		{"婺城区", 5.1, 1.61},
		{"金东区", 4.9, 1.58},
		{"兰溪市", 6.0, 1.7},
	}})
	want := []string{"Sheet/GDP增速（可比价）(%)", "Sheet/城乡收入比()"}
	if got := names(p); !reflect.DeepEqual(got, want) {
		t.Fatalf("indicators %v, want %v", got, want)
	}
	if len(p.Units) != 3 {
		t.Errorf("units %v", p.Units)
	}
}

func TestValueForms(t *testing.T) {
	cases := []struct {
		in   any
		fmt  string // number format of the cell
		unit string // header unit
		want string
	}{
		{in: 91.86, want: "91.86"},
		{in: "91.86", want: "91.86"},
		{in: "52.70", want: "52.70"},
		{in: "52.7%", unit: "%", want: "52.7"},
		{in: "52.7％", unit: "%", want: "52.7"},
		{in: 0.527, fmt: "0.0%", unit: "%", want: "52.7"},
		{in: 0.6666, fmt: "0.00%", unit: "%", want: "66.66"},
		{in: 0.66664, fmt: "0%", unit: "%", want: "66.664"},
		{in: 52.7, unit: "%", want: "52.7"},
		{in: "1,234.5", want: "1234.5"},
		{in: "1，234.5", want: "1234.5"},
		{in: "91.86分", unit: "分", want: "91.86"},
		{in: "９１．８６", want: "91.86"},
		{in: "17.9亿元", unit: "亿元", want: "17.9"},
		{in: " 88.9 ", want: "88.9"},
		{in: 88.9, want: "88.9"},
		{in: -3.2, want: "-3.2"},
		{in: "-3.2", want: "-3.2"},
		{in: "—", want: "-"},
		{in: "——", want: "-"},
		{in: "-", want: "-"},
		{in: "－", want: "-"},
		{in: "/", want: "-"},
		{in: "无", want: "-"},
		{in: "暂无", want: "-"},
		{in: "未报送", want: "-"},
		{in: "N/A", want: "-"},
		{in: "\u3000", want: "-"},
	}
	for _, c := range cases {
		header := "指标"
		if c.unit != "" {
			header += "(" + c.unit + ")"
		}
		s := sheet{name: "s", rows: [][]any{{"地区", header}, {"甲", c.in}}}
		if c.fmt != "" {
			s.formats = map[string]string{"B2": c.fmt}
		}
		p := mustRead(t, s)
		if got := values(t, p, "指标")["甲"]; got != c.want {
			t.Errorf("%#v (format %q): got %s, want %s", c.in, c.fmt, got, c.want)
		}
	}
}

func TestBadValuesAreCellErrors(t *testing.T) {
	_, err := read(t, sheet{name: "城市更新", rows: [][]any{
		{"地区", "完成投资额(亿元)", "年度投资完成率(%)"},
		{"甲", "9l.2", "近1.1"},
		{"乙", "1.2.3", 5},
		{"丙", "12abc", 6},
	}})
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want ErrorList, got %v", err)
	}
	if len(list) != 4 {
		t.Fatalf("want every problem (4), got %d:\n%v", len(list), err)
	}
	if got := list[0].Error(); got != `2022-04.xlsx: 城市更新!B2: "9l.2" 不是数字(本列单位为 亿元)` {
		t.Errorf("message %q", got)
	}
	cells := []string{list[0].Cell, list[1].Cell, list[2].Cell, list[3].Cell}
	if !reflect.DeepEqual(cells, []string{"B2", "C2", "B3", "B4"}) {
		t.Errorf("sorted by position: %v", cells)
	}
	if !errors.Is(err, ErrNotNumber) {
		t.Error("errors.Is(err, ErrNotNumber)")
	}
	var ce *CellError
	if !errors.As(err, &ce) || ce.Sheet != "城市更新" {
		t.Errorf("errors.As CellError: %+v", ce)
	}
}

func TestFormulas(t *testing.T) {
	p := mustRead(t, sheet{name: "s", rows: [][]any{
		{"地区", "通过项目数", "审核项目数", "项目通过率(%)"},
		{"开发区", 8, 12},
	}, formula: map[string]string{"D2": "ROUND(B2/C2*100,2)"}})
	if got := values(t, p, "项目通过率")["开发区"]; got != "66.67" {
		t.Errorf("computed formula: %s", got)
	}
	_, err := read(t, sheet{name: "s", rows: [][]any{
		{"地区", "项目通过率(%)", "x"},
		{"开发区", nil, 0},
	}, formula: map[string]string{"B2": "1/C2"}})
	if !errors.Is(err, ErrFormula) || !strings.Contains(err.Error(), "s!B2") {
		t.Errorf("error value formula: %v", err)
	}
}

func TestMetaSheet(t *testing.T) {
	p := mustRead(t,
		sheet{name: "指标说明", rows: [][]any{
			{"指标", "分组", "单位", "方向", "权重", "小数位", "参与排名", "时序进度"},
			{"城乡收入比", "", "", "逆向", 2, 2, "", ""},
			{"完成率", "g", "%", "越大越好", "", "", "否", "是"},
		}},
		sheet{name: "g", rows: [][]any{
			{"地区", "城乡收入比", "完成率(%)"},
			{"甲", 1.61, 50},
		}})
	a, b := p.Indicators[0], p.Indicators[1]
	if a.Direction != Lower || a.Weight != 2 || a.Decimals != 2 || !a.Ranked || a.Schedule {
		t.Errorf("城乡收入比 %+v", a)
	}
	if b.Direction != Higher || b.Weight != 1 || b.Ranked || !b.Schedule || b.Unit != "%" {
		t.Errorf("完成率 %+v", b)
	}
}

func TestMetaProblems(t *testing.T) {
	ds, err := read(t,
		sheet{name: "指标说明", rows: [][]any{
			{"指标", "分组", "单位", "方向", "权重", "小数位", "参与排名"},
			{"a", "", "个", "向上", -1, "x", "也许"},
			{"b", "", "", "", "abc"},
			{"b", "", "", "", ""},
		}},
		sheet{name: "g", rows: [][]any{{"地区", "a(%)", "b", "a(%)"}, {"甲", 1, 2, 3}}})
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want ErrorList, got %v", err)
	}
	var msgs []string
	for _, e := range list {
		msgs = append(msgs, e.Error())
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{"指标说明!D2: \"向上\" 方向", "指标说明!E2: \"-1\" 权重", "指标说明!F2: \"x\" 小数位",
		"指标说明!G2: \"也许\" 参与排名只能填", "指标说明!E3: \"abc\" 权重", "指标说明!A4: \"b\" 同一分组中指标重复", "g!D1: \"a\" 同一分组中指标重复"} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in:\n%s", want, joined)
		}
	}
	if ds != nil {
		var warned bool
		for _, w := range ds.Warnings {
			warned = warned || strings.Contains(w.Error(), "不一致")
		}
		if !warned {
			t.Errorf("unit conflict should warn: %v", ds.Warnings)
		}
	}
}

func TestMetaWarnings(t *testing.T) {
	ds, err := read(t,
		sheet{name: "指标说明", rows: [][]any{{"指标", "单位"}, {"a", "个"}, {"不存在", ""}}},
		sheet{name: "g", rows: [][]any{{"地区", "a(%)", "b(%)"}, {"甲", 0.5, 0.3}, {"乙", 0.2, 1}}})
	if err != nil {
		t.Fatal(err)
	}
	joined := ds.Warnings.Error()
	for _, want := range []string{"表头单位「%」与指标说明中的「个」不一致", "指标说明!A3: \"不存在\" 指标说明中的指标在数据表中没有找到", "「b」单位为 % 但所有数值都不大于 1"} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing warning %q in:\n%s", want, joined)
		}
	}
}

func TestZeroWeights(t *testing.T) {
	_, err := read(t,
		sheet{name: "指标说明", rows: [][]any{{"指标", "权重"}, {"a", 0}}},
		sheet{name: "g", rows: [][]any{{"地区", "a"}, {"甲", 1}}})
	if !errors.Is(err, ErrZeroWeights) {
		t.Errorf("got %v", err)
	}
}

func TestUnitsSheet(t *testing.T) {
	units := sheet{name: "单位", rows: [][]any{
		{"名称", "别名"},
		{"婺城区", "婺城"},
		{"金东区", "金义新区、新区,金东"},
		{"兰溪市", "兰溪"},
		{"金华开发区", "开发区；金开"},
	}}
	p := mustRead(t, units, sheet{name: "g", rows: [][]any{
		{"单位", "a"},
		{"新区", 1},
		{"兰 溪", 2},
		{"开发区", 3},
		{"婺城区\u3000", 4},
	}})
	if !reflect.DeepEqual(p.Units, []string{"婺城区", "金东区", "兰溪市", "金华开发区"}) {
		t.Errorf("units %v", p.Units)
	}
	if got := values(t, p, "a"); got["金东区"] != "1" || got["兰溪市"] != "2" || got["金华开发区"] != "3" || got["婺城区"] != "4" {
		t.Errorf("values %v", got)
	}
	// a unit listed but absent is still a unit, missing everywhere
	p = mustRead(t, units, sheet{name: "g", rows: [][]any{{"单位", "a"}, {"婺城", 1}}})
	if len(p.Units) != 4 || values(t, p, "a")["兰溪市"] != "-" {
		t.Errorf("listed unit missing from data: %v", p.Units)
	}
	_, err := read(t, units, sheet{name: "g", rows: [][]any{{"单位", "a"}, {"兰西市", 1}, {"婺城", 2}, {"婺城区", 3}}})
	if err == nil || !strings.Contains(err.Error(), `g!A2: "兰西市" 不在「单位」表中,是否应为「兰溪市」?`) {
		t.Errorf("unknown unit: %v", err)
	}
	if !strings.Contains(err.Error(), `g!A4: "婺城区" 单位重复出现`) {
		t.Errorf("duplicate via alias: %v", err)
	}
}

func TestParams(t *testing.T) {
	data := sheet{name: "g", rows: [][]any{{"地区", "a"}, {"甲", 1}}}
	ds, err := ReadBytes("x.xlsx", workbook(t, sheet{name: "参数", rows: [][]any{{"期间", "2022年1—4月"}, {"标题", "金华市晒拼"}, {"数据来源", "市府办"}}}, data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := ds.Latest(); p.Month.String() != "2022-04" || p.Title != "金华市晒拼" || p.Source != "市府办" {
		t.Errorf("%+v", p)
	}
	// Excel turned the typed period into a date: a serial number with a date format.
	x := sheet{name: "参数", rows: [][]any{{"期间", 44652}}, formats: map[string]string{"B1": "yyyy-mm"}}
	if ds, err = ReadBytes("x.xlsx", workbook(t, x, data), Options{}); err != nil || ds.Latest().Month.String() != "2022-04" {
		t.Errorf("date cell: %v %v", err, ds)
	}
	// --period wins over 参数, which wins over the file name
	ds, err = ReadBytes("2021-12.xlsx", workbook(t, sheet{name: "参数", rows: [][]any{{"期间", "2022-03"}}}, data), Options{Period: NewMonth(2022, 5)})
	if err != nil || ds.Latest().Month.String() != "2022-05" {
		t.Errorf("--period: %v", err)
	}
	ds, _ = ReadBytes("金华晒拼.xlsx", workbook(t, sheet{name: "参数", rows: [][]any{{"期间", "2022-03"}}}, data), Options{})
	if ds.Latest().Month.String() != "2022-03" {
		t.Errorf("参数 without a period in the file name: %s", ds.Latest().Month)
	}
	if _, err = ReadBytes("月报.xlsx", workbook(t, data), Options{}); !errors.Is(err, ErrNoPeriod) {
		t.Errorf("no period: %v", err)
	}
	if _, err = ReadBytes("x.xlsx", workbook(t, sheet{name: "参数", rows: [][]any{{"期间", "上个月"}}}, data), Options{}); !errors.Is(err, ErrBadPeriod) {
		t.Errorf("bad period: %v", err)
	}
}

func TestParseMonth(t *testing.T) {
	for in, want := range map[string]string{
		"2022-04": "2022-04", "2022-4": "2022-04", "2022/04": "2022-04", "2022.04": "2022-04", "2022_04": "2022-04",
		"2022年4月": "2022-04", "2022年1—4月": "2022-04", "2022年1-4月晒拼": "2022-04", "金华2022年12月": "2022-12",
		"202204": "2022-04", "２０２２年４月": "2022-04", "2022年 4 月": "2022-04",
	} {
		if got, err := ParseMonth(in); err != nil || got.String() != want {
			t.Errorf("ParseMonth(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "2022", "2022-13", "四月", "2022年0月"} {
		if got, err := ParseMonth(bad); err == nil {
			t.Errorf("ParseMonth(%q) = %q, want error", bad, got)
		}
	}
}

func TestSheetProblems(t *testing.T) {
	ds, err := read(t,
		sheet{name: "无单位", rows: [][]any{{"a", "b"}, {1, 2}}},
		sheet{name: "重复", rows: [][]any{{"地区", "a"}, {"甲", 1}, {"甲", 2}}},
		sheet{name: "隐藏", rows: [][]any{{"地区", "a"}, {"甲", "bad"}}, hidden: true},
	)
	if err == nil {
		t.Fatal("want errors")
	}
	msg := err.Error()
	if want := `重复!A3: "甲" 单位重复出现`; !strings.Contains(msg, want) {
		t.Errorf("missing %q in:\n%s", want, msg)
	}
	// A sheet without a unit column is not a data sheet: a note, not an error.
	if want := "2022-04.xlsx: 无单位: 不是数据表,已跳过:找不到单位列"; ds == nil || !strings.Contains(ds.Notes.Error(), want) || strings.Contains(msg, "无单位") {
		t.Errorf("sheet without units: %v / %s", ds, msg)
	}
	if strings.Contains(msg, "bad") {
		t.Errorf("hidden sheet read: %s", msg)
	}
	if ds == nil || !strings.Contains(ds.Warnings.Error(), "隐藏: 隐藏的工作表,已跳过") {
		t.Errorf("hidden sheet warning: %v", ds)
	}
}

func TestEmptyWorkbook(t *testing.T) {
	_, err := read(t, sheet{name: "Sheet1"})
	if !errors.Is(err, ErrEmptyWorkbook) {
		t.Errorf("got %v", err)
	}
}

func TestSample(t *testing.T) {
	ds, err := Sample(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Warnings) != 0 {
		t.Errorf("sample warnings: %v", ds.Warnings)
	}
	p := ds.Latest()
	if p.Month.String() != "2022-04" || len(p.Units) != 10 || len(p.Indicators) < 20 || !strings.Contains(p.Title, "示例数据") {
		t.Errorf("sample: %s %d units %d indicators %q", p.Month, len(p.Units), len(p.Indicators), p.Title)
	}
	if got := values(t, p, "管控力量化指数")["义乌市"]; got != "91.86" {
		t.Errorf("义乌市 管控力量化指数 = %s", got)
	}
	if got := values(t, p, "省级问题整改率")["磐安县"]; got != "85.71" {
		t.Errorf("percent cell: %s", got)
	}
}

func TestProvenance(t *testing.T) {
	data := sheet{name: "g", rows: [][]any{{"地区", "a"}, {"甲", 1}}}
	for word, want := range map[string]Provenance{"模拟": Simulated, " 初步 ": Provisional, "公开报道": Published, "正式": Official, "": Official} {
		ds, err := ReadBytes("2022-04.xlsx", workbook(t, sheet{name: "参数", rows: [][]any{{"数据性质", word}}}, data), Options{})
		if err != nil {
			t.Fatalf("%q: %v", word, err)
		}
		if got := ds.Latest().Provenance; got != want {
			t.Errorf("%q: %q, want %q", word, got, want)
		}
	}
	_, err := ReadBytes("2022-04.xlsx", workbook(t, sheet{name: "参数", rows: [][]any{{"数据性质", "估计"}}}, data), Options{})
	if !errors.Is(err, ErrBadProvenance) || !strings.Contains(err.Error(), "参数!B1") {
		t.Errorf("bad 数据性质: %v", err)
	}
}
