package text

import (
	"testing"

	"shaipin/rank"
)

func ptr[T any](v T) *T { return &v }

func TestRank(t *testing.T) {
	for _, c := range []struct {
		e    rank.Entry
		want string
	}{
		{rank.Entry{Rank: ptr(2)}, "第2"},
		{rank.Entry{Rank: ptr(2), Tie: []string{"甲", "乙"}}, "并列第2"},
		{rank.Entry{}, "未报送"},
		{rank.Entry{Rank: ptr(4), ReverseRank: ptr(3), Tie: []string{"甲", "乙", "丙", "丁"}}, "并列第4(倒数并列第3)"},
	} {
		if got := Rank(c.e); got != c.want {
			t.Errorf("%+v: %q, want %q", c.e, got, c.want)
		}
	}
}

func TestOverall(t *testing.T) {
	o := rank.DefaultOptions()
	for _, c := range []struct {
		ov   rank.Overall
		want string
	}{
		{rank.Overall{Score: ptr(77.94), Rank: ptr(1), Tier: rank.Top}, "总榜第 1 名,居前3位"},
		{rank.Overall{Score: ptr(50.0), Rank: ptr(2), Tier: rank.Middle, Tie: []string{"甲", "乙"}}, "总榜并列第 2 名,居中间"},
		{rank.Overall{Score: ptr(10.0), Rank: ptr(10), Tier: rank.Bottom}, "总榜第 10 名,居后3位"},
		{rank.Overall{Score: ptr(10.0), Rank: ptr(1), Tier: rank.None}, "总榜第 1 名"},
		{rank.Overall{}, "未参与总榜排名"},
	} {
		if got := Overall(c.ov, o); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}

func TestChange(t *testing.T) {
	for _, c := range []struct {
		change *int
		want   string
	}{
		{ptr(2), "较上期进位 2 名"}, {ptr(-1), "较上期退位 1 名"}, {ptr(0), "与上期持平"}, {nil, ""},
	} {
		if got := Change(c.change); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}

func TestTally(t *testing.T) {
	o := rank.DefaultOptions()
	o.Top = 5
	got := Tally(rank.Tally{Top: 9, Middle: 7, Bottom: 5, Missing: 2}, o)
	if want := "前5位 9 项 / 中间 7 项 / 后3位 5 项 / 未报送 2 项"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestNames(t *testing.T) {
	for _, c := range []struct {
		names []string
		limit int
		want  string
	}{
		{nil, 3, ""},
		{[]string{"甲", "乙", "丙"}, 3, "甲、乙、丙"},
		{[]string{"甲", "乙", "丙", "丁", "戊"}, 3, "甲、乙、丙等 5 项"},
	} {
		if got := Names(c.names, c.limit); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}

func TestSummary(t *testing.T) {
	res := &rank.Result{Rules: rank.DefaultOptions(), Overall: []rank.Overall{
		{Unit: "甲", Tier: rank.Top}, {Unit: "乙", Tier: rank.Top}, {Unit: "丙", Tier: rank.Middle}, {Unit: "丁", Tier: rank.Bottom},
	}}
	if got, want := Summary(res), "总榜前3位:甲、乙;后3位:丁。"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	res.Overall[1].Robust = &rank.Stability{Borderline: true}
	if got, want := Summary(res), "总榜前3位:甲、乙(边缘);后3位:丁。"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	res.Overall = []rank.Overall{{Unit: "甲", Tier: rank.None}}
	if got := Summary(res); got != "" {
		t.Errorf("no tiers: %q", got)
	}
}
