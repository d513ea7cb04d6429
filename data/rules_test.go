package data

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"shaipin/places"
)

// TestCSVEncodings: a CSV file is one table, in every encoding Chinese
// offices save; blank lines keep the row numbers Excel shows.
func TestCSVEncodings(t *testing.T) {
	text := "地区,完成率(%),投资额(亿元)\r\n婺城区,52.7%,17.9亿元\r\n\r\n金东区,\"1,234.5\",—\r\n"
	utf16 := func(e unicode.Endianness, b unicode.BOMPolicy) encoding.Encoding { return unicode.UTF16(e, b) }
	cases := []struct {
		name string
		enc  encoding.Encoding // nil: UTF-8
		bom  string
	}{
		{"utf8", nil, ""},
		{"utf8-bom", nil, "\xef\xbb\xbf"},
		{"gbk", simplifiedchinese.GBK, ""},
		{"gb18030", simplifiedchinese.GB18030, ""},
		{"utf16le-bom", utf16(unicode.LittleEndian, unicode.UseBOM), ""},
		{"utf16be-bom", utf16(unicode.BigEndian, unicode.UseBOM), ""},
		{"utf16le", utf16(unicode.LittleEndian, unicode.IgnoreBOM), ""},
		{"tabs", nil, ""},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := text
			if c.name == "tabs" {
				s = strings.NewReplacer(",", "\t", `"1	234.5"`, "1,234.5").Replace(s)
			}
			b := []byte(c.bom + s)
			if c.enc != nil {
				var err error
				if b, err = c.enc.NewEncoder().Bytes([]byte(s)); err != nil {
					t.Fatal(err)
				}
			}
			sub := filepath.Join(dir, c.name)
			os.Mkdir(sub, 0o755)
			path := writeFile(t, sub, "城市更新2022-04.csv", b)
			ds, err := Load(Options{}, path)
			if err != nil {
				t.Fatal(err)
			}
			p := ds.Latest()
			if got := values(t, p, "完成率"); got["婺城区"] != "52.7" || got["金东区"] != "1234.5" {
				t.Errorf("values %v", got)
			}
			if got := values(t, p, "投资额"); got["婺城区"] != "17.9" || got["金东区"] != "-" {
				t.Errorf("values %v", got)
			}
			if ind := p.Indicators[0]; ind.Group != "城市更新" || ind.Values[1].Cell != "城市更新!B4" {
				t.Errorf("group %q, cell %q (want 城市更新!B4: the blank line is row 3)", ind.Group, ind.Values[1].Cell)
			}
		})
	}
}

// TestNotUnitNames: a unit cell that is plainly not a unit name.
func TestNotUnitNames(t *testing.T) {
	for name, want := range map[string]bool{
		"联系电话:0579-12345678": true, "填表人：张三": true, "0579-12345678": true, "13800000000": true,
		"2022-04-30": true, "4月30日": true, "2022年4月": true, "12": true, strings.Repeat("长", 21): true,
		"婺城区": false, "金华经济技术开发区": false, "单位0001": false, "义乌市(含陆港)": false, strings.Repeat("长", 20): false,
	} {
		if got := notUnitName(cleanName(name)); got != want {
			t.Errorf("notUnitName(%q) = %v", name, got)
		}
	}
}

// TestTotalRows: rows named for the city, a wider area, a total or an
// average are not units, unless the 单位 sheet lists them; a table of a
// province's cities keeps its cities.
func TestTotalRows(t *testing.T) {
	words := sheet{name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}, {"全市合计", 9}, {"全省", 9}, {"市区", 9}, {"平均", 5}, {"小计", 3}, {"总计", 9}, {"金华市合计", 9}, {"乙", 2}}}
	ds, err := read(t, words)
	if err != nil {
		t.Fatal(err)
	}
	if got := ds.Latest().Units; !reflect.DeepEqual(got, []string{"甲", "乙"}) {
		t.Errorf("units %v", got)
	}
	if !strings.Contains(ds.Notes.Error(), "已忽略合计、平均或上级地区") || !strings.Contains(ds.Notes.Error(), "A3「全市合计」") {
		t.Errorf("notes %v", ds.Notes)
	}
	listed := sheet{name: "单位", rows: [][]any{{"名称"}, {"甲"}, {"乙"}, {"市区"}}}
	if p := mustRead(t, listed, words); !reflect.DeepEqual(p.Units, []string{"甲", "乙", "市区"}) {
		t.Errorf("listed 市区 is a unit: %v", p.Units)
	}
	if !places.Available() {
		t.Skip("built without the gazetteer")
	}
	p := mustRead(t, sheet{name: "s", rows: [][]any{{"地区", "a"}, {"婺城区", 1}, {"金华市", 9}, {"浙江省", 9}, {"金华", 9}, {"兰溪市", 2}, {"东阳市", 3}, {"义乌市", 4}}})
	if !reflect.DeepEqual(p.Units, []string{"婺城区", "兰溪市", "东阳市", "义乌市"}) {
		t.Errorf("wider areas: %v", p.Units)
	}
	p = mustRead(t, sheet{name: "s", rows: [][]any{{"地区", "a"}, {"杭州市", 1}, {"宁波市", 2}, {"温州市", 3}, {"浙江省", 9}}})
	if !reflect.DeepEqual(p.Units, []string{"杭州市", "宁波市", "温州市"}) {
		t.Errorf("a table of cities: %v", p.Units)
	}
}

// TestDataSheetRule: a sheet is a data sheet when it has a unit column and
// figures; other sheets are skipped with a note naming them.
func TestDataSheetRule(t *testing.T) {
	data := sheet{name: "晒拼", rows: [][]any{{"地区", "a"}, {"婺城区", 1}, {"金东区", 2}}}
	cases := []struct {
		name  string
		other sheet
		note  string // "" when the sheet is read
	}{
		{"prose", sheet{name: "填报人", rows: [][]any{{"填表人:张三", "审核人:李四"}, {"联系电话:0579-12345678"}, {"填表日期", "2022-05-03"}}}, "没有数字"},
		{"no unit column", sheet{name: "统计", rows: [][]any{{"a", "b"}, {1, 2}}}, "找不到单位列"},
		{"draft by name", sheet{name: "底稿", rows: [][]any{{"地区", "a"}, {"婺城区", 1}}}, "底稿"},
		{"unknown units without a header", sheet{name: "核对", rows: [][]any{{"项目", "数量"}, {"已报送单位数", 9}, {"未报送", 1}}}, "单位列中没有"},
		{"empty", sheet{name: "Sheet3"}, "空工作表"},
		{"blank form", sheet{name: "空表", rows: [][]any{{"地区", "b"}, {"婺城区", nil}, {"金东区", "—"}}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := read(t, data, c.other)
			if err != nil {
				t.Fatal(err)
			}
			p := ds.Latest()
			if c.note == "" {
				if len(p.Indicators) != 2 {
					t.Errorf("indicators %v", names(p))
				}
				return
			}
			if len(p.Indicators) != 1 || !reflect.DeepEqual(p.Units, []string{"婺城区", "金东区"}) {
				t.Errorf("read the sheet: %v %v", names(p), p.Units)
			}
			if n := ds.Notes.Error(); !strings.Contains(n, c.other.name+": ") || !strings.Contains(n, c.note) {
				t.Errorf("notes %q lack %q", n, c.note)
			}
		})
	}
	// Known units whose figures are all mistyped: a data sheet, each
	// figure an error.
	if _, err := read(t, sheet{name: "s", rows: [][]any{{"地区", "a"}, {"婺城区", "9l.2"}}}, sheet{name: "单位", rows: [][]any{{"名称"}, {"婺城区"}}}); !errors.Is(err, ErrNotNumber) {
		t.Errorf("mistyped figures: %v", err)
	}
}

// TestAcross: a table with the units across the top is read with them as
// units, its cells named where they are; a group column merged down and a
// unit-of-measure column are read.
func TestAcross(t *testing.T) {
	units := sheet{name: "单位", rows: [][]any{{"名称", "别名"}, {"甲县", "甲"}, {"乙县", ""}, {"丙县", ""}}}
	across := sheet{name: "s", rows: [][]any{
		{"分组", "指标", "单位", "甲", "乙县", "丙县", "合计"},
		{"七张问题清单", "管控力量化指数", "分", 90.8, 89.6, nil, 270},
		{nil, "整改率(%)", "", 50, 60, 70, 60},
		{"城市更新", "投资额", "亿元", 1.5, 2.5, "近1", 5},
	}}
	_, err := read(t, units, across)
	if err == nil || !strings.Contains(err.Error(), `s!F4: "近1" 不是数字(本列单位为 亿元)`) {
		t.Fatalf("cell reference: %v", err)
	}
	across.rows[3][5] = 3.5
	ds, err := read(t, units, across)
	if err != nil {
		t.Fatal(err)
	}
	p := ds.Latest()
	if want := []string{"七张问题清单/管控力量化指数(分)", "七张问题清单/整改率(%)", "城市更新/投资额(亿元)"}; !reflect.DeepEqual(names(p), want) {
		t.Errorf("indicators %v", names(p))
	}
	if got := values(t, p, "整改率"); got["甲县"] != "50" || got["丙县"] != "70" {
		t.Errorf("values %v", got)
	}
	if v := p.Indicators[2].Values[2]; v.Cell != "s!F4" {
		t.Errorf("cell %q", v.Cell)
	}
	if n := ds.Notes.Error(); !strings.Contains(n, "行列转置") || !strings.Contains(n, "G1「合计」") {
		t.Errorf("notes %v", n)
	}
	if !places.Available() {
		t.Skip("built without the gazetteer")
	}
	p = mustRead(t, sheet{name: "s", rows: [][]any{{"指标", "婺城区", "金东区", "兰溪市", "金华开发区"}, {"a", 1, 2, 3, 4}, {"b", 5, 6, 7, 8}}})
	if !reflect.DeepEqual(p.Units, []string{"婺城区", "金东区", "兰溪市", "金华开发区"}) || len(p.Indicators) != 2 {
		t.Errorf("county names across the top: %v %v", p.Units, names(p))
	}
}

// TestAcrossFromOtherPeriods: a transposed table whose units only other
// files name is read the right way round.
func TestAcrossFromOtherPeriods(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "2022-03.xlsx", workbook(t, sheet{name: "s", rows: [][]any{{"单位", "a", "b"}, {"一中", 1, 2}, {"二中", 3, 4}, {"三中", 5, 6}}}))
	writeFile(t, dir, "2022-04.xlsx", workbook(t, sheet{name: "s", rows: [][]any{{"项目", "一中", "二中", "三中"}, {"a", 1, 3, 5}, {"b", 2, 4, 6}}}))
	ds, err := Load(Options{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	p := ds.Latest()
	if !reflect.DeepEqual(p.Units, []string{"一中", "二中", "三中"}) || !reflect.DeepEqual(names(p), []string{"s/a()", "s/b()"}) {
		t.Errorf("units %v indicators %v", p.Units, names(p))
	}
}

// TestRunUnits: a unit list names every period's units; the aliases of
// one period's 单位 sheet apply to all; a unit that appears or
// disappears is a warning with the nearest name.
func TestRunUnits(t *testing.T) {
	list := sheet{name: "单位", rows: [][]any{{"名称", "别名"}, {"金东区", "金义新区"}, {"金华开发区", "开发区"}}}
	table := func(a, b string) sheet { return sheet{name: "s", rows: [][]any{{"地区", "x"}, {a, 1}, {b, 2}}} }
	t.Run("unit list", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "单位.xlsx", workbook(t, list, sheet{name: "Sheet2"}))
		writeFile(t, dir, "2022-03.xlsx", workbook(t, table("金义新区", "开发区")))
		writeFile(t, dir, "2022-04.xlsx", workbook(t, table("金东区", "义务区")))
		_, err := Load(Options{}, dir)
		if !errors.Is(err, ErrUnknownUnit) || !strings.Contains(err.Error(), "2022-04.xlsx: s!A3") || strings.Contains(err.Error(), "2022-03") {
			t.Errorf("the list closes every period: %v", err)
		}
	})
	t.Run("aliases across periods", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "2022-03.xlsx", workbook(t, table("金义新区", "开发区")))
		writeFile(t, dir, "2022-04.xlsx", workbook(t, list, table("金东区", "金华开发区")))
		ds, err := Load(Options{}, dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := ds.Periods[0].Units; !reflect.DeepEqual(got, []string{"金东区", "金华开发区"}) {
			t.Errorf("March units %v", got)
		}
		if len(ds.Warnings) != 0 || !strings.Contains(ds.Notes.Error(), "金义新区→金东区(2022-04.xlsx)") {
			t.Errorf("warnings %v notes %v", ds.Warnings, ds.Notes)
		}
	})
	t.Run("one unit twice", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "2022-03.xlsx", workbook(t, table("金义新区", "金东区")))
		writeFile(t, dir, "2022-04.xlsx", workbook(t, list, table("金东区", "金华开发区")))
		if _, err := Load(Options{}, dir); !errors.Is(err, ErrDuplicateUnit) || !strings.Contains(err.Error(), "2022-03.xlsx: 单位重复出现:「金义新区」和「金东区」是同一单位") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("renamed without an alias", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "2022-03.xlsx", workbook(t, table("金东区", "兰溪市")))
		writeFile(t, dir, "2022-04.xlsx", workbook(t, table("金义新区", "浦江县")))
		ds, err := Load(Options{}, dir)
		if err != nil {
			t.Fatal(err)
		}
		w := ds.Warnings.Error()
		for _, want := range []string{"单位「金义新区」是本期新出现的,上期(2022-03)的「金东区」本期没有", "本期新出现的单位(上期 2022-03 没有):浦江县", "上期(2022-03)有、本期没有的单位:兰溪市"} {
			if !strings.Contains(w, want) {
				t.Errorf("warnings lack %q:\n%s", want, w)
			}
		}
	})
	t.Run("only a list", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "单位.xlsx", workbook(t, list))
		if _, err := Load(Options{}, dir); err == nil || !strings.Contains(err.Error(), "只有单位名单") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("two lists", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "单位.xlsx", workbook(t, list))
		writeFile(t, dir, "单位名单.xlsx", workbook(t, list))
		writeFile(t, dir, "2022-04.xlsx", workbook(t, table("金东区", "金华开发区")))
		if _, err := Load(Options{}, dir); err == nil || !strings.Contains(err.Error(), "单位名单只能有一个") {
			t.Errorf("got %v", err)
		}
	})
}

// TestFilePeriod: a period in the file name that disagrees with 参数 is an
// error naming both; --period settles it.
func TestFilePeriod(t *testing.T) {
	for name, want := range map[string]int{"5月.xlsx": 5, "2022年1-5月.xlsx": 5, "十二月报表.xlsx": 12, "五月.xlsx": 5, "月报.xlsx": 0, "13月.xlsx": 0} {
		if got := monthOfYearFromFile(name); got != want {
			t.Errorf("monthOfYearFromFile(%q) = %d, want %d", name, got, want)
		}
	}
	book := workbook(t, sheet{name: "参数", rows: [][]any{{"标题", "x"}, {"期间", "2022-04"}}}, sheet{name: "s", rows: [][]any{{"地区", "a"}, {"甲", 1}}})
	for _, name := range []string{"2022-05.xlsx", "202205.xlsx", "金华2022年5月晒拼.xlsx", "5月.xlsx"} {
		_, err := ReadBytes(name, book, Options{})
		if !errors.Is(err, ErrPeriodMismatch) || !strings.Contains(err.Error(), name+": 参数!B2: \"2022-04\"") || !strings.Contains(err.Error(), "2022-05") {
			t.Errorf("%s: %v", name, err)
		}
		if ds, err := ReadBytes(name, book, Options{Period: NewMonth(2022, 5)}); err != nil || ds.Latest().Month != NewMonth(2022, 5) {
			t.Errorf("%s with --period: %v", name, err)
		}
	}
	for _, name := range []string{"2022-04.xlsx", "4月.xlsx", "金华晒拼.xlsx"} {
		if _, err := ReadBytes(name, book, Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// With several files, --period settles a file when it names one of the two.
	dir := t.TempDir()
	writeFile(t, dir, "2022-05.xlsx", book)
	writeFile(t, dir, "2022-03.xlsx", monthBook(t, 1))
	ds, err := Load(Options{Period: NewMonth(2022, 5)}, dir)
	if err != nil || ds.Latest().Month != NewMonth(2022, 5) {
		t.Errorf("settled: %v", err)
	}
	if _, err := Load(Options{Period: NewMonth(2022, 3)}, dir); !errors.Is(err, ErrPeriodMismatch) {
		t.Errorf("--period naming neither: %v", err)
	}
}

// TestDirections: the words offices write for a direction.
func TestDirections(t *testing.T) {
	p := mustRead(t, sheet{name: "指标说明", rows: [][]any{{"指标", "方向"}, {"a", "正向指标"}, {"b", "逆向指标"}, {"c", "越小越好"}}},
		sheet{name: "s", rows: [][]any{{"地区", "a", "b", "c"}, {"甲", 1, 2, 3}}})
	for i, want := range []Direction{Higher, Lower, Lower} {
		if p.Indicators[i].Direction != want {
			t.Errorf("%s: %s", p.Indicators[i].Name, p.Indicators[i].Direction)
		}
	}
}

// TestReportOutputs: the files report writes are known by their marker
// (or, written before it existed, by their name) and skipped in a folder;
// named, the Excel summary is refused with a message saying what it is.
func TestReportOutputs(t *testing.T) {
	dir := t.TempDir()
	summary := writeFile(t, dir, "汇总.xlsx", func() []byte {
		b := workbook(t, sheet{name: "总榜", rows: [][]any{{"单位", "得分"}, {"甲", 1}}})
		return replacePart(t, b, "docProps/app.xml", []byte(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>shaipin report</Application></Properties>`))
	}())
	writeFile(t, dir, "x.html", []byte("<html><head>\n<meta  name=\"generator\"\n content=\"shaipin report\">"))
	writeFile(t, dir, "y.json", []byte(`{"period":"2022-04","units":[{"a":[1,{"b":2}]}],"generator":"shaipin report"}`))
	writeFile(t, dir, "z.json", []byte(`{"generator":"other"}`))
	writeFile(t, dir, "2022-04.xlsx", monthBook(t, 1))
	// An Excel summary written before the marker: its name, a 总榜 sheet,
	// the library's application name. An input of that name is read.
	writeFile(t, dir, "leaderboard-2022-03.xlsx", workbook(t, sheet{name: "总榜", rows: [][]any{{"单位", "得分"}, {"甲", 1}}}))
	writeFile(t, dir, "leaderboard-2022-02.xlsx", monthBook(t, 1))
	l, errs := List([]string{dir}, ListOptions{})
	if want := []string{filepath.Join(dir, "2022-04.xlsx"), filepath.Join(dir, "leaderboard-2022-02.xlsx")}; len(errs) != 0 || !reflect.DeepEqual(l.Paths(), want) {
		t.Fatalf("inputs %v %v", l.Paths(), errs)
	}
	if n := l.Notes.Error(); !strings.Contains(n, "报告(不是输入数据):leaderboard-2022-03.xlsx、x.html、y.json、汇总.xlsx") || !strings.Contains(n, "未读取:z.json") {
		t.Errorf("notes %v", n)
	}
	if _, err := Load(Options{}, summary); !errors.Is(err, ErrReportOutput) {
		t.Errorf("named summary: %v", err)
	}
}

// TestNotWorkbookKinds: a file named .xlsx that is something else says
// what it is.
func TestNotWorkbookKinds(t *testing.T) {
	rels := func(target string) string {
		return `<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + target + `"/></Relationships>`
	}
	for _, c := range []struct {
		parts [][2]string
		want  string
	}{
		{[][2]string{{"_rels/.rels", rels("word/document.xml")}, {"word/document.xml", "<w/>"}}, "Word 文档(.docx)"},
		{[][2]string{{"_rels/.rels", rels("ppt/presentation.xml")}, {"ppt/presentation.xml", "<p/>"}}, "PowerPoint"},
		{[][2]string{{"_rels/.rels", rels("xl/workbook.bin")}, {"xl/workbook.bin", "x"}}, ".xlsb"},
		{[][2]string{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}}, ".ods"},
		{[][2]string{{"mimetype", "application/vnd.oasis.opendocument.text"}}, "OpenDocument 文档(text)"},
		{[][2]string{{"a.txt", "x"}}, "压缩包(zip),其中没有 Excel 工作簿"},
	} {
		b := zipBytes(t, c.parts...)
		_, err := ReadBytes("2022-04.xlsx", b, Options{})
		if !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.want, err)
		}
	}
}

// TestOSError: file-system errors in words users read, without the path.
func TestOSError(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "nope", "x.tmp"))
	if got := OSError(err).Error(); got != "文件不存在" {
		t.Errorf("not exist: %s", got)
	}
	file := writeFile(t, t.TempDir(), "f", nil)
	err = os.MkdirAll(filepath.Join(file, "sub"), 0o755)
	if got := OSError(err).Error(); strings.Contains(got, file) || !strings.Contains(got, "不是文件夹") {
		t.Errorf("not a folder: %s", got)
	}
	err = &os.PathError{Op: "open", Path: "/x/.a.tmp", Err: os.ErrPermission}
	if got := OSError(err).Error(); strings.Contains(got, "tmp") || !strings.Contains(got, "权限") {
		t.Errorf("permission: %s", got)
	}
}

// TestMinusSigns: every minus sign people paste reads as one.
func TestMinusSigns(t *testing.T) {
	for _, s := range []string{"−5.1", "–5.1", "﹣5.1", "－5.1", "-5.1", "‐5.1"} {
		p, err := parseText(s, "")
		if err != nil || p.number != -5.1 {
			t.Errorf("%q: %v %v", s, p.number, err)
		}
	}
	for _, s := range []string{"−", "﹣"} {
		if p, err := parseText(s, ""); err != nil || !p.missing {
			t.Errorf("%q alone: %v %v", s, p, err)
		}
	}
}

// zipBytes builds a zip of the given parts, in order.
func zipBytes(t *testing.T, parts ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
