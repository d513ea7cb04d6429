package rank

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"shaipin/data"
)

// example is the worked example of docs/methods.md: 4 units × 3
// indicators, one lower-is-better (城乡收入比), one tie (乙 and 丙 on 完成率),
// one missing value (乙 on 签约项目数).
func example() *data.Period {
	target := func(f float64) *float64 { return &f }
	a, b, c := ind("完成率"), ind("城乡收入比"), ind("签约项目数")
	a.Weight, a.Target = 2, target(50)
	b.Direction, b.Target = data.Lower, target(2.0)
	c.Target = target(10)
	units := []string{"甲", "乙", "丙", "丁"}
	return period([]*data.Indicator{a, b, c}, rowsFor(units, "60 45 45 30", "1.6 2.0 1.2 2.2", "8 - 4 12"), units...)
}

// scoresOf returns "unit:score" in unit order.
func scoresOf(res *Result) string {
	by := map[string]string{}
	for _, r := range res.Overall {
		by[r.Unit] = "-"
		if r.Score != nil {
			by[r.Unit] = data.Fixed(*r.Score, 2)
		}
	}
	var out []string
	for _, u := range res.Units {
		out = append(out, u+":"+by[u])
	}
	return strings.Join(out, " ")
}

// TestWorkedExample reproduces the hand-computed tables of docs/methods.md.
func TestWorkedExample(t *testing.T) {
	tests := []struct {
		score   ScoreMethod
		weights WeightMethod
		missing MissingPolicy
		want    string
	}{
		{MinMax, GivenWeights, Skip, "甲:77.50 乙:40.00 丙:50.00 丁:25.00"},
		{MinMax, GivenWeights, Last, "甲:77.50 乙:30.00 丙:50.00 丁:25.00"},
		{MinMax, GivenWeights, Zero, "甲:77.50 乙:30.00 丙:50.00 丁:25.00"},
		{Efficacy, GivenWeights, Skip, "甲:91.00 乙:76.00 丙:80.00 丁:70.00"},
		{Efficacy, GivenWeights, Last, "甲:91.00 乙:72.00 丙:80.00 丁:70.00"},
		{Efficacy, GivenWeights, Zero, "甲:91.00 乙:57.00 丙:80.00 丁:70.00"},
		{RankPoints, GivenWeights, Skip, "甲:79.17 乙:55.56 丙:58.33 丁:25.00"},
		{RankPoints, GivenWeights, Last, "甲:79.17 乙:41.67 丙:58.33 丁:25.00"},
		{ZScore, GivenWeights, Skip, "甲:58.05 乙:47.83 丙:50.52 丁:43.06"},
		{ZScore, GivenWeights, Last, "甲:58.05 乙:45.31 丙:50.52 丁:43.06"},
		{ZScore, GivenWeights, Zero, "甲:58.05 乙:35.87 丙:50.52 丁:43.06"},
		{Target, GivenWeights, Skip, "甲:110.00 乙:93.33 丙:85.00 丁:82.73"},
		{Target, GivenWeights, Last, "甲:110.00 乙:80.00 丙:85.00 丁:82.73"},
		{Target, GivenWeights, Zero, "甲:110.00 乙:70.00 丙:85.00 丁:82.73"},
		{TOPSIS, GivenWeights, Skip, "甲:71.35 乙:45.53 丙:40.63 丁:43.08"},
		{TOPSIS, GivenWeights, Last, "甲:71.35 乙:33.15 丙:40.63 丁:43.08"},
		{TOPSIS, GivenWeights, Zero, "甲:71.35 乙:33.15 丙:40.63 丁:43.08"},
		{MinMax, EqualWeights, Skip, "甲:70.00 乙:35.00 丙:50.00 丁:33.33"},
		{MinMax, EntropyWeights, Skip, "甲:65.82 乙:33.06 丙:45.15 丁:42.28"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.score, "/", tt.weights, "/", tt.missing), func(t *testing.T) {
			o := DefaultOptions()
			o.Score, o.Weights, o.Missing = tt.score, tt.weights, tt.missing
			res, err := ComputePeriod(example(), o)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, res)
			if got := scoresOf(res); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestExampleWeights: the weights used, as the docs list them (熵权法:
// e = 0.75, 0.6758, 0.5794).
func TestExampleWeights(t *testing.T) {
	for _, tt := range []struct {
		weights WeightMethod
		want    string
	}{
		{GivenWeights, "0.5000 0.2500 0.2500"},
		{EqualWeights, "0.3333 0.3333 0.3333"},
		{EntropyWeights, "0.2513 0.3259 0.4228"},
	} {
		o := DefaultOptions()
		o.Weights = tt.weights
		res, err := ComputePeriod(example(), o)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ind := range res.Indicators {
			got = append(got, data.Fixed(ind.WeightUsed, 4))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: weights %s, want %s", tt.weights, g, tt.want)
		}
	}
}

// TestMethodsEdgeCases: every method, policy and weighting on awkward
// columns — one unit, equal values, negatives and zeros, a lower-is-better
// column with a 0 — gives finite scores in its range, equal scores to
// units with equal values, and no error.
func TestMethodsEdgeCases(t *testing.T) {
	cases := []struct {
		name  string
		units []string
		cols  []string
		lower []bool
	}{
		{"one unit", []string{"A"}, []string{"5", "7"}, []bool{false, true}},
		{"equal values", []string{"A", "B", "C"}, []string{"3 3 3", "0.1 0.1 0.1"}, []bool{false, true}},
		{"negatives and zeros", []string{"A", "B", "C", "D"}, []string{"-1.5 0 2 -", "0 0 3 1"}, []bool{false, true}},
		{"twins", []string{"A", "B", "C", "D"}, []string{"9 9 1 5", "2 2 7 -", "4 4 4 4"}, []bool{false, true, false}},
		{"mostly missing", []string{"A", "B", "C"}, []string{"1 - -", "- 2 -", "- - 3"}, []bool{false, false, true}},
	}
	for _, c := range cases {
		for _, m := range ScoreMethods {
			for _, w := range []WeightMethod{GivenWeights, EqualWeights, EntropyWeights} {
				for _, pol := range []MissingPolicy{Skip, Last, Zero} {
					t.Run(fmt.Sprint(c.name, "/", m, "/", w, "/", pol), func(t *testing.T) {
						var inds []*data.Indicator
						for i := range c.cols {
							in := ind(fmt.Sprint("i", i))
							if c.lower[i] {
								in.Direction = data.Lower
							}
							inds = append(inds, in)
						}
						o := DefaultOptions()
						o.Score, o.Weights, o.Missing, o.MinCoverage = m, w, pol, ptr(0.0)
						res, err := ComputePeriod(period(inds, rowsFor(c.units, c.cols...), c.units...), o)
						if err != nil {
							t.Fatal(err)
						}
						checkInvariants(t, res)
						checkScores(t, res, m)
					})
				}
			}
		}
	}
}

// checkScores: finite, in the method's range, and equal for units whose
// values are equal on every indicator.
func checkScores(t *testing.T, res *Result, m ScoreMethod) {
	t.Helper()
	hi := 100.0
	if m == Target {
		hi = TargetCap * 100
	}
	values := map[string]string{}
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			v := "-"
			if e.Value != nil {
				v = fmt.Sprint(*e.Value)
			}
			values[e.Unit] += v + " "
		}
	}
	score := map[string]float64{}
	for _, r := range res.Overall {
		if r.Score == nil {
			continue
		}
		s := *r.Score
		if math.IsNaN(s) || math.IsInf(s, 0) || s < 0 || s > hi {
			t.Errorf("%s: score %v out of [0, %v]", r.Unit, s, hi)
		}
		for u, o := range score {
			if values[u] == values[r.Unit] && o != s {
				t.Errorf("%s and %s have the same values but scores %v and %v", u, r.Unit, o, s)
			}
		}
		score[r.Unit] = s
	}
	for _, ind := range res.Indicators {
		if math.IsNaN(ind.WeightUsed) || ind.WeightUsed < 0 || ind.WeightUsed > 1 {
			t.Errorf("%s: weight %v", ind.Name, ind.WeightUsed)
		}
	}
}

// TestTargetSources: 目标值 first; a 时序进度 indicator without one is
// compared with the 时序进度 as shown; otherwise the best value; a target
// not above 0 leaves the indicator out.
func TestTargetSources(t *testing.T) {
	units := []string{"A", "B"}
	given, sched, best, lowBest, bad := ind("given"), ind("sched"), ind("best"), ind("lowbest"), ind("bad")
	given.Target = ptr(80.0)
	sched.Schedule = true
	lowBest.Direction = data.Lower
	bad.Target = ptr(0.0)
	p := period([]*data.Indicator{given, sched, best, lowBest, bad},
		rowsFor(units, "40 100", "60 20", "5 4", "2 4", "1 2"), units...)
	p.Month = ym("2022-05")
	o := DefaultOptions()
	o.Score = Target
	res, err := ComputePeriod(p, o)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"80/目标值/0.25", "41.67/时序进度/0.25", "5/最优值/0.25", "2/最优值/0.25", "0/" + noTarget + "/0"}
	for i, ind := range res.Indicators {
		got := fmt.Sprintf("%v/%s/%v", *ind.Target, ind.TargetSource, ind.WeightUsed)
		if got != want[i] {
			t.Errorf("%s: %s, want %s", ind.Name, got, want[i])
		}
	}
	// A: (50 + 120 (60 ÷ 41.67, capped) + 100 + 100) ÷ 4 = 92.5;
	// B: (120 + 47.996 (20 ÷ 41.67) + 80 + 50) ÷ 4 = 74.499
	if got := scoresOf(res); got != "A:92.50 B:74.50" {
		t.Errorf("scores %s", got)
	}
	only := period([]*data.Indicator{bad}, rowsFor(units, "1 2"), units...)
	if _, err := ComputePeriod(only, o); err == nil || !strings.Contains(err.Error(), "目标值法没有可计分的指标") {
		t.Errorf("no usable target: %v", err)
	}
}
