package text

import (
	"strings"
	"testing"

	"shaipin/rank"
)

func TestBoardTier(t *testing.T) {
	o := rank.DefaultOptions()
	one := 1
	tests := []struct {
		name string
		ov   rank.Overall
		want string
	}{
		{"firm flag", rank.Overall{Rank: &one, Tier: rank.Top, Robust: &rank.Stability{TopShare: 0.95}}, "前3位"},
		{"borderline flag", rank.Overall{Rank: &one, Tier: rank.Top, Robust: &rank.Stability{Borderline: true}}, "前3位(边缘)"},
		{"borderline bottom", rank.Overall{Rank: &one, Tier: rank.Bottom, Robust: &rank.Stability{Borderline: true}}, "后3位(边缘)"},
		{"middle is never borderline", rank.Overall{Rank: &one, Tier: rank.Middle, Robust: &rank.Stability{Borderline: true}}, "中间"},
		{"no check", rank.Overall{Rank: &one, Tier: rank.Bottom}, "后3位"},
		{"not ranked", rank.Overall{Tier: rank.None}, "不参与排名"},
	}
	for _, tt := range tests {
		if got := BoardTier(tt.ov, o); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestInterval(t *testing.T) {
	for _, tt := range []struct {
		s    rank.Stability
		want string
	}{{rank.Stability{P5: 3, P95: 5}, "3—5"}, {rank.Stability{P5: 2, P95: 2}, "2"}} {
		if got := Interval(tt.s); got != tt.want {
			t.Errorf("Interval(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestRobustRule(t *testing.T) {
	got := RobustRule(&rank.Robustness{Draws: 1000, Spread: 0.25}, rank.DefaultOptions())
	for _, want := range []string{"1000 次抽样", "0.75—1.25", "5%—95% 分位", "前3概率", "居前3位", "低于 80% 时标为“边缘”"} {
		if !strings.Contains(got, want) {
			t.Errorf("RobustRule lacks %q: %s", want, got)
		}
	}
}
