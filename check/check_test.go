package check

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"shaipin/data"
)

// TestIssueCases: the two figures of issue 13 are questioned at their
// cells, print like the reader's errors, and make an error for --strict.
func TestIssueCases(t *testing.T) {
	p := period(t, 4,
		col{name: "年度投资完成率", unit: "%", figs: "46.9 34.34 27.4 41.2 0.527 38.5 29.9 44.1 36.0 31.7"},
		col{name: "完成投资额", unit: "亿元", figs: "17.9 13.2 17.17 1000000 68.5 4.27 10.2 4.49 300 17.81"})
	fs := Period(p, nil, Options{})
	want := []string{
		`2022-04.xlsx: 城市更新!C6: "1000000" 疑似单位为万元而非亿元:其他单位的中位数为 17.17,该值约为其 58241 倍`,
		`2022-04.xlsx: 城市更新!B7: "0.527" 疑似把百分数填成了小数(52.7% 填成 0.527):其他单位的中位数为 36.00,该值约为其 1/68`,
	}
	if got := fs.String(); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if len(fs) != 2 || fs[1].Kind != Scale || !reflect.DeepEqual(fs[1].Units, []string{"义乌市"}) || fs[0].Units[0] != "东阳市" {
		t.Errorf("kinds/units: %v", kinds(fs))
	}
	var list data.ErrorList
	if err := fs.Err(); !errors.As(err, &list) || len(list) != 2 || list[1].Cell != "B7" || list[1].Value != "0.527" {
		t.Errorf("Err() = %v", err)
	}
	if (Findings{}).Err() != nil {
		t.Error("no findings must be no error")
	}
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name string
		cols []col
		want []string // kind@cell unit; nil: no finding
	}{
		// Scale.
		{"percent as fraction", []col{{name: "完成率", unit: "%", figs: "46.9 34.34 0.527 27.4"}}, []string{"scale@B5兰溪市"}},
		{"percent typed into a % cell", []col{{name: "整改率", unit: "%", figs: "88.9 73.7 6000 52.2 70.1"}}, []string{"scale@B5兰溪市"}},
		{"万元 in 亿元", []col{{name: "投资额", unit: "亿元", figs: "17.9 13.2 178100 68.5 5.7 4.27"}}, []string{"scale@B5兰溪市"}},
		{"亿元 in 万元", []col{{name: "投资额", unit: "万元", figs: "179000 132000 17.17 68500 57000"}}, []string{"scale@B5兰溪市"}},
		{"100× score", []col{{name: "管控力量化指数", unit: "分", figs: "90.8 89.64 9025 91.86 88.79"}}, []string{"scale@B5兰溪市"}},
		{"real wide column (需求金额)", []col{{name: "需求金额", unit: "亿元", figs: "10.4 243.8 44.6 0.24 71.1"}}, nil},
		{"half the column fractions", []col{{name: "完成率", unit: "%", figs: "0.5 0.4 0.3 45 38 41"}}, nil},
		{"growth crosses zero", []col{{name: "GDP增速", unit: "%", figs: "5.1 0.05 -1.2 6.3 4.8"}}, nil},
		{"fraction among rates spread 3×", []col{{name: "完成率", unit: "%", figs: "45.8 25.8 52.3 17.3 0.458"}}, []string{"scale@B7义乌市"}},
		{"low figure among rates spread 5×", []col{{name: "完成率", unit: "%", figs: "10.2 25.8 52.3 17.3 0.458"}}, nil},
		// Outliers.
		{"10× typo among 40", []col{{name: "年度投资完成率", unit: "%", figs: strings.Repeat("38 41 36 44 39 37 42 40 35 43 ", 4) + "410"}}, []string{"outlier@B43单位41"}},
		{"10× typo among 10: skew instead", []col{{name: "年度投资完成率", unit: "%", figs: "38 41 36 44 39 37 42 40 35 410"}}, []string{"skew@B3:B12金华开发区"}},
		{"1000× among 90 sizes", []col{{name: "投资额", unit: "亿元", figs: sizes(90, 1.5, 1000)}}, []string{"outlier@B3婺城区"}},
		{"big county among 8 (log scale)", []col{{name: "完成投资额", unit: "亿元", figs: "17.9 13.2 17.17 68.5 5.7 4.27 4.49 17.81"}}, nil},
		{"7 figures: no outlier rule, skew instead", []col{{name: "年度投资完成率", unit: "%", figs: "38 41 36 44 39 37 410"}}, []string{"skew@B3:B9浦江县"}},
		// Skew (JRC/COINr).
		{"one unit squeezes the rest", []col{{name: "完成率", unit: "%", figs: "31 38 35 40 33 40 36 39 95 37"}}, []string{"skew@B3:B12磐安县"}},
		{"skewed but the rest spread", []col{{name: "项目数", unit: "个", figs: "0 0 0 0 1 1 1 2 3 9"}}, nil},
		{"five figures", []col{{name: "应用数", unit: "个", figs: "2 3 3 3 12"}}, nil},
		{"the rest all tied", []col{{name: "项目数", unit: "个", figs: "3 3 3 3 3 3 3 3 3 4"}}, nil},
		{"ceiling of 100s and a laggard", []col{{name: "整改率", unit: "%", figs: "100 100 100 100 100 100 100 99.4 98 67.6"}}, []string{"skew@B3:B12金华开发区"}},
		// Impossible.
		{"negative completion", []col{{name: "年度投资完成率", unit: "%", figs: "46.9 -5 52.7 27.4"}}, []string{"impossible@B4金东区"}},
		{"rate above 100", []col{{name: "省级问题整改率", unit: "%", figs: "100 105 90 25"}}, []string{"impossible@B4金东区"}},
		{"fractional count", []col{{name: "签约项目数", unit: "个", figs: "4 6 6.5 4"}}, []string{"impossible@B5兰溪市"}},
		{"negative area", []col{{name: "整治面积", unit: "亩", figs: "1150 -915 244"}}, []string{"impossible@B4金东区"}},
		{"above 上限", []col{{name: "年度投资完成率", unit: "%", figs: "46.9 160 52.7", upper: data.Limit{Set: true, Value: 150}}}, []string{"impossible@B4金东区"}},
		{"below 下限", []col{{name: "GDP增速", unit: "%", figs: "4.6 -12 5.1", lower: data.Limit{Set: true, Value: -10}}}, []string{"impossible@B4金东区"}},
		{"completion above 100", []col{{name: "年度投资完成率", unit: "%", figs: "46.9 120 52.7"}}, nil},
		{"growth negative and above 100", []col{{name: "规上工业增加值增速", unit: "%", figs: "-5 130 8.2"}}, nil},
		{"rate with 上限 不限", []col{{name: "资金到位率", unit: "%", figs: "100 105 90", upper: data.Limit{Set: true, Value: math.Inf(1)}}}, nil},
		{"average count, area, 万人", []col{{name: "平均项目数", unit: "个", figs: "2.5 3"}, {name: "面积", unit: "亩", figs: "36.5 12"}, {name: "日活", unit: "万人", figs: "1.3 5"}}, nil},
		// Duplicate columns.
		{"copied column", []col{{name: "A", unit: "亿元", figs: "2.47 11.2 - 2.27"}, {name: "B", unit: "亿元", figs: "2.47 11.2 - 2.27"}}, []string{"duplicate-column@C3:C6"}},
		{"copied counts", []col{{name: "A", unit: "个", figs: "5 4 6 10 6"}, {name: "B", unit: "个", figs: "5 4 6 10 6"}}, []string{"duplicate-column@C3:C7"}},
		{"equal by chance", []col{{name: "A", unit: "个", figs: "1 2 1 3"}, {name: "B", unit: "个", figs: "1 2 1 3"}}, nil},
		{"all 100", []col{{name: "A", unit: "%", figs: "100 100 100"}, {name: "B", unit: "%", figs: "100 100 100"}}, nil},
		{"different units reported", []col{{name: "A", unit: "亿元", figs: "2.47 11.2 - 2.27"}, {name: "B", unit: "亿元", figs: "2.47 11.2 2.27 -"}}, nil},
		{"unranked copy", []col{{name: "A", unit: "亿元", figs: "2.47 11.2 2.27"}, {name: "B", unit: "亿元", figs: "2.47 11.2 2.27", unranked: true}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Period(period(t, 4, tt.cols...), nil, Options{})
			if got := kinds(fs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v\n%s", got, tt.want, fs)
			}
		})
	}
}

// sizes is n positive figures around 20, spread within ÷spread…×spread,
// the first times big.
func sizes(n int, spread, big float64) string {
	figs := make([]string, n)
	for i := range figs {
		x := 20 * math.Pow(spread, math.Sin(float64(i)*1.7+1))
		if i == 0 {
			x *= big
		}
		figs[i] = data.Fixed(x, 2)
	}
	return strings.Join(figs, " ")
}

func TestStale(t *testing.T) {
	tests := []struct {
		name      string
		was, now  col
		wantStale bool
	}{
		{"copied", col{name: "A", unit: "亿元", figs: "2.47 11.2 2.27 10.7"}, col{name: "A", unit: "亿元", figs: "2.47 11.2 2.27 10.7"}, true},
		{"one changed", col{name: "A", unit: "亿元", figs: "2.47 11.2 2.27 10.7"}, col{name: "A", unit: "亿元", figs: "2.47 11.2 2.27 10.8"}, false},
		{"counts standing still", col{name: "A", unit: "个", figs: "19 17 25 9 8"}, col{name: "A", unit: "个", figs: "19 17 25 9 8"}, false},
		{"constant", col{name: "A", unit: "%", figs: "100 100 100"}, col{name: "A", unit: "%", figs: "100 100 100"}, false},
		{"a unit more", col{name: "A", unit: "亿元", figs: "2.47 11.2 2.27 -"}, col{name: "A", unit: "亿元", figs: "2.47 11.2 2.27 10.7"}, false},
		{"two figures", col{name: "A", unit: "亿元", figs: "2.47 11.2"}, col{name: "A", unit: "亿元", figs: "2.47 11.2"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := &data.Dataset{Periods: []*data.Period{period(t, 3, tt.was), period(t, 4, tt.now)}}
			fs := Dataset(ds, Options{})
			stale := len(fs) == 1 && fs[0].Kind == Stale && fs[0].File == "2022-04.xlsx" && fs[0].Units == nil
			if stale != tt.wantStale || len(fs) > 1 {
				t.Errorf("got %v, want stale %v\n%s", kinds(fs), tt.wantStale, fs)
			}
		})
	}
}
