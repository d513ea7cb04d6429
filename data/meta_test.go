package data

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestMetaLimits(t *testing.T) {
	p := mustRead(t,
		sheet{name: "指标说明", rows: [][]any{
			{"指标", "下限", "上限"},
			{"完成率", 0, 150},
			{"整改率", "", "不限"},
			{"增速", "-50%", "—"},
			{"覆盖率", nil, 1},
			{"面积", "０", nil},
		}, formats: map[string]string{"C5": "0%"}},
		sheet{name: "g", rows: [][]any{
			{"地区", "完成率(%)", "整改率(%)", "增速(%)", "覆盖率(%)", "面积(亩)", "其他"},
			{"甲", 50, 60, 5, 90, 3, 1},
		}})
	want := map[string][2]Limit{
		"完成率": {{true, 0}, {true, 150}},
		"整改率": {{}, {true, math.Inf(1)}},
		"增速":  {{true, -50}, {}},
		"覆盖率": {{}, {true, 100}},
		"面积":  {{true, 0}, {}},
		"其他":  {{}, {}},
	}
	for _, ind := range p.Indicators {
		if got := [2]Limit{ind.Lower, ind.Upper}; got != want[ind.Name] {
			t.Errorf("%s: limits %+v, want %+v", ind.Name, got, want[ind.Name])
		}
	}
}

func TestMetaLimitProblems(t *testing.T) {
	_, err := read(t,
		sheet{name: "指标说明", rows: [][]any{
			{"指标", "下限", "上限"},
			{"a", "零", ""},
			{"b", 10, 5},
		}},
		sheet{name: "g", rows: [][]any{{"地区", "a", "b"}, {"甲", 1, 7}}})
	if !errors.Is(err, ErrBadLimit) {
		t.Fatalf("want ErrBadLimit, got %v", err)
	}
	for _, want := range []string{`指标说明!B2: "零" 下限、上限只能填数字`, `指标说明!C3: "5" 下限、上限只能填数字(如 0、100)或 不限:上限小于下限`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}
