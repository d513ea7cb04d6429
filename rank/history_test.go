package rank

import (
	"encoding/json"
	"reflect"
	"testing"

	"shaipin/data"
)

// month builds a period with indicators named in cols ("name=v1 v2 …").
func month(key string, units []string, cols map[string]string, order ...string) *data.Period {
	var inds []*data.Indicator
	var vals []string
	for _, name := range order {
		inds = append(inds, ind(name))
		vals = append(vals, cols[name])
	}
	p := period(inds, rowsFor(units, vals...), units...)
	p.Month = ym(key)
	return p
}

func entryOf(t *testing.T, r *Result, indName, unit string) Entry {
	t.Helper()
	for _, in := range r.Indicators {
		if in.Name != indName {
			continue
		}
		for _, e := range in.Entries {
			if e.Unit == unit {
				return e
			}
		}
	}
	t.Fatalf("no entry %s/%s", indName, unit)
	return Entry{}
}

func intp(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestHistoryChangesAndStreaks(t *testing.T) {
	u := []string{"A", "B", "C", "D", "E", "F", "G"}
	ds := &data.Dataset{Periods: []*data.Period{
		month("2022-01", u, map[string]string{"x": "7 6 5 4 3 2 1", "old": "1 2 3 4 5 6 7"}, "x", "old"),
		month("2022-02", u, map[string]string{"x": "7 6 5 4 3 2 1"}, "x"),
		month("2022-03", u[:6], map[string]string{"x": "1 6 7 5 4 3"}, "x"),
		month("2022-04", u, map[string]string{"x": "1 7 6 5 4 - 2", "new": "1 2 3 4 5 6 7"}, "x", "new"),
	}}
	res, err := Compute(ds, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res)
	if res.Previous.String() != "2022-03" || res.History == nil || len(res.History.Periods) != 4 {
		t.Fatalf("previous %q history %+v", res.Previous, res.History)
	}
	got := map[string]string{}
	for _, e := range res.Indicators[0].Entries {
		b, _ := json.Marshal(map[string]any{"rank": intp(e.Rank), "change": intp(e.Change), "streak": e.Streak, "tier": e.Tier})
		got[e.Unit] = string(b)
	}
	// Jan/Feb x: A1 B2 C3 top, D4 middle, E5 F6 G7 bottom.
	// March (6 units): C1 B2 D3 top, E4 F5 A6 bottom (E is third from the worst end).
	// April (F missing): B1 C2 D3 top, E4 G5 A6 bottom.
	expect := map[string]string{
		"A": `{"change":0,"rank":6,"streak":2,"tier":"bottom"}`,
		"B": `{"change":1,"rank":1,"streak":4,"tier":"top"}`,
		"C": `{"change":-1,"rank":2,"streak":4,"tier":"top"}`,
		"D": `{"change":0,"rank":3,"streak":2,"tier":"top"}`,
		"E": `{"change":0,"rank":4,"streak":4,"tier":"bottom"}`,
		"F": `{"change":null,"rank":null,"streak":0,"tier":"none"}`,
		"G": `{"change":null,"rank":5,"streak":1,"tier":"bottom"}`,
	}
	for u, w := range expect {
		if got[u] != w {
			t.Errorf("%s: got %s, want %s", u, got[u], w)
		}
	}
	if e := entryOf(t, res, "new", "A"); e.Change != nil || e.Streak != 1 {
		t.Errorf("new indicator: %+v", e)
	}
	// trends: x over four periods for G: 1, 1, absent, 5
	for _, ti := range res.History.Indicators {
		if ti.Name != "x" {
			continue
		}
		for _, tr := range ti.Units {
			if tr.Unit == "G" {
				b, _ := json.Marshal(tr.Ranks)
				if string(b) != "[7,7,null,5]" {
					t.Errorf("G trend %s", b)
				}
			}
		}
	}
	for _, ti := range res.History.Indicators {
		if ti.Name == "old" {
			t.Error("an indicator gone from the current period has no trend")
		}
	}
	// tally change: G was absent in March → null; A present both.
	for _, tl := range res.Tally {
		switch tl.Unit {
		case "G":
			if tl.Change != nil {
				t.Errorf("G tally change %+v", tl.Change)
			}
		case "B": // March: x top; April: x top, new bottom
			if tl.Change == nil || tl.Change.Top != 0 || tl.Change.Bottom != 1 || tl.Change.Missing != 0 {
				t.Errorf("B tally change %+v (now %+v)", tl.Change, tl)
			}
		}
	}
	for _, o := range res.Overall {
		if o.Unit == "G" && o.Change != nil {
			t.Errorf("G overall change %v", *o.Change)
		}
	}
	// the earlier period chosen with --period has only its own past
	o := DefaultOptions()
	o.Period = ym("2022-02")
	r2, err := Compute(ds, o)
	if err != nil || r2.Previous.String() != "2022-01" || len(r2.History.Periods) != 2 {
		t.Fatalf("--period 2022-02: %v %+v", err, r2)
	}
	// a single period has no history
	r1, _ := Compute(&data.Dataset{Periods: ds.Periods[:1]}, DefaultOptions())
	if r1.History != nil || !r1.Previous.IsZero() || entryOf(t, r1, "x", "A").Change != nil || entryOf(t, r1, "x", "A").Streak != 1 {
		t.Errorf("single period: %+v", r1.History)
	}
}

func TestSchedule(t *testing.T) {
	// The difference is the shown value minus the shown target, so it
	// checks by hand: 59.35 − 41.67 = 17.68.
	for _, c := range []struct {
		period   string
		target   float64
		value    string
		decimals int // 小数位, -1 none
		vs       float64
	}{
		{"2022-01", 8.33, "10", -1, 1.67},
		{"2022-04", 33.33, "52.7", -1, 19.37},
		{"2022-05", 41.67, "59.35", -1, 17.68},
		{"2022-05", 41.67, "59.343", -1, 17.67}, // 59.343 − 41.6667 would give 17.68
		{"2022-05", 41.67, "59.345", -1, 17.68}, // 17.675 rounds up, despite binary noise
		{"2022-05", 41.67, "59.35", 1, 17.73},   // shown as 59.4
		{"2022-06", 50, "40", -1, -10},
		{"2022-12", 100, "100", -1, 0},
	} {
		u := []string{"A"}
		in := ind("完成率")
		in.Schedule = true
		in.Decimals = c.decimals
		p := period([]*data.Indicator{in, ind("y")}, rowsFor(u, c.value, "1"), u...)
		p.Month = ym(c.period)
		res, err := ComputePeriod(p, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		got := res.Indicators[0]
		if got.ScheduleTarget == nil || *got.ScheduleTarget != c.target {
			t.Errorf("%s: target %v, want %v", c.period, got.ScheduleTarget, c.target)
		}
		if vs := got.Entries[0].VsSchedule; vs == nil || *vs != c.vs {
			t.Errorf("%s: vs_schedule %v, want %v", c.period, vs, c.vs)
		}
		if res.Indicators[1].ScheduleTarget != nil || res.Indicators[1].Entries[0].VsSchedule != nil {
			t.Errorf("%s: indicator without 时序进度 compared", c.period)
		}
	}
}

func TestProvenance(t *testing.T) {
	u := []string{"A", "B", "C"}
	ds := &data.Dataset{Periods: []*data.Period{
		month("2022-01", u, map[string]string{"x": "1 2 3"}, "x"),
		month("2022-02", u, map[string]string{"x": "1 2 3"}, "x"),
		month("2022-03", u, map[string]string{"x": "3 2 1"}, "x"),
	}}
	ds.Periods[0].Provenance = data.Simulated
	ds.Periods[2].Provenance = data.Published
	res, err := Compute(ds, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := map[data.Month]data.Provenance{ym("2022-01"): data.Simulated, ym("2022-03"): data.Published}
	if !reflect.DeepEqual(res.Provenance, want) || !res.Simulated() {
		t.Errorf("provenance %v", res.Provenance)
	}
	o := DefaultOptions()
	o.Period = ym("2022-02")
	if res, _ = Compute(ds, o); res.Simulated() != true || len(res.Provenance) != 1 {
		t.Errorf("up to 2022-02: %v", res.Provenance)
	}
}
