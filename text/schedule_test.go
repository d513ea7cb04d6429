package text

import (
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

func TestSchedule(t *testing.T) {
	for _, c := range []struct {
		vs   *float64
		want string
	}{
		// As rank computes it, to 2 decimals: 52.7 − 33.33 checks by hand.
		{ptr(19.37), "超时序进度 19.37 个百分点"},
		{ptr(-5.9), "落后时序进度 5.9 个百分点"},
		{ptr(0.04), "超时序进度 0.04 个百分点"},
		{ptr(0.0), "与时序进度持平"},
		// Half-up on the decimal text, as everywhere (data.Round).
		{ptr(0.125), "超时序进度 0.13 个百分点"},
		{nil, ""},
	} {
		if got := Schedule(c.vs); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}

// 时序进度 is shown at the 2 decimals the differences are computed at.
func TestScheduleShare(t *testing.T) {
	april := &rank.Result{Month: data.NewMonth(2022, 4)}
	for _, c := range []struct {
		res  *rank.Result
		ind  rank.Indicator
		want float64
		ok   bool
	}{
		{april, rank.Indicator{Schedule: true}, 33.33, true},
		{april, rank.Indicator{Schedule: true, ScheduleTarget: ptr(41.67)}, 41.67, true},
		{april, rank.Indicator{Schedule: true, ScheduleTarget: ptr(50.004)}, 50, true},
		{april, rank.Indicator{}, 0, false},
		{&rank.Result{}, rank.Indicator{Schedule: true}, 0, false},
	} {
		got, ok := ScheduleShare(c.res, c.ind)
		if got != c.want || ok != c.ok {
			t.Errorf("%+v: %v %v, want %v %v", c.ind, got, ok, c.want, c.ok)
		}
	}
	for share, want := range map[float64]string{33.33: "33.33%", 50: "50%", 41.67: "41.67%"} {
		if got := Percent(share); got != want {
			t.Errorf("Percent(%v): %q", share, got)
		}
	}
	if got := ScheduleLine(41.67); got != "时序进度 41.67%" {
		t.Errorf("ScheduleLine: %q", got)
	}
}

func TestStreak(t *testing.T) {
	o := rank.DefaultOptions()
	for _, c := range []struct {
		streak int
		tier   rank.Tier
		want   string
	}{
		{4, rank.Top, "连续 4 个月居前3位"},
		{2, rank.Bottom, "连续 2 个月居后3位"},
		{1, rank.Top, ""},
		{5, rank.Middle, ""},
	} {
		if got := Streak(c.streak, c.tier, o, "个月"); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}

func TestMonthly(t *testing.T) {
	for want, ps := range map[bool][]data.Month{
		true:  {data.NewMonth(2021, 11), data.NewMonth(2021, 12), data.NewMonth(2022, 1)},
		false: {data.NewMonth(2022, 1), data.NewMonth(2022, 3)},
	} {
		if Monthly(ps) != want {
			t.Errorf("%v", ps)
		}
		res := &rank.Result{History: &rank.History{Periods: ps}}
		if got := StreakUnit(res); (got == "个月") != want {
			t.Errorf("StreakUnit %v: %q", ps, got)
		}
	}
	if got := StreakUnit(&rank.Result{}); got != "期" {
		t.Errorf("no history: %q", got)
	}
}
