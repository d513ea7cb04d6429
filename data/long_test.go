package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestLongFormat(t *testing.T) {
	ds, err := ReadBytes("导出.xlsx", workbook(t,
		sheet{name: "指标说明", rows: [][]any{{"指标", "方向"}, {"城乡收入比", "逆向"}}},
		sheet{name: "导出", rows: [][]any{
			{"期间", "地区", "分组", "指标", "数值"},
			{"2022-03", "婺城区", "主要经济指标", "GDP增速(%)", 5.1},
			{"2022-03", "金东区", "主要经济指标", "GDP增速(%)", "4.9%"},
			{"2022年4月", "婺城区", "主要经济指标", "GDP增速(%)", 5.3},
			{"2022-04", "金东区", "主要经济指标", "GDP增速(%)", "—"},
			{"2022-04", "金东区", "", "城乡收入比", 1.58},
			{"2022-04", "兰溪市", "", "城乡收入比", 1.7},
			{"合计", "", "", "", ""},
		}}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Periods) != 2 || ds.Periods[0].Month.String() != "2022-03" || ds.Periods[1].Month.String() != "2022-04" {
		t.Fatalf("periods %+v", ds.Periods)
	}
	mar, apr := ds.Periods[0], ds.Periods[1]
	if !reflect.DeepEqual(names(mar), []string{"主要经济指标/GDP增速(%)"}) {
		t.Errorf("March indicators %v", names(mar))
	}
	if !reflect.DeepEqual(names(apr), []string{"主要经济指标/GDP增速(%)", "导出/城乡收入比()"}) {
		t.Errorf("April indicators %v", names(apr))
	}
	if got := values(t, mar, "GDP增速"); got["金东区"] != "4.9" || got["婺城区"] != "5.1" {
		t.Errorf("March %v", got)
	}
	if got := values(t, apr, "GDP增速"); got["金东区"] != "-" || got["兰溪市"] != "-" {
		t.Errorf("April %v", got)
	}
	if apr.Indicators[1].Direction != Lower {
		t.Error("指标说明 applies to long format")
	}
	if apr.Title != "2022年4月晒拼指标排名" || apr.File != "导出.xlsx" {
		t.Errorf("title %q file %q", apr.Title, apr.File)
	}
}

func TestLongFormatProblems(t *testing.T) {
	_, err := ReadBytes("导出.xlsx", workbook(t, sheet{name: "导出", rows: [][]any{
		{"期间", "单位", "指标", "数值"},
		{"上月", "甲", "a", 1},
		{"2022-04", "甲", "a", "9l.2"},
		{"2022-04", "乙", "a", 1},
		{"2022-04", "乙", "a", 2},
	}}), Options{})
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	for _, want := range []string{`导出!A2: "上月" 期间格式无法识别`, `导出!D3: "9l.2" 不是数字`, `导出!B5: "乙" 单位重复出现`} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

func TestLongAndWideSamePeriod(t *testing.T) {
	_, err := ReadBytes("2022-04.xlsx", workbook(t,
		sheet{name: "宽表", rows: [][]any{{"地区", "a"}, {"甲", 1}}},
		sheet{name: "长表", rows: [][]any{{"期间", "地区", "指标", "数值"}, {"2022-04", "甲", "b", 2}}}), Options{})
	if !errors.Is(err, ErrDuplicatePeriod) {
		t.Errorf("got %v", err)
	}
}
