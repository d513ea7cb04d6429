package rank

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"shaipin/data"
)

// period builds a period from rows "unit: v1 v2 …" with "-" as missing.
// ym is a month written as people write it, for tests.
func ym(s string) data.Month {
	m, err := data.ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

func period(inds []*data.Indicator, rows map[string][]string, units ...string) *data.Period {
	p := &data.Period{Month: ym("2022-04"), Title: "t", Units: units, Indicators: inds}
	for i, ind := range inds {
		ind.Values = make([]data.Value, len(units))
		for k, u := range units {
			s := rows[u][i]
			if s == "-" {
				continue
			}
			var f float64
			fmt.Sscan(s, &f)
			dec := 0
			if j := strings.IndexByte(s, '.'); j >= 0 {
				dec = len(s) - j - 1
			}
			ind.Values[k] = data.Value{OK: true, Number: f, Decimals: dec}
		}
	}
	return p
}

func ind(name string) *data.Indicator {
	return &data.Indicator{Name: name, Group: "g", Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true}
}

// ranksOf returns unit → "rank/tier" for one indicator.
func ranksOf(in Indicator) map[string]string {
	m := map[string]string{}
	for _, e := range in.Entries {
		r := "-"
		if e.Rank != nil {
			r = fmt.Sprint(*e.Rank)
		}
		m[e.Unit] = r + "/" + string(e.Tier)
	}
	return m
}

func TestIndicatorRanks(t *testing.T) {
	units := []string{"A", "B", "C", "D", "E", "F", "G", "H"}
	tests := []struct {
		name   string
		values string // one value per unit, "-" missing
		setup  func(*data.Indicator)
		opts   func(*Options)
		want   string // "rank/tier" per unit
	}{
		{name: "plain 8 units", values: "8 7 6 5 4 3 2 1",
			want: "1/top 2/top 3/top 4/middle 5/middle 6/bottom 7/bottom 8/bottom"},
		{name: "competition ties skip", values: "9 8 8 7 6 5 4 3",
			want: "1/top 2/top 2/top 4/middle 5/middle 6/bottom 7/bottom 8/bottom"},
		{name: "dense ties follow on", values: "9 8 8 7 6 5 4 3", opts: func(o *Options) { o.Ties = Dense },
			want: "1/top 2/top 2/top 3/top 4/middle 5/bottom 6/bottom 7/bottom"},
		{name: "tie across top boundary all top", values: "9 8 7 7 6 5 4 3",
			want: "1/top 2/top 3/top 3/top 5/middle 6/bottom 7/bottom 8/bottom"},
		{name: "tie across bottom boundary all bottom", values: "9 8 7 6 5 4 4 3",
			want: "1/top 2/top 3/top 4/middle 5/middle 6/bottom 6/bottom 8/bottom"},
		{name: "tie at fourth from bottom stays middle", values: "9 8 7 6 5 5 4 3",
			want: "1/top 2/top 3/top 4/middle 5/bottom 5/bottom 7/bottom 8/bottom"},
		{name: "lower is better", values: "1 2 3 4 5 6 7 8", setup: func(i *data.Indicator) { i.Direction = data.Lower },
			want: "1/top 2/top 3/top 4/middle 5/middle 6/bottom 7/bottom 8/bottom"},
		{name: "missing not ranked, tiers among ranked", values: "5 - 4 3 - 2 1 -",
			want: "1/top -/none 2/top 3/top -/none 4/bottom 5/bottom -/none"},
		{name: "all missing", values: "- - - - - - - -",
			want: "-/none -/none -/none -/none -/none -/none -/none -/none"},
		{name: "fewer than 6 units: top wins overlap", values: "4 3 2 1 - - - -",
			want: "1/top 2/top 3/top 4/bottom -/none -/none -/none -/none"},
		{name: "precision ties: most decimals reported", values: "90.80 90.8 90.81 5 4 3 2 1",
			want: "2/top 2/top 1/top 4/middle 5/middle 6/bottom 7/bottom 8/bottom"},
		{name: "小数位 rounds half up before comparing", values: "90.805 90.81 90.80 5 4 3 2 1",
			setup: func(i *data.Indicator) { i.Decimals = 2 },
			want:  "1/top 1/top 3/top 4/middle 5/middle 6/bottom 7/bottom 8/bottom"},
		{name: "小数位 1 ties", values: "90.84 90.76 90.75 5 4 3 2 1",
			setup: func(i *data.Indicator) { i.Decimals = 1 },
			want:  "1/top 1/top 1/top 4/middle 5/middle 6/bottom 7/bottom 8/bottom"},
		{name: "negative values", values: "-1.5 -0.5 0 2 - - - -",
			want: "4/bottom 3/top 2/top 1/top -/none -/none -/none -/none"},
		{name: "all equal all top", values: "5 5 5 5 5 5 5 5",
			want: "1/top 1/top 1/top 1/top 1/top 1/top 1/top 1/top"},
		{name: "top 5 bottom 1", values: "8 7 6 5 4 3 2 1", opts: func(o *Options) { o.Top, o.Bottom = 5, 1 },
			want: "1/top 2/top 3/top 4/top 5/top 6/middle 7/middle 8/bottom"},
		{name: "zero tier sizes", values: "8 7 6 5 4 3 2 1", opts: func(o *Options) { o.Top, o.Bottom = 0, 0 },
			want: "1/middle 2/middle 3/middle 4/middle 5/middle 6/middle 7/middle 8/middle"},
		{name: "not ranked", values: "8 7 6 5 4 3 2 1", setup: func(i *data.Indicator) { i.Ranked = false },
			want: "-/none -/none -/none -/none -/none -/none -/none -/none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ind("x")
			if tt.setup != nil {
				tt.setup(in)
			}
			// a second, plain indicator keeps the weights valid for "not ranked"
			p := period([]*data.Indicator{in, ind("y")}, rowsFor(units, tt.values, "1 1 1 1 1 1 1 1"), units...)
			o := DefaultOptions()
			if tt.opts != nil {
				tt.opts(&o)
			}
			res, err := ComputePeriod(p, o)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, res)
			got := ranksOf(res.Indicators[0])
			want := strings.Fields(tt.want)
			for k, u := range units {
				if got[u] != want[k] {
					t.Errorf("%s: got %s, want %s", u, got[u], want[k])
				}
			}
		})
	}
}

func rowsFor(units []string, cols ...string) map[string][]string {
	rows := map[string][]string{}
	for _, c := range cols {
		for k, v := range strings.Fields(c) {
			rows[units[k]] = append(rows[units[k]], v)
		}
	}
	return rows
}

// checkInvariants holds for every result: every unit once per indicator,
// entries in rank order with missing last, tally sums, ranks consistent
// with values.
func checkInvariants(t *testing.T, res *Result) {
	t.Helper()
	for _, in := range res.Indicators {
		if len(in.Entries) != len(res.Units) {
			t.Fatalf("%s: %d entries for %d units", in.Name, len(in.Entries), len(res.Units))
		}
		seen := map[string]bool{}
		last, missingSeen := 0, false
		for _, e := range in.Entries {
			if seen[e.Unit] {
				t.Fatalf("%s: %s twice", in.Name, e.Unit)
			}
			seen[e.Unit] = true
			if e.Value == nil {
				missingSeen = true
				if e.Rank != nil || e.Tier != None {
					t.Errorf("%s: missing %s ranked", in.Name, e.Unit)
				}
				continue
			}
			if missingSeen {
				t.Errorf("%s: %s after a missing unit", in.Name, e.Unit)
			}
			if e.Rank != nil {
				if *e.Rank < last {
					t.Errorf("%s: ranks out of order", in.Name)
				}
				last = *e.Rank
			}
		}
	}
	for i, tl := range res.Tally {
		if tl.Unit != res.Overall[i].Unit {
			t.Errorf("tally order differs from overall at %d", i)
		}
		n := 0
		for _, in := range res.Indicators {
			if in.Ranked {
				n++
			}
		}
		if tl.Top+tl.Middle+tl.Bottom+tl.Missing != n {
			t.Errorf("%s: tally %+v does not sum to %d", tl.Unit, tl, n)
		}
	}
}

func TestOverall(t *testing.T) {
	units := []string{"A", "B", "C", "D"}
	tests := []struct {
		name     string
		cols     []string
		weights  []float64
		dirs     []data.Direction
		score    ScoreMethod
		coverage *float64
		want     []string // unit:score in board order; "unit:-" no score
	}{
		{name: "minmax equal weights", cols: []string{"10 5 0 -", "1 1 1 1"},
			want: []string{"A:100.00", "D:100.00", "B:75.00", "C:50.00"}},
		{name: "minmax lower is better", cols: []string{"10 5 0 -"}, dirs: []data.Direction{data.Lower},
			want: []string{"C:100.00", "B:50.00", "A:0.00", "D:-"}},
		{name: "weights renormalised over reported", cols: []string{"10 0 5 -", "0 10 5 10"}, weights: []float64{3, 1},
			coverage: ptr(0.25), want: []string{"D:100.00", "A:75.00", "C:50.00", "B:25.00"}},
		{name: "coverage below the minimum not ranked", cols: []string{"10 0 5 -", "0 10 5 10"}, weights: []float64{3, 1},
			want: []string{"A:75.00", "C:50.00", "B:25.00", "D:-"}},
		{name: "rank points", cols: []string{"10 5 0 -", "4 3 2 1"}, score: RankPoints,
			want: []string{"A:100.00", "B:58.33", "C:16.67", "D:0.00"}},
		{name: "single value scores 100", cols: []string{"- 7 - -"},
			want: []string{"B:100.00", "A:-", "C:-", "D:-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inds []*data.Indicator
			for i := range tt.cols {
				in := ind(fmt.Sprint("i", i))
				if tt.weights != nil {
					in.Weight = tt.weights[i]
				}
				if tt.dirs != nil {
					in.Direction = tt.dirs[i]
				}
				inds = append(inds, in)
			}
			o := DefaultOptions()
			if tt.score != "" {
				o.Score = tt.score
			}
			o.MinCoverage = tt.coverage
			res, err := ComputePeriod(period(inds, rowsFor(units, tt.cols...), units...), o)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, res)
			var got []string
			for _, r := range res.Overall {
				s := "-"
				if r.Score != nil {
					s = fmt.Sprintf("%.2f", *r.Score)
				}
				got = append(got, r.Unit+":"+s)
			}
			// Among equal scores the board follows unit order.
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOverallTiesAndNoScore(t *testing.T) {
	units := []string{"A", "B", "C", "D", "E", "F", "G"}
	p := period([]*data.Indicator{ind("x")}, rowsFor(units, "6 6 5 4 3 2 -"), units...)
	res, err := ComputePeriod(p, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r := res.Overall
	if *r[0].Rank != 1 || *r[1].Rank != 1 || *r[2].Rank != 3 || r[0].Tier != Top || r[2].Tier != Top {
		t.Errorf("tie at the top: %+v", r[:3])
	}
	if !reflect.DeepEqual(r[0].Tie, []string{"A", "B"}) || &r[0].Tie[0] != &r[1].Tie[0] {
		t.Errorf("Tie = %v, want A and B sharing one list", r[0].Tie)
	}
	last := r[len(r)-1]
	if last.Unit != "G" || last.Score != nil || last.Rank != nil || last.Tier != None {
		t.Errorf("unit with no value: %+v", last)
	}
	if *r[5].Rank != 6 || r[5].Tier != Bottom || r[3].Tier != Bottom {
		t.Errorf("bottom tier among scored units: %+v", r)
	}
}

func TestZeroWeightsIsError(t *testing.T) {
	units := []string{"A", "B"}
	in := ind("x")
	in.Weight = 0
	_, err := ComputePeriod(period([]*data.Indicator{in}, rowsFor(units, "1 2"), units...), DefaultOptions())
	if err == nil {
		t.Fatal("want an error for weights summing to 0")
	}
}

func TestBadOptions(t *testing.T) {
	units := []string{"A"}
	p := period([]*data.Indicator{ind("x")}, rowsFor(units, "1"), units...)
	for _, o := range []Options{{Ties: "x", Score: MinMax}, {Ties: Dense, Score: "x"}, {Ties: Dense, Score: MinMax, Top: -1}} {
		if _, err := ComputePeriod(p, o); err == nil {
			t.Errorf("%+v: want error", o)
		}
	}
}

func TestComputeChoosesPeriod(t *testing.T) {
	units := []string{"A", "B"}
	mk := func(key, vals string) *data.Period {
		p := period([]*data.Indicator{ind("x")}, rowsFor(units, vals), units...)
		p.Month = ym(key)
		return p
	}
	ds := &data.Dataset{Periods: []*data.Period{mk("2022-03", "1 2"), mk("2022-04", "2 1")}}
	res, err := Compute(ds, DefaultOptions())
	if err != nil || res.Month.String() != "2022-04" || res.Indicators[0].Entries[0].Unit != "A" {
		t.Fatalf("latest: %v %+v", err, res)
	}
	o := DefaultOptions()
	o.Period = ym("2022年3月")
	if res, err = Compute(ds, o); err != nil || res.Month.String() != "2022-03" {
		t.Fatalf("--period: %v", err)
	}
	o.Period = ym("2021-01")
	if _, err = Compute(ds, o); err == nil || !strings.Contains(err.Error(), "2022-03") {
		t.Fatalf("unknown period should list the known ones: %v", err)
	}
	if _, err := Compute(&data.Dataset{}, DefaultOptions()); err == nil {
		t.Fatal("empty dataset")
	}
}
