package data

import (
	"reflect"
	"strings"
	"testing"
)

func TestSettings(t *testing.T) {
	cov := func(f float64) *float64 { return &f }
	data := sheet{name: "g", rows: [][]any{{"地区", "a"}, {"甲", 1}}}
	tests := []struct {
		name    string
		rows    [][]any
		formats map[string]string
		want    Settings
		err     string // in the error, "" for none
	}{
		{name: "none", rows: [][]any{{"标题", "t"}}},
		{name: "Chinese words", rows: [][]any{{"最低覆盖率", "60%"}, {"缺失处理", "不报即末位"}, {"综合得分方法", "功效系数法"},
			{"权重方法", "熵权法"}, {"总榜方式", "红黄旗项数"}},
			want: Settings{MinCoverage: cov(0.6), Missing: "last", Score: "efficacy", Weights: "entropy", Board: "tally"}},
		{name: "command-line names, any case, full width", rows: [][]any{{"缺失处理", "ZERO"}, {"综合得分方法", "ＴＯＰＳＩＳ"}, {"权重方法", " equal "}},
			want: Settings{Missing: "zero", Score: "topsis", Weights: "equal"}},
		{name: "a fraction", rows: [][]any{{"最低覆盖率", 0.3}}, want: Settings{MinCoverage: cov(0.3)}},
		{name: "a percentage cell stores the fraction", rows: [][]any{{"最低覆盖率", 0.5}}, formats: map[string]string{"B1": "0%"},
			want: Settings{MinCoverage: cov(0.5)}},
		{name: "a bare number above 1 is a percentage", rows: [][]any{{"最低覆盖率", 65}}, want: Settings{MinCoverage: cov(0.65)}},
		{name: "zero: no coverage rule", rows: [][]any{{"最低覆盖率", 0}}, want: Settings{MinCoverage: cov(0)}},
		{name: "blank values are unset", rows: [][]any{{"最低覆盖率", ""}, {"缺失处理", nil}}},
		{name: "coverage above 100%", rows: [][]any{{"最低覆盖率", "120%"}}, err: `参数!B1: "120%" 最低覆盖率应为`},
		{name: "coverage not a number", rows: [][]any{{"最低覆盖率", "一半"}}, err: `参数!B1: "一半" 最低覆盖率应为`},
		{name: "unknown method", rows: [][]any{{"标题", "t"}, {"综合得分方法", "加权平均"}}, err: `参数!B2: "加权平均" 综合得分方法只能是`},
		{name: "unknown policy", rows: [][]any{{"缺失处理", "补齐"}}, err: `参数!B1: "补齐" 缺失处理只能是 跳过(skip)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := ReadBytes("2022-04.xlsx", workbook(t, sheet{name: "参数", rows: tt.rows, formats: tt.formats}, data), Options{})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ds.Latest().Settings; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestSettingsLongFormat: the periods of a long sheet share the 参数 sheet.
func TestSettingsLongFormat(t *testing.T) {
	long := sheet{name: "导出", rows: [][]any{{"期间", "地区", "指标", "数值"}, {"2022-03", "甲", "a", 1}, {"2022-04", "甲", "a", 2}}}
	ds, err := ReadBytes("x.xlsx", workbook(t, sheet{name: "参数", rows: [][]any{{"缺失处理", "末位"}}}, long), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ds.Periods {
		if p.Settings.Missing != "last" {
			t.Errorf("%s: %+v", p.Month, p.Settings)
		}
	}
}

func TestMetaTarget(t *testing.T) {
	p := mustRead(t,
		sheet{name: "指标说明", rows: [][]any{
			{"指标", "单位", "目标值"},
			{"完成率", "%", 0.5},
			{"投资额", "亿元", "20亿元"},
			{"收入比", "", "—"},
			{"项目数", "个", nil},
		}, formats: map[string]string{"C2": "0%"}},
		sheet{name: "g", rows: [][]any{{"地区", "完成率(%)", "投资额(亿元)", "收入比", "项目数(个)"}, {"甲", 40, 12, 1.6, 3}}})
	want := map[string]string{"完成率": "50", "投资额": "20", "收入比": "-", "项目数": "-"}
	for _, ind := range p.Indicators {
		got := "-"
		if ind.Target != nil {
			got = fmtNum(Value{Number: *ind.Target, Decimals: decimalsOf(*ind.Target)})
		}
		if got != want[ind.Name] {
			t.Errorf("%s: target %s, want %s", ind.Name, got, want[ind.Name])
		}
	}
	_, err := read(t, sheet{name: "指标说明", rows: [][]any{{"指标", "目标值"}, {"a", "九成"}}},
		sheet{name: "g", rows: [][]any{{"地区", "a"}, {"甲", 1}}})
	if err == nil || !strings.Contains(err.Error(), `指标说明!B2: "九成" 不是数字`) {
		t.Errorf("bad target: %v", err)
	}
}
