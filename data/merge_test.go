package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// mergeShape is a small period: three units, two indicators on one sheet.
func mergeShape(period Month) *Period {
	ind := func(name, unit string) *Indicator {
		return &Indicator{Name: name, Group: "七张问题清单", Unit: unit, Direction: Higher, Weight: 1, Decimals: -1,
			Ranked: true, Sheet: "七张问题清单", Values: make([]Value, 3)}
	}
	return &Period{Month: period, Title: "测试", Units: []string{"婺城区", "金东区", "义乌市"},
		Indicators: []*Indicator{ind("管控力量化指数", "分"), ind("省级问题整改率", "%")}}
}

var mergeAliases = map[string][]string{"金东区": {"新区", "金东"}, "义乌市": {"义乌"}}

// mergeForm is a returned form: unit "" for a whole-city one; vals maps
// unit → values of the two indicators (NaN-free; 0 with ok=false by
// leaving the unit out).
func mergeForm(unit string, vals map[string][2]float64) *Form {
	p := mergeShape(NewMonth(2022, 5))
	for k, u := range p.Units {
		v, ok := vals[u]
		if !ok {
			continue
		}
		for i := range p.Indicators {
			p.Indicators[i].Values[k] = Value{OK: true, Number: v[i], Decimals: decimalsOf(v[i]),
				Cell: "七张问题清单!" + string(rune('B'+i)) + string(rune('3'+k))}
		}
	}
	return &Form{Period: p, Periods: 1, Aliases: mergeAliases, Unit: unit, Sheets: []string{"填报说明", "七张问题清单", "参数", "单位", "指标说明"}}
}

var t0 = time.Date(2022, 5, 30, 9, 0, 0, 0, time.UTC)

func sub(file string, minutes int, f *Form) Submission {
	return Submission{File: file, ModTime: t0.Add(time.Duration(minutes) * time.Minute), Form: f}
}

func TestMergePerUnitForms(t *testing.T) {
	res, err := Merge([]Submission{
		sub("婺城区.xlsx", 0, mergeForm("婺城区", map[string][2]float64{"婺城区": {90.8, 100}})),
		sub("义乌市.xlsx", 5, mergeForm("义乌市", map[string][2]float64{"义乌市": {91.86, 0}})),
	}, MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Form.Period
	if p.Month.String() != "2022-05" || strings.Join(p.Units, ",") != "婺城区,金东区,义乌市" {
		t.Fatalf("period %s units %v", p.Month, p.Units)
	}
	got := p.Indicators[0].Values
	if !got[0].OK || got[0].Number != 90.8 || got[1].OK || got[2].Number != 91.86 {
		t.Errorf("values %+v", got)
	}
	if res.Sources[0][2] != "义乌市.xlsx" || res.Sources[0][1] != "" {
		t.Errorf("sources %v", res.Sources)
	}
	if strings.Join(res.Missing, ",") != "金东区" {
		t.Errorf("missing %v", res.Missing)
	}
	if len(res.Blank) != 0 || len(res.Conflicts) != 0 || len(res.Empty) != 0 {
		t.Errorf("blank %v conflicts %v empty %v", res.Blank, res.Conflicts, res.Empty)
	}
	if strings.Join(res.Form.Aliases["金东区"], ",") != "新区,金东" {
		t.Errorf("aliases %v", res.Form.Aliases)
	}
}

func TestMergeConflict(t *testing.T) {
	subs := []Submission{
		sub("义乌市.xlsx", 10, mergeForm("义乌市", map[string][2]float64{"义乌市": {91.86, 50}})),
		sub("义乌市(改).xlsx", 20, mergeForm("义乌市", map[string][2]float64{"义乌市": {91.9, 50}})),
		sub("全市.xlsx", 0, mergeForm("", map[string][2]float64{"婺城区": {90.8, 100}})),
	}
	res, err := Merge(subs, MergeOptions{})
	var l ErrorList
	if !errors.As(err, &l) || len(l) != 1 || !errors.Is(l[0], ErrConflict) {
		t.Fatalf("want one conflict, got %v", err)
	}
	want := `义乌市(改).xlsx: 七张问题清单!B5: "91.9" 与 义乌市.xlsx 七张问题清单!B5 的 91.86 不一致(义乌市「管控力量化指数」数值冲突)`
	if l[0].Error() != want {
		t.Errorf("message\n got %s\nwant %s", l[0], want)
	}
	if len(res.Conflicts) != 1 || res.Conflicts[0].Chosen != -1 || res.Form.Period.Indicators[0].Values[2].OK {
		t.Errorf("conflict %+v", res.Conflicts)
	}
	// The equal 50 is no conflict; the unit shows both files.
	if strings.Join(res.Files["义乌市"], ",") != "义乌市.xlsx,义乌市(改).xlsx" {
		t.Errorf("files %v", res.Files)
	}

	res, err = Merge(subs, MergeOptions{PreferLatest: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Conflicts[0]; c.Chosen != 1 || c.Unit != "义乌市" || c.Indicator.Name != "管控力量化指数" {
		t.Errorf("chosen %+v", c)
	}
	if v := res.Form.Period.Indicators[0].Values[2]; v.Number != 91.9 || res.Sources[0][2] != "义乌市(改).xlsx" {
		t.Errorf("value %+v from %s", v, res.Sources[0][2])
	}

	// Same modification time: no way to tell which is newer.
	subs[1].ModTime = subs[0].ModTime
	_, err = Merge(subs, MergeOptions{PreferLatest: true})
	if !errors.As(err, &l) || len(l) != 1 || !strings.Contains(l[0].Error(), "修改时间相同") {
		t.Errorf("tie: %v", err)
	}
}

func TestMergeEqualValuesKeepPrecision(t *testing.T) {
	a := mergeForm("", map[string][2]float64{"婺城区": {90.8, 100}})
	b := mergeForm("婺城区", map[string][2]float64{"婺城区": {90.8, 100}})
	b.Period.Indicators[0].Values[0].Decimals = 2 // typed 90.80
	res, err := Merge([]Submission{sub("a.xlsx", 0, a), sub("b.xlsx", 0, b)}, MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Form.Period.Indicators[0].Values[0]; v.Decimals != 2 || len(res.Conflicts) != 0 {
		t.Errorf("value %+v conflicts %v", v, res.Conflicts)
	}
}

func TestMergeShapeProblems(t *testing.T) {
	stale := mergeForm("婺城区", map[string][2]float64{"婺城区": {90, 90}})
	stale.Period.Month = NewMonth(2022, 4)
	extra := mergeForm("义乌市", map[string][2]float64{"义乌市": {91, 91}})
	extra.Period.Indicators[0].Name = "管控力指数" // a renamed header
	other := mergeForm("金东区", map[string][2]float64{"金东区": {89, 60}, "义乌市": {1, 1}})
	measure := mergeForm("", map[string][2]float64{"婺城区": {90, 90}})
	measure.Period.Indicators[1].Unit = "个"
	rules := mergeForm("", nil)
	rules.Period.Indicators[0].Direction = Lower
	wrongUnit := mergeForm("义务市", nil)
	high := mergeForm("", map[string][2]float64{"婺城区": {90, 120}})
	subs := []Submission{
		sub("a-stale.xlsx", 0, stale), sub("b-extra.xlsx", 0, extra), sub("c-other.xlsx", 0, other),
		sub("d-measure.xlsx", 0, measure), sub("e-rules.xlsx", 0, rules), sub("f-unit.xlsx", 0, wrongUnit),
		sub("g-high.xlsx", 0, high),
	}
	tmpl := mergeForm("", nil)
	res, err := Merge(subs, MergeOptions{Template: tmpl})
	var l ErrorList
	if !errors.As(err, &l) {
		t.Fatalf("want problems, got %v", err)
	}
	got := l.Error()
	for _, want := range []string{
		`a-stale.xlsx: 参数: "2022-04" 期间与本次汇总不一致(本次汇总的是 2022-05,是否用了别的月份的表?)`,
		`b-extra.xlsx: 七张问题清单: "管控力指数" 模板中没有这项指标(分组「七张问题清单」),请勿改动表头、增加列`,
		`b-extra.xlsx: 七张问题清单: "管控力量化指数" 缺少模板中的指标(分组「七张问题清单」),是否删改了表头?`,
		`c-other.xlsx: 七张问题清单!B5: "1" 填报单位以外的数据:本文件是「金东区」的填报表,却填了「义乌市」的「管控力量化指数」`,
		`d-measure.xlsx: 七张问题清单: "省级问题整改率" 计量单位与模板不一致:这里是「个」,模板是「%」`,
		`f-unit.xlsx: 参数: "义务市" 填报单位不在「单位」表中,是否应为「义乌市」?`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing\n%s\nin\n%s", want, got)
		}
	}
	if len(l) != 7 {
		t.Errorf("%d problems:\n%s", len(l), got)
	}
	warns := res.Warnings.Error()
	for _, want := range []string{
		`e-rules.xlsx: 指标说明: "管控力量化指数" 指标说明与模板不一致,按模板`,
		`g-high.xlsx: 七张问题清单!C3: "120" 婺城区「省级问题整改率」超出 0—100,请核对`,
	} {
		if !strings.Contains(warns, want) {
			t.Errorf("missing warning\n%s\nin\n%s", want, warns)
		}
	}
	if res.Form.Period.Indicators[0].Direction != Higher {
		t.Error("the template's rules should win")
	}
	if strings.Join(res.Empty, ",") != "e-rules.xlsx,f-unit.xlsx" {
		t.Errorf("empty %v", res.Empty)
	}
}

func TestMergeMajority(t *testing.T) {
	// Without a template the shape and period most files share rule: the
	// odd file out is the one reported.
	a := mergeForm("婺城区", map[string][2]float64{"婺城区": {90, 90}})
	b := mergeForm("义乌市", map[string][2]float64{"义乌市": {91, 91}})
	odd := mergeForm("金东区", map[string][2]float64{"金东区": {89, 89}})
	odd.Period.Month = NewMonth(2022, 4)
	_, err := Merge([]Submission{sub("odd.xlsx", 0, odd), sub("a.xlsx", 0, a), sub("b.xlsx", 0, b)}, MergeOptions{})
	var l ErrorList
	if !errors.As(err, &l) || len(l) != 1 || l[0].File != "odd.xlsx" || !errors.Is(l[0], ErrPeriodDiffers) {
		t.Errorf("got %v", err)
	}
	// Typed aliases resolve through the reference's 单位 sheet.
	c := mergeForm("", nil)
	c.Aliases = nil
	c.Period.Units[1] = "新区"
	c.Period.Indicators[0].Values[1] = Value{OK: true, Number: 89.64, Decimals: 2, Cell: "七张问题清单!B4"}
	res, err := Merge([]Submission{sub("a.xlsx", 0, a), sub("b.xlsx", 0, b), sub("c.xlsx", 0, c)}, MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Form.Period.Indicators[0].Values[1]; v.Number != 89.64 {
		t.Errorf("新区 → 金东区: %+v", v)
	}
	if _, err := Merge(nil, MergeOptions{}); !errors.Is(err, ErrNoSubmissions) {
		t.Errorf("no submissions: %v", err)
	}
}

func TestMergeRefusesSeveralPeriods(t *testing.T) {
	long := mergeForm("", map[string][2]float64{"婺城区": {90, 90}})
	long.Periods = 2
	res, err := Merge([]Submission{sub("long.xlsx", 0, long), sub("a.xlsx", 0, mergeForm("", nil))}, MergeOptions{})
	var l ErrorList
	if !errors.As(err, &l) || len(l) != 1 || !errors.Is(l[0], ErrFormPeriods) || l[0].File != "long.xlsx" {
		t.Errorf("got %v", err)
	}
	if res.Form.Period.Indicators[0].Values[0].OK {
		t.Error("values of a refused file were merged")
	}
}

// TestMergeKeepsSettings: the merged workbook carries the template's 参数
// rules, and a template whose 目标值 or limits differ is a rule change.
func TestMergeKeepsSettings(t *testing.T) {
	tmpl := mergeForm("", nil)
	tmpl.Period.Settings = Settings{MinCoverage: new(0.6), Board: "tally"}
	tmpl.Period.Indicators[1].Target = new(90.0)
	same := mergeForm("婺城区", map[string][2]float64{"婺城区": {90, 90}})
	same.Period.Indicators[1].Target = new(90.0)
	limits := mergeForm("义乌市", map[string][2]float64{"义乌市": {91, 91}})
	limits.Period.Indicators[1].Target = new(90.0)
	limits.Period.Indicators[1].Upper = Limit{Set: true, Value: 120}
	target := mergeForm("金东区", map[string][2]float64{"金东区": {89, 60}})
	res, err := Merge([]Submission{sub("a.xlsx", 0, same), sub("b.xlsx", 0, limits), sub("c.xlsx", 0, target)},
		MergeOptions{Template: tmpl})
	if err != nil {
		t.Fatal(err)
	}
	if got := settingsText(res.Form.Period.Settings); got != settingsText(tmpl.Period.Settings) {
		t.Errorf("merged settings %s", got)
	}
	warns := res.Warnings.Error()
	for file, want := range map[string]bool{"a.xlsx": false, "b.xlsx": true, "c.xlsx": true} {
		if got := strings.Contains(warns, file+": 指标说明: \"省级问题整改率\" 指标说明与模板不一致"); got != want {
			t.Errorf("%s: rule warning %v, want %v:\n%s", file, got, want, warns)
		}
	}
}
