package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetSpec is a worksheet of a test workbook: rows from A1, nil cells
// left empty.
type sheetSpec struct {
	name string
	rows [][]any
}

// bookBytes builds a workbook; app, when set, is its application name
// (docProps/app.xml), as a marker of the program that wrote it.
func bookBytes(t *testing.T, app string, sheets ...sheetSpec) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, s := range sheets {
		if i == 0 {
			x.SetSheetName("Sheet1", s.name)
		} else if _, err := x.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := x.SetCellValue(s.name, ref, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if app != "" {
		if err := x.SetAppProps(&excelize.AppProperties{Application: app}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// put writes a file under dir, making its folders.
func put(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// zipOf builds a zip of the given parts, in order.
func zipOf(t *testing.T, parts ...[2]string) []byte {
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

// damaged returns a workbook with one byte of its first sheet's XML
// changed, inside the row of the given cell.
func damaged(t *testing.T, book []byte, cell string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var parts [][2]string
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		s := b.String()
		if f.Name == "xl/worksheets/sheet1.xml" {
			i := strings.Index(s, `<c r="`+cell+`"`)
			if i < 0 {
				t.Fatalf("no cell %s", cell)
			}
			s = s[:i+1] + "d" + s[i+2:] // <c r=…> becomes <d r=…>, closed by </c>
		}
		parts = append(parts, [2]string{f.Name, s})
	}
	return zipOf(t, parts...)
}

// month is a small wide table of four Jinhua units.
func month(units []string, vals ...any) sheetSpec {
	rows := [][]any{{"地区", "管控力量化指数(分)", "城乡收入比"}}
	for i, u := range units {
		rows = append(rows, []any{u, vals[2*i], vals[2*i+1]})
	}
	return sheetSpec{name: "晒拼", rows: rows}
}

var four = []string{"婺城区", "金东区", "兰溪市", "东阳市"}

// buildReadingInputs writes, under dir/read, the inputs of the cases about
// what is read and how (issue 12): folders with files that are not data,
// sheets that are not data, transposed tables, totals, units across
// periods, damaged and mislabelled files.
func buildReadingInputs(t *testing.T, dir string) {
	t.Helper()
	dir = filepath.Join(dir, "read")
	good := bookBytes(t, "", month(four, 90.8, 1.61, 89.64, 1.58, 91.2, 1.7, 90.1, 1.58))
	params := func(period string) sheetSpec { return sheetSpec{"参数", [][]any{{"期间", period}}} }

	// Rule 2: report outputs in an input folder.
	put(t, dir, "outputs/2022-04.xlsx", good)
	put(t, dir, "outputs/leaderboard-2022-03.html", []byte("<html></html>"))
	put(t, dir, "outputs/leaderboard-2022-03.json", []byte(`{"period":"2022-03"}`))
	put(t, dir, "outputs/会议汇总.xlsx", bookBytes(t, "shaipin report", sheetSpec{"总榜", [][]any{{"名次", "单位"}, {1, "义乌市"}}}))
	put(t, dir, "outputs/会议报告.html", []byte(`<html><head><meta name="generator" content="shaipin report"></head></html>`))
	// Rule 3: a file name naming another period than 参数.
	put(t, dir, "mismatch/2022-05.xlsx", bookBytes(t, "", params("2022-04"), month(four, 1, 2, 3, 4, 5, 6, 7, 8)))

	// Rule 4: a folder of everything; a folder with a subfolder.
	old, err := os.ReadFile("data/testdata/old-2022-04.xls")
	if err != nil {
		t.Fatal(err)
	}
	put(t, dir, "mixed/2022-04.xlsx", good)
	put(t, dir, "mixed/2022-03.xlsm", good)
	put(t, dir, "mixed/2022-02.csv", []byte("地区,管控力量化指数(分),城乡收入比\n婺城区,90.1,1.6\n金东区,89.5,1.7\n兰溪市,91,1.5\n东阳市,90,1.6\n"))
	put(t, dir, "mixed/2022-01.xls", old)
	put(t, dir, "mixed/2021-12.et", old)
	put(t, dir, "mixed/2021-11.ods", zipOf(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, [2]string{"content.xml", "<x/>"}))
	put(t, dir, "mixed/README.txt", []byte("说明"))
	put(t, dir, "mixed/照片.jpg", []byte{0xff, 0xd8, 0xff})
	put(t, dir, "mixed/~$2022-04.xlsx", []byte("lock"))
	put(t, dir, "mixed/旧/2021-10.xlsx", good)
	put(t, dir, "nested/2022-03.xlsx", good)
	put(t, dir, "nested/4月/2022-04.xlsx", good)

	// Rule 5: sheets that are not data beside the data.
	put(t, dir, "sheets/2022-04.xlsx", bookBytes(t, "",
		sheetSpec{"晒拼", append(month(four, 90.8, 1.61, 89.64, 1.58, 91.2, 1.7, 90.1, 1.58).rows,
			[]any{"联系电话:0579-12345678", 1}, []any{"填表人:张三 审核人:李四"})},
		sheetSpec{"填报人信息", [][]any{{"填表人:张三", "审核人:李四"}, {"联系电话:0579-12345678"}, {"填表日期", "2022-05-03"}}},
		sheetSpec{"底稿", [][]any{{"地区", "核对数"}, {"已报送单位数", 9}, {"未报送", 1}}}))

	// Rule 6: units across the top; the 单位 sheet names them.
	units := sheetSpec{"单位", [][]any{{"名称", "别名"}, {"婺城区", "婺城"}, {"金东区", "金义新区"}, {"兰溪市", ""}, {"东阳市", ""}}}
	across := [][]any{{"指标", "计量单位", "婺城区", "金东区", "兰溪市", "东阳市", "全市"},
		{"管控力量化指数", "分", 90.8, 89.64, "—", 90.1, 90},
		{"城乡收入比", "", 1.61, 1.58, 1.7, 1.58, 1.6}}
	meta := sheetSpec{"指标说明", [][]any{{"指标", "方向"}, {"城乡收入比", "逆向指标"}}}
	put(t, dir, "across/2022-04.xlsx", bookBytes(t, "", units, sheetSpec{"晒拼", across}, meta))
	across[2][4] = "1.7O"
	put(t, dir, "across-bad/2022-04.xlsx", bookBytes(t, "", units, sheetSpec{"晒拼", across}))

	// Rule 7: a damaged sheet.
	put(t, dir, "damaged/2022-04.xlsx", damaged(t, good, "B3"))

	// Rule 8: totals and wider areas without a 单位 sheet.
	totals := month(four, 90.8, 1.61, 89.64, 1.58, 91.2, 1.7, 90.1, 1.58)
	for _, n := range []string{"金华市", "全省", "全市合计", "市区", "平均", "小计"} {
		totals.rows = append(totals.rows, []any{n, 90, 1.6})
	}
	put(t, dir, "totals/2022-04.xlsx", bookBytes(t, "", totals))

	// Rule 9: a unit list for every month; aliases of one month for all;
	// a unit renamed without an alias.
	list := sheetSpec{"单位", [][]any{{"名称", "别名"}, {"婺城区", ""}, {"金东区", "金义新区、新区"}, {"金华开发区", "开发区、金开"}}}
	put(t, dir, "unitlist/单位.xlsx", bookBytes(t, "", list))
	put(t, dir, "unitlist/2022-03.xlsx", bookBytes(t, "", month([]string{"婺城区", "金义新区", "开发区"}, 1, 2, 3, 4, 5, 6)))
	put(t, dir, "unitlist/2022-04.xlsx", bookBytes(t, "", month([]string{"婺城区", "金东区", "金开"}, 1, 2, 3, 4, 5, 6)))
	put(t, dir, "aliases/2022-03.xlsx", bookBytes(t, "", month([]string{"婺城区", "金义新区", "开发区"}, 1, 2, 3, 4, 5, 6)))
	put(t, dir, "aliases/2022-04.xlsx", bookBytes(t, "", list, month([]string{"婺城区", "金东区", "金华开发区"}, 1, 2, 3, 4, 5, 6)))
	put(t, dir, "renamed/2022-03.xlsx", bookBytes(t, "", month([]string{"婺城区", "金东区", "兰溪市"}, 1, 2, 3, 4, 5, 6)))
	put(t, dir, "renamed/2022-04.xlsx", bookBytes(t, "", month([]string{"婺城区", "金义新区", "浦江县"}, 1, 2, 3, 4, 5, 6)))

	// Rule 10: every value missing.
	put(t, dir, "blank/2022-04.xlsx", bookBytes(t, "", month(four, "—", nil, "/", "未报送", nil, nil, "—", "—")))

	// Clear messages: a Word document and a zip named .xlsx; minus signs
	// and directions as offices write them; one file name in two folders;
	// an output folder that is a file.
	put(t, dir, "word/2022-04.xlsx", zipOf(t,
		[2]string{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		[2]string{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		[2]string{"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`}))
	put(t, dir, "zip/2022-04.xlsx", zipOf(t, [2]string{"报表/说明.txt", "x"}))
	put(t, dir, "minus/2022-04.xlsx", bookBytes(t, "",
		sheetSpec{"增速", [][]any{{"地区", "GDP增速(%)", "城乡收入比"}, {"婺城区", "−5.1", 1.61}, {"金东区", "–2.0", 1.58}, {"兰溪市", "﹣3", 1.7}, {"东阳市", "－5.1", 1.5}}},
		sheetSpec{"指标说明", [][]any{{"指标", "方向"}, {"GDP增速", "正向指标"}, {"城乡收入比", "逆向指标"}}}))
	conflict, err := os.ReadFile("testdata/forms/conflict/2022-05-义乌市(修改).xlsx")
	if err != nil {
		t.Fatal(err)
	}
	put(t, dir, "回收2/2022-05-义乌市.xlsx", conflict)
	put(t, dir, "afile", []byte("x"))
}
