package text

import (
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

func TestRulesBrief(t *testing.T) {
	o := rank.DefaultOptions()
	if got, want := RulesBrief(o), "前3位为红旗、后3位为黄旗;并列按美式(1、2、2、4);综合得分按极差标准化。"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	o.Ties, o.Score, o.Top = rank.Dense, rank.RankPoints, 5
	if got, want := RulesBrief(o), "前5位为红旗、后3位为黄旗;并列按中国式(1、2、2、3);综合得分按名次得分。"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestRules(t *testing.T) {
	res := &rank.Result{Rules: rank.DefaultOptions()}
	terms := func() string {
		var ts []string
		for _, r := range Rules(res) {
			ts = append(ts, r.Term)
		}
		return strings.Join(ts, " ")
	}
	if got := terms(); got != "档次 未报送 并列 综合得分" {
		t.Errorf("single period: %s", got)
	}
	res.History = &rank.History{Periods: []data.Month{data.NewMonth(2022, 1), data.NewMonth(2022, 3)}}
	if got := terms(); got != "档次 未报送 并列 综合得分 变化" {
		t.Errorf("with history: %s", got)
	}
	if r := Rules(res)[4].Text; !strings.Contains(r, "“连续 N 期”") {
		t.Errorf("periods not month by month are counted in 期: %s", r)
	}
}

func TestIndicatorNote(t *testing.T) {
	for _, c := range []struct {
		ind  rank.Indicator
		want string
	}{
		{rank.Indicator{Unit: "分", Ranked: true, Entries: []rank.Entry{{Rank: ptr(1)}, {Rank: ptr(2)}, {}}}, "单位:分 · 2 个单位排名"},
		{rank.Indicator{Direction: data.Lower, Ranked: true}, "越小越好 · 0 个单位排名"},
		{rank.Indicator{Unit: "%"}, "单位:% · 仅展示,不排名"},
	} {
		if got := strings.Join(IndicatorNote(c.ind), " · "); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	if got := Span([]data.Month{data.NewMonth(2022, 1), data.NewMonth(2022, 2), data.NewMonth(2022, 4)}); got != "2022年1月—2022年4月,共 3 期" {
		t.Errorf("Span: %q", got)
	}
}
