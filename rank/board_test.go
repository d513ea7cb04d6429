package rank

import (
	"encoding/json"
	"strings"
	"testing"

	"shaipin/data"
)

// TestCoverage: a unit whose reported weight is below the minimum share is
// listed after the ranked units, unranked, with the reason.
func TestCoverage(t *testing.T) {
	units := []string{"A", "B", "C", "D"}
	cols := []string{"1 2 3 -", "1 2 - -", "1 2 - -", "1 - - 4"}
	tests := []struct {
		name     string
		coverage *float64
		weights  []float64
		want     string // unit:rank in board order
		why      string // of the last row
	}{
		{name: "default half: 2 of 4 is enough", want: "B:1 A:2 C:- D:-", why: "D 计分指标不足(1/4,低于最低覆盖率 50%),不参与总榜排名"},
		// minmax: A 0, B (50 + 100 + 100) ÷ 3, C 100 and D 100 on one indicator each
		{name: "no minimum", coverage: ptr(0.0), want: "C:1 D:1 B:3 A:4"},
		// B reported 3 of 4 indicators but only 3/8 of the weight; D 1 of 4 but 5/8
		{name: "by weight, not by count", weights: []float64{1, 1, 1, 5}, want: "D:1 A:2 B:- C:-",
			why: "C 计分指标不足(1/4,按权重计 12.5%,低于最低覆盖率 50%),不参与总榜排名"},
		{name: "everything", coverage: ptr(1.0), want: "A:1 B:- C:- D:-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inds []*data.Indicator
			for i := range cols {
				in := ind(string(rune('w' + i)))
				if tt.weights != nil {
					in.Weight = tt.weights[i]
				}
				inds = append(inds, in)
			}
			o := DefaultOptions()
			o.MinCoverage = tt.coverage
			res, err := ComputePeriod(period(inds, rowsFor(units, cols...), units...), o)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, res)
			var got []string
			for _, r := range res.Overall {
				rank := "-"
				if r.Rank != nil {
					rank = itoa(*r.Rank)
				}
				got = append(got, r.Unit+":"+rank)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("board %v, want %s", got, tt.want)
			}
			if last := res.Overall[len(res.Overall)-1]; tt.why != "" && last.Unit+" "+last.Why != tt.why {
				t.Errorf("why %q, want %q", last.Unit+" "+last.Why, tt.why)
			}
		})
	}
}

// TestReverseRank: 9 units, 3 tied 1st, 4 tied 4th, 2 tied 8th. The tied-4th
// group reaches into the last 3 positions, so it is wholly 后3: 倒数并列第3.
func TestReverseRank(t *testing.T) {
	units := []string{"A", "B", "C", "D", "E", "F", "G", "H", "I"}
	p := period([]*data.Indicator{ind("x")}, rowsFor(units, "9 9 9 5 5 5 5 1 1"), units...)
	res, err := ComputePeriod(p, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Indicators[0].Entries {
		b, _ := json.Marshal(map[string]any{"rank": intp(e.Rank), "tier": e.Tier, "reverse": intp(e.ReverseRank)})
		want := map[string]string{
			"A": `{"rank":1,"reverse":null,"tier":"top"}`,
			"D": `{"rank":4,"reverse":3,"tier":"bottom"}`,
			"H": `{"rank":8,"reverse":null,"tier":"bottom"}`,
		}[e.Unit]
		if want == "" {
			continue
		}
		if string(b) != want {
			t.Errorf("%s: %s, want %s", e.Unit, b, want)
		}
	}
	d := entryOf(t, res, "x", "D")
	if !strings.HasPrefix(d.Why, "9 个单位中并列第4(倒数并列第3)(与E、F、G并列") || !strings.HasSuffix(d.Why, "整组居后3") {
		t.Errorf("why %q", d.Why)
	}
	// the overall board of the same single indicator says the same
	for _, r := range res.Overall {
		if r.Unit == "D" && (r.ReverseRank == nil || *r.ReverseRank != 3 || !strings.Contains(r.Why, "并列第4(倒数并列第3)")) {
			t.Errorf("overall D: %+v", r)
		}
	}
	// dense ranks count tie groups: 并列第2 of 3 groups is plainly among the last 3
	o := DefaultOptions()
	o.Ties = Dense
	res, _ = ComputePeriod(p, o)
	if e := entryOf(t, res, "x", "D"); e.ReverseRank != nil {
		t.Errorf("dense: %+v", e)
	}
}

// TestTallyBoard: ordered by 前3 − 后3, then 前3; equal on both ties.
func TestTallyBoard(t *testing.T) {
	units := []string{"A", "B", "C", "D", "E", "F", "G"}
	// 7 units: ranks 1–3 top, 5–7 bottom, 4 middle.
	cols := []string{
		"7 6 5 4 3 2 1",
		"7 6 5 4 3 2 1",
		"1 2 3 4 5 6 7",
		"4 7 6 5 3 2 1",
	}
	var inds []*data.Indicator
	for i := range cols {
		inds = append(inds, ind(string(rune('w'+i))))
	}
	o := DefaultOptions()
	o.Board = TallyBoard
	res, err := ComputePeriod(period(inds, rowsFor(units, cols...), units...), o)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res)
	// top/bottom: A 2/1 B 3/1 C 3/1 D 1/0 E 1/3 F 1/3 G 1/3 → net A+1 B+2 C+2 D+1
	// E−2 F−2 G−2; A before D on 前3 (2 against 1)
	var got []string
	for _, r := range res.Overall {
		got = append(got, r.Unit+":"+itoa(*r.Rank)+"/"+data.Fixed(*r.Score, 0))
	}
	if g := strings.Join(got, " "); g != "B:1/2 C:1/2 A:3/1 D:4/1 E:5/-2 F:5/-2 G:5/-2" {
		t.Errorf("board %s", g)
	}
	if w := res.Overall[0].Why; !strings.HasPrefix(w, "前3位 3 项、后3位 1 项(相抵 +2 项),7 个单位中第 1 名(与C并列)") {
		t.Errorf("why %q", w)
	}
}

// TestResolve: an option given wins over 参数, which wins over the default;
// earlier periods are ranked by the current period's rules.
func TestResolve(t *testing.T) {
	p := &data.Period{Settings: data.Settings{MinCoverage: ptr(0.3), Missing: "last", Score: "zscore"}}
	o := DefaultOptions()
	o.Score = RankPoints
	r := o.Resolve(p)
	if r.Score != RankPoints || r.Missing != Last || *r.MinCoverage != 0.3 || r.Weights != GivenWeights || r.Board != ScoreBoard {
		t.Errorf("resolved %+v", r)
	}
	if r := DefaultOptions().Resolve(nil); r.Score != MinMax || r.Missing != Skip || *r.MinCoverage != DefaultMinCoverage {
		t.Errorf("defaults %+v", r)
	}
	units := []string{"A", "B"}
	mk := func(m string, s data.Settings) *data.Period {
		q := period([]*data.Indicator{ind("x")}, rowsFor(units, "1 2"), units...)
		q.Month, q.Settings = ym(m), s
		return q
	}
	ds := &data.Dataset{Periods: []*data.Period{mk("2022-03", data.Settings{Score: "rank"}), mk("2022-04", data.Settings{Score: "zscore"})}}
	res, err := Compute(ds, DefaultOptions())
	if err != nil || res.Rules.Score != ZScore {
		t.Fatalf("%v %+v", err, res.Rules)
	}
	if s := *res.Overall[0].Score; s != 60 { // 50 + 10 × 1
		t.Errorf("score %v", s)
	}
}

func TestBadOptionsNew(t *testing.T) {
	units := []string{"A"}
	p := period([]*data.Indicator{ind("x")}, rowsFor(units, "1"), units...)
	for _, o := range []Options{
		{Ties: Dense, Score: "mean"}, {Ties: Dense, Weights: "ahp"}, {Ties: Dense, Missing: "impute"},
		{Ties: Dense, Board: "flags"}, {Ties: Dense, MinCoverage: ptr(1.5)}, {Ties: Dense, MinCoverage: ptr(-0.1)},
	} {
		if _, err := ComputePeriod(p, o); err == nil {
			t.Errorf("%+v: want error", o)
		}
	}
}

// TestLabels: each rule is stated, and differently for each choice.
func TestLabels(t *testing.T) {
	seen := map[string]bool{}
	add := func(s string) {
		if s == "" || seen[s] {
			t.Errorf("label %q empty or repeated", s)
		}
		seen[s] = true
	}
	o := DefaultOptions()
	for _, m := range ScoreMethods {
		o.Score = m
		add(o.ScoreLabel())
	}
	for _, w := range []WeightMethod{GivenWeights, EqualWeights, EntropyWeights} {
		o.Weights = w
		add(o.WeightsLabel())
	}
	for _, m := range []MissingPolicy{Skip, Last, Zero} {
		o.Missing = m
		add(o.MissingLabel())
	}
	for _, b := range []BoardKind{ScoreBoard, TallyBoard} {
		o.Board = b
		add(o.BoardLabel())
	}
	for _, c := range []float64{0, 0.5} {
		o.MinCoverage = ptr(c)
		add(o.CoverageLabel())
	}
	if got := DefaultOptions().CoverageLabel(); !strings.Contains(got, "50%") {
		t.Errorf("default coverage label %q", got)
	}
}

// TestOverallWhyPolicies: the reason names what a missing value counted as.
func TestOverallWhyPolicies(t *testing.T) {
	for _, tt := range []struct {
		score   ScoreMethod
		missing MissingPolicy
		want    string
	}{
		{MinMax, Skip, "综合得分 40.00(按 2 项指标),4 个单位中第 3 名,居前3"},
		{MinMax, Last, "综合得分 30.00(按 2 项指标,另 1 项未报送按该项最低分计),4 个单位中第 3 名,居前3"},
		{Efficacy, Zero, "综合得分 57.00(按 2 项指标,另 1 项未报送按 0 分计),4 个单位中第 4 名,居后3"},
		{TOPSIS, Zero, "综合得分 33.15(按 2 项指标,另 1 项未报送按该项最差值计),4 个单位中第 4 名,居后3"},
	} {
		o := DefaultOptions()
		o.Score, o.Missing = tt.score, tt.missing
		res, err := ComputePeriod(example(), o)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Overall {
			if r.Unit == "乙" && r.Why != tt.want {
				t.Errorf("%s/%s: %q, want %q", tt.score, tt.missing, r.Why, tt.want)
			}
		}
	}
}
