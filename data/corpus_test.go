package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// messyCase is a workbook as offices really send them, and the values it
// must read to.
type messyCase struct {
	name   string
	sheets []sheet
	ind    string            // indicator to check
	want   map[string]string // unit → value ("-" missing)
}

// unitsSheet is the 单位 sheet of Jinhua's units, with aliases.
var unitsSheet = sheet{name: "单位", rows: [][]any{
	{"名称", "别名"}, {"婺城区", "婺城"}, {"金东区", "金义新区、新区、金东"}, {"兰溪市", "兰溪"},
	{"义乌市", "义乌"}, {"金华开发区", "开发区、金华经济技术开发区、金开"},
}}

func messyCorpus() []messyCase {
	return []messyCase{
		{name: "title rows and unit line", sheets: []sheet{{name: "s", rows: [][]any{
			{"金华市2022年1—4月七张问题清单"}, {"单位：分、%"}, {}, {"地区", "管控力量化指数（分）"}, {"义乌市", 91.86}, {"婺城区", 90.8}}}},
			ind: "管控力量化指数", want: map[string]string{"义乌市": "91.86", "婺城区": "90.8"}},
		{name: "two-row merged group header", sheets: []sheet{{name: "s", rows: [][]any{
			{"县（市、区）", "城市更新4321", nil}, {nil, "完成投资额(亿元)", "年度投资完成率(%)"}, {"义乌市", 68.5, 52.7}},
			merges: [][2]string{{"A1", "A2"}, {"B1", "C1"}}}},
			ind: "年度投资完成率", want: map[string]string{"义乌市": "52.7"}},
		{name: "full-width brackets and line breaks in headers", sheets: []sheet{{name: "s", rows: [][]any{
			{"县（市、区）", "完成\n投资额\n（亿元）"}, {"兰溪市", 13.2}}}},
			ind: "完成投资额", want: map[string]string{"兰溪市": "13.2"}},
		{name: "names with spaces, full-width spaces, notes and aliases", sheets: []sheet{unitsSheet, {name: "s", rows: [][]any{
			{"单位", "a"}, {"兰 溪", 1}, {"\u3000新区", 2}, {"开发区（含金义）", 3}, {"义乌市*", 4}, {"婺城", 5}}}},
			ind: "a", want: map[string]string{"兰溪市": "1", "金东区": "2", "金华开发区": "3", "义乌市": "4", "婺城区": "5"}},
		{name: "total, average and note rows", sheets: []sheet{{name: "s", rows: [][]any{
			{"地区", "a"}, {"甲", 1}, {"全市", 10}, {"合 计", 10}, {"平均值", 5}, {"均值", 5}, {"小计", 3}, {"注：数据来自市统计局"}, {"备注", "x"}, {"数据来源：市府办"}, {"乙", 2}}}},
			ind: "a", want: map[string]string{"甲": "1", "乙": "2"}},
		{name: "empty columns and rows in the middle", sheets: []sheet{{name: "s", rows: [][]any{
			{"地区", nil, "a", nil, "b"}, {}, {"甲", nil, 1, nil, 2}, {}, {}, {"乙", nil, 3, nil, 4}}}},
			ind: "b", want: map[string]string{"甲": "2", "乙": "4"}},
		{name: "percent cells beside percent text", sheets: []sheet{{name: "s", rows: [][]any{
			{"地区", "完成率(%)"}, {"甲", 0.527}, {"乙", "52.7%"}, {"丙", 52.7}},
			formats: map[string]string{"B2": "0.0%"}}},
			ind: "完成率", want: map[string]string{"甲": "52.7", "乙": "52.7", "丙": "52.7"}},
		{name: "thousands separators, 分 and full-width digits", sheets: []sheet{{name: "s", rows: [][]any{
			{"地区", "a"}, {"甲", "1,234.5"}, {"乙", "91.86分"}, {"丙", "９１．８６"}}}},
			ind: "a", want: map[string]string{"甲": "1234.5", "乙": "91.86", "丙": "91.86"}},
		{name: "formula without cached value is computed", sheets: []sheet{{name: "s", rows: [][]any{
			{"地区", "通过", "审核", "通过率(%)"}, {"开发区", 8, 12}},
			formula: map[string]string{"D2": "ROUND(B2/C2*100,2)"}}},
			ind: "通过率", want: map[string]string{"开发区": "66.67"}},
		{name: "hidden sheet skipped", sheets: []sheet{{name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}}},
			{name: "旧数据", hidden: true, rows: [][]any{{"地区", "a"}, {"甲", "坏"}}}},
			ind: "a", want: map[string]string{"甲": "1"}},
		{name: "missing markers", sheets: []sheet{{name: "s", rows: [][]any{
			{"地区", "a"}, {"甲", "—"}, {"乙", "/"}, {"丙", "未报送"}, {"丁", "暂无"}, {"戊", "－"}, {"己", 0}}}},
			ind: "a", want: map[string]string{"甲": "-", "乙": "-", "丙": "-", "丁": "-", "戊": "-", "己": "0"}},
		{name: "values tie only at stated precision", sheets: []sheet{
			{name: "指标说明", rows: [][]any{{"指标", "小数位"}, {"a", 1}}},
			{name: "s", rows: [][]any{{"地区", "a"}, {"甲", 90.84}, {"乙", 90.76}}}},
			ind: "a", want: map[string]string{"甲": "90.84", "乙": "90.76"}},
		{name: "no unit header: first text column", sheets: []sheet{{name: "s", rows: [][]any{
			{"说明:2022年4月"}, {"", "a", "b"}, {"婺城区", 1, 2}, {"金东区", 3, 4}}}},
			ind: "b", want: map[string]string{"婺城区": "2", "金东区": "4"}},
		{name: "序号 and 排名 columns are not indicators", sheets: []sheet{{name: "s", rows: [][]any{
			{"序号", "地区", "a", "排名", "名次"}, {1, "甲", 5, 1, 1}}}},
			ind: "a", want: map[string]string{"甲": "5"}},
	}
}

func TestMessyCorpus(t *testing.T) {
	for _, c := range messyCorpus() {
		t.Run(c.name, func(t *testing.T) {
			p := mustRead(t, c.sheets...)
			got := values(t, p, c.ind)
			for u, w := range c.want {
				if got[u] != w {
					t.Errorf("%s: got %s, want %s (all: %v)", u, got[u], w, got)
				}
			}
			if len(p.Indicators) == 0 {
				t.Error("no indicators")
			}
		})
	}
}

// TestSavedByLibreOffice: a LibreOffice-saved workbook with cached formula
// values, %-formatted cells, a merged title and a 合计 row.
func TestSavedByLibreOffice(t *testing.T) {
	ds, err := Load(Options{}, "testdata/libreoffice-2022-04.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p := ds.Latest()
	if p.Month.String() != "2022-04" {
		t.Errorf("period %s", p.Month)
	}
	if got := values(t, p, "项目通过率"); got["开发区"] != "66.67" || got["婺城区"] != "83.33" {
		t.Errorf("cached formulas: %v", got)
	}
	if got := values(t, p, "金额通过率"); got["开发区"] != "41.07" || got["婺城区"] != "82.7" {
		t.Errorf("percent cells: %v", got)
	}
	if len(p.Units) != 2 {
		t.Errorf("units %v", p.Units)
	}
}

// badCase is a workbook to refuse, and what the messages must say.
type badCase struct {
	name   string
	file   string // base name; default 2022-04.xlsx
	sheets []sheet
	raw    func(t *testing.T) []byte // instead of sheets
	want   []string
	is     error
}

func badCorpus() []badCase {
	return []badCase{
		{name: "csv renamed", raw: func(*testing.T) []byte { return []byte("地区,a\n甲,1\n") }, want: []string{"2022-04.xlsx: ", "CSV", "另存为 .xlsx"}, is: ErrNotWorkbook},
		{name: "old xls renamed", raw: func(t *testing.T) []byte { return mustReadFile(t, "testdata/old-2022-04.xls") }, want: []string{"旧版 .xls", "另存为 .xlsx"}, is: ErrNotWorkbook},
		{name: "encrypted", raw: encrypted, want: []string{"打开密码"}, is: ErrNotWorkbook},
		{name: "truncated", raw: func(t *testing.T) []byte { b := workbook(t, sheet{name: "s"}); return b[:len(b)-100] }, want: []string{"已损坏"}, is: ErrNotWorkbook},
		{name: "empty file", raw: func(*testing.T) []byte { return nil }, want: []string{"文件是空的"}, is: ErrNotWorkbook},
		{name: "empty workbook", sheets: []sheet{{name: "Sheet1"}}, want: []string{"工作簿中没有数据表"}, is: ErrEmptyWorkbook},
		{name: "no unit column", sheets: []sheet{{name: "s", rows: [][]any{{"a", "b"}, {1, 2}}}}, want: []string{"s: 找不到单位列"}, is: ErrNoUnitColumn},
		{name: "unit twice", sheets: []sheet{{name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}, {"甲", 1}}}}, want: []string{`s!A3: "甲" 单位重复出现`}, is: ErrDuplicateUnit},
		{name: "unknown unit names nearest", sheets: []sheet{unitsSheet, {name: "s", rows: [][]any{{"地区", "a"}, {"义务市", 1}}}}, want: []string{`s!A2: "义务市" 不在「单位」表中,是否应为「义乌市」?`}, is: ErrUnknownUnit},
		{name: "text in numeric cell", sheets: []sheet{{name: "城市更新", rows: [][]any{{"地区", "a"}, {"甲", 1}, {"乙", 2}, {"丙", 3}, {"丁", 4}, {"戊", 5}, {"己", "9l.2"}}}}, want: []string{`城市更新!B7: "9l.2" 不是数字`}, is: ErrNotNumber},
		{name: "unknown direction", sheets: []sheet{{name: "指标说明", rows: [][]any{{"指标", "方向"}, {"a", "上升"}}}, {name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}}}}, want: []string{`指标说明!B2: "上升" 方向只能是`}, is: ErrBadDirection},
		{name: "negative weight", sheets: []sheet{{name: "指标说明", rows: [][]any{{"指标", "权重"}, {"a", -2}}}, {name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}}}}, want: []string{`指标说明!B2: "-2" 权重`}, is: ErrBadWeight},
		{name: "non-numeric weight", sheets: []sheet{{name: "指标说明", rows: [][]any{{"指标", "权重"}, {"a", "高"}}}, {name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}}}}, want: []string{`指标说明!B2: "高" 权重`}, is: ErrBadWeight},
		{name: "same indicator twice in a group", sheets: []sheet{{name: "s", rows: [][]any{{"地区", "a(%)", "a（%）"}, {"甲", 1, 2}}}}, want: []string{`s!C1: "a" 同一分组中指标重复`}, is: ErrDuplicateInd},
		{name: "error value from formula", sheets: []sheet{{name: "s", rows: [][]any{{"地区", "a", "b"}, {"甲", nil, 0}}, formula: map[string]string{"B2": "1/C2"}}}, want: []string{`s!B2: "=1/C2" 公式无法计算`}, is: ErrFormula},
		{name: "no period", file: "月报.xlsx", sheets: []sheet{{name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}}}}, want: []string{"月报.xlsx: 无法确定期间"}, is: ErrNoPeriod},
		{name: "zero weights", sheets: []sheet{{name: "指标说明", rows: [][]any{{"指标", "权重"}, {"a", 0}}}, {name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}}}}, want: []string{"权重之和为 0"}, is: ErrZeroWeights},
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// encrypted builds a password-protected workbook (an OLE file holding
// EncryptedPackage).
func encrypted(t *testing.T) []byte {
	x := excelize.NewFile()
	defer x.Close()
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf, excelize.Options{Password: "123"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBadCorpus(t *testing.T) {
	dir := t.TempDir()
	for _, c := range badCorpus() {
		t.Run(c.name, func(t *testing.T) {
			name := c.file
			if name == "" {
				name = "2022-04.xlsx"
			}
			var b []byte
			if c.raw != nil {
				b = c.raw(t)
			} else {
				b = workbook(t, c.sheets...)
			}
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(Options{}, path)
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, c.is) {
				t.Errorf("errors.Is(%v) false for:\n%v", c.is, err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in:\n%v", w, err)
				}
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, name+": ") {
					t.Errorf("message does not name the file: %q", line)
				}
			}
		})
	}
}

func TestSizeLimits(t *testing.T) {
	dir := t.TempDir()
	rows := [][]any{{"地区", "a"}}
	for i := 0; i < 2000; i++ {
		rows = append(rows, []any{"单位" + strings.Repeat("长", 15) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)), i})
	}
	path := filepath.Join(dir, "2022-04.xlsx")
	os.WriteFile(path, workbook(t, sheet{name: "s", rows: rows}), 0o644)
	if _, err := Load(Options{MaxSheetSize: 10 << 10}, path); !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrSheetLimit) || errors.Is(err, ErrUnzipLimit) {
		t.Errorf("sheet limit: %v", err)
	}
	if _, err := Load(Options{MaxUnzipSize: 20 << 10}, path); !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrUnzipLimit) || errors.Is(err, ErrSheetLimit) {
		t.Errorf("unzip limit: %v", err)
	}
	if _, err := Load(Options{}, path); err != nil {
		t.Errorf("default limits: %v", err)
	}
}
