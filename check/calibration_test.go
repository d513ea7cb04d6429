package check

import (
	"testing"

	"shaipin/data"
	"shaipin/synth"
)

// TestSampleQuiet: the embedded sample — April's published figures, with
// their holes, and three months simulated from them — questions nothing.
// Its closest call is 完成投资额 (义乌市 68.5 亿元 among 4.27–17.9): it
// fails the JRC skew test, but with 8 figures the other units' scores
// would need to be squeezed into 12 points, not 21.
func TestSampleQuiet(t *testing.T) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fs := Dataset(ds, Options{}); len(fs) > 0 {
		t.Errorf("the sample should raise nothing:\n%s", fs)
	}
}

// TestSampleMistakes: the mistakes of issue 13 made in the real April
// figures are questioned at their cells, and nothing else is.
func TestSampleMistakes(t *testing.T) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	apr := ds.Find(data.NewMonth(2022, 4))
	want := map[string]string{}
	for _, m := range []struct {
		indicator string
		number    float64
		decimals  int
		reason    string
	}{
		{"年度投资完成率", 0.527, 3, "疑似把百分数填成了小数(52.7% 填成 0.527)"},
		{"完成投资额", 685000, 0, "疑似单位为万元而非亿元"},
	} {
		v := value(t, apr, m.indicator, "义乌市")
		v.Number, v.Decimals = m.number, m.decimals
		want[v.Cell] = m.reason
	}
	fs := Dataset(ds, Options{})
	if len(fs) != len(want) {
		t.Fatalf("want %d findings, got:\n%s", len(want), fs)
	}
	for _, f := range fs {
		if reason := want[f.Sheet+"!"+f.Cell]; f.Kind != Scale || f.Units[0] != "义乌市" || reason == "" ||
			f.Reason[:len(reason)] != reason {
			t.Errorf("unexpected %s", f)
		}
	}
}

// value returns a unit's figure of the named indicator, for changing it.
func value(t *testing.T, p *data.Period, indicator, unit string) *data.Value {
	t.Helper()
	for _, ind := range p.Indicators {
		for k, u := range p.Units {
			if ind.Name == indicator && u == unit && ind.Values[k].OK {
				return &ind.Values[k]
			}
		}
	}
	t.Fatalf("%s has no %s", unit, indicator)
	return nil
}

// TestSynthQuiet: a year of synthetic city workbooks (10 units × 60
// indicators) questions nothing.
func TestSynthQuiet(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 12 workbooks")
	}
	paths, err := synth.Generate(t.TempDir(), synth.City, 1)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Load(data.Options{}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Periods) != 12 || len(ds.Latest().Indicators) != 60 {
		t.Fatalf("%d periods", len(ds.Periods))
	}
	if fs := Dataset(ds, Options{}); len(fs) > 0 {
		t.Errorf("synthetic data should raise nothing:\n%s", fs)
	}
}
