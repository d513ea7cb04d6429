package main

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// jinhua are the ten units of the checks' workbook.
var jinhua = []string{"婺城区", "金东区", "兰溪市", "东阳市", "义乌市", "永康市", "浦江县", "武义县", "磐安县", "金华开发区"}

// buildCheckInputs writes the workbooks of the checks' and the rules' CLI
// cases: scale-2022-04.xlsx, where 义乌市 typed its completion rate as a
// fraction (0.527 among 27–47) and 磐安县 its investment in 万元
// (1,000,000 among 10–300); and rules-2022-04.xlsx, whose 参数 sheet
// sets every ranking rule.
func buildCheckInputs(t *testing.T, dir string) {
	t.Helper()
	rate := []any{34.3, 46.9, 34.34, 41.2, 0.527, 28.5, 27.3, 39.0, 44.1, 36.8}
	invest := []any{120.5, 17.9, 13.2, 17.17, 285.3, 88.6, 10.4, 45.1, 1000000, 66.2}
	writeBook(t, filepath.Join(dir, "scale-2022-04.xlsx"), map[string][][]any{
		"城市更新": table([]string{"年度投资完成率(%)", "完成投资额(亿元)"}, rate, invest),
	})
	writeBook(t, filepath.Join(dir, "rules-2022-04.xlsx"), map[string][][]any{
		"城市更新": table([]string{"年度投资完成率(%)", "完成投资额(亿元)"}, rate[:4], invest[:4]),
		"参数": {{"期间", "2022-04"}, {"综合得分方法", "功效系数法"}, {"权重方法", "等权"}, {"缺失处理", "末位"},
			{"最低覆盖率", "60%"}, {"总榜方式", "综合得分"}, {"数据性质", "初步"}},
	})
}

// table is a data sheet: the unit column, then one column per header,
// one row per value.
func table(heads []string, cols ...[]any) [][]any {
	rows := [][]any{append([]any{"地区"}, anys(heads)...)}
	for k := range cols[0] {
		row := []any{jinhua[k]}
		for _, c := range cols {
			row = append(row, c[k])
		}
		rows = append(rows, row)
	}
	return rows
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// writeBook writes a workbook of the given sheets, in name order of the
// map's data sheets first, 参数 last.
func writeBook(t *testing.T, path string, sheets map[string][][]any) {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	first := true
	for _, name := range []string{"城市更新", "参数"} {
		rows, ok := sheets[name]
		if !ok {
			continue
		}
		if first {
			x.SetSheetName("Sheet1", name)
			first = false
		} else if _, err := x.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if err := x.SetSheetRow(name, "A"+strconv.Itoa(i+1), &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
