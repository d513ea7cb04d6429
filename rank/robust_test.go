package rank

import (
	"encoding/json"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"shaipin/data"
)

// contest is 7 units on two equally weighted indicators where C and D are
// mirror images around the 3rd/4th place: C is 3rd on the board by a hair,
// and which of them is 3rd depends on the weights.
func contest() *data.Period {
	units := []string{"A", "B", "C", "D", "E", "F", "G"}
	return period([]*data.Indicator{ind("x"), ind("y")},
		rowsFor(units, "100 90 62 40 30 20 10", "100 90 40 61 30 20 10"), units...)
}

func robustOf(t *testing.T, rb *Robustness, unit string) Stability {
	t.Helper()
	for _, u := range rb.Units {
		if u.Unit == unit {
			return u.Stability
		}
	}
	t.Fatalf("no %s in %+v", unit, rb.Units)
	return Stability{}
}

func TestRobustBorderline(t *testing.T) {
	rb, err := Robust(contest(), DefaultOptions(), RobustOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rb.Draws != DefaultDraws || len(rb.Units) != 7 {
		t.Fatalf("%+v", rb)
	}
	a, c, d, g := robustOf(t, rb, "A"), robustOf(t, rb, "C"), robustOf(t, rb, "D"), robustOf(t, rb, "G")
	if a != (Stability{Median: 1, P5: 1, P95: 1, TopShare: 1}) {
		t.Errorf("A is first whatever the weights: %+v", a)
	}
	if g != (Stability{Median: 7, P5: 7, P95: 7, BottomShare: 1}) {
		t.Errorf("G is last whatever the weights: %+v", g)
	}
	if !c.Borderline || c.TopShare >= BorderlineShare || c.TopShare < 0.2 || c.P5 != 3 || c.P95 != 4 {
		t.Errorf("C holds 3rd only in some draws: %+v", c)
	}
	if d.Borderline || d.TopShare < 0.2 {
		t.Errorf("D (4th, no flag) takes 3rd in some draws: %+v", d)
	}
	for _, want := range []string{"1000 次抽样", "第3、第4名(C、D)差距在权重与方法变化范围内不稳定,居前3的比例分别为", "后3稳定"} {
		if !strings.Contains(rb.Reading, want) {
			t.Errorf("reading %q lacks %q", rb.Reading, want)
		}
	}
}

// TestRobustDeterministic: the same seed gives the same figures on any
// number of cores; another seed other figures.
func TestRobustDeterministic(t *testing.T) {
	p := contest()
	run := func(procs int, seed uint64) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		rb, err := Robust(p, DefaultOptions(), RobustOptions{Seed: seed, Draws: 400})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(rb.Units)
		return rb.Reading + string(b)
	}
	one, four := run(1, 7), run(4, 7)
	if one != four {
		t.Errorf("1 core and 4 cores differ:\n%s\n%s", one, four)
	}
	if other := run(4, 8); other == one {
		t.Error("another seed gave the same figures")
	}
}

// TestEfficacyOrdersAsMinMax backs leaving 功效系数法 out of the draws: its
// board is minmax's under Skip and Last, whatever the weights.
func TestEfficacyOrdersAsMinMax(t *testing.T) {
	p := synthetic(30, 12)
	for _, pol := range []MissingPolicy{Skip, Last} {
		for _, w := range []WeightMethod{GivenWeights, EntropyWeights} {
			ranks := map[ScoreMethod][]int{}
			for _, m := range []ScoreMethod{MinMax, Efficacy} {
				o := DefaultOptions()
				o.Score, o.Missing, o.Weights = m, pol, w
				res, err := ComputePeriod(p, o)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range res.Overall {
					ranks[m] = append(ranks[m], *r.Rank)
				}
			}
			if !reflect.DeepEqual(ranks[MinMax], ranks[Efficacy]) {
				t.Errorf("%s/%s: minmax %v, efficacy %v", pol, w, ranks[MinMax], ranks[Efficacy])
			}
		}
	}
}

func TestRobustOnResult(t *testing.T) {
	p := contest()
	res, err := ComputePeriod(p, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	rb, err := Robust(p, DefaultOptions(), RobustOptions{Seed: 3, Draws: 100})
	if err != nil {
		t.Fatal(err)
	}
	res.AddRobust(rb)
	b, _ := json.Marshal(res)
	var out struct {
		Overall []struct {
			Robust map[string]any `json:"robust"`
		} `json:"overall"`
		Robustness map[string]any `json:"robustness"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range out.Overall[0].Robust {
		keys = append(keys, k)
	}
	if strings.Join(slices.Sorted(slices.Values(keys)), " ") != "borderline bottom_share median p5 p95 top_share" {
		t.Errorf("robust keys %v", keys)
	}
	if out.Robustness["draws"] != 100.0 || out.Robustness["reading"] == "" {
		t.Errorf("robustness %v", out.Robustness)
	}
}

func TestRobustErrors(t *testing.T) {
	p := contest()
	tally := DefaultOptions()
	tally.Board = TallyBoard
	for _, c := range []struct {
		o  Options
		ro RobustOptions
	}{
		{tally, RobustOptions{}},
		{DefaultOptions(), RobustOptions{Draws: -1}},
		{DefaultOptions(), RobustOptions{Methods: []ScoreMethod{Target}}},
		{DefaultOptions(), RobustOptions{Methods: []ScoreMethod{"mean"}}},
		{DefaultOptions(), RobustOptions{Policies: []MissingPolicy{"impute"}}},
	} {
		if _, err := Robust(p, c.o, c.ro); err == nil {
			t.Errorf("%+v %+v: want an error", c.o, c.ro)
		}
	}
}

// TestBorderlineFlags: a flag given for this period's place on the board
// is marked 边缘 when the draws do not hold that place; a flag over
// several periods is not.
func TestBorderlineFlags(t *testing.T) {
	var rules []data.FlagRule
	for _, c := range []string{"总榜前1", "连续2期总榜前1"} {
		r, err := data.NewFlagRule(c, "红旗")
		if err != nil {
			t.Fatal(err)
		}
		rules = append(rules, r)
	}
	res := &Result{
		Rules:   Options{FlagRules: rules},
		Overall: []Overall{{Unit: "甲", Rank: new(1), Tier: Top}},
		Flags:   []Flag{{Unit: "甲", Flag: "红旗", Rule: "总榜前1"}, {Unit: "甲", Flag: "红旗", Rule: "连续2期总榜前1"}},
	}
	res.AddRobust(&Robustness{Units: []UnitStability{{Unit: "甲", Stability: Stability{Borderline: true}}}})
	if !res.Flags[0].Borderline || res.Flags[1].Borderline {
		t.Errorf("flags %+v", res.Flags)
	}
}
