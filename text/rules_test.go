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
	// Every method by its own name, not 极差标准化.
	o.Score, o.Weights = rank.Efficacy, rank.EntropyWeights
	if got := RulesBrief(o); !strings.HasSuffix(got, ";综合得分按功效系数法、熵权法赋权。") {
		t.Errorf("%q", got)
	}
	o.Board = rank.TallyBoard
	if got := RulesBrief(o); !strings.HasSuffix(got, ";总榜按红黄旗项数。") {
		t.Errorf("%q", got)
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
	if got := terms(); got != "档次 未报送 并列 综合得分 权重 缺项计分 覆盖率 倒数" {
		t.Errorf("single period: %s", got)
	}
	res.History = &rank.History{Periods: []data.Month{data.NewMonth(2022, 1), data.NewMonth(2022, 3)}}
	if got := terms(); got != "档次 未报送 并列 综合得分 权重 缺项计分 覆盖率 倒数 变化" {
		t.Errorf("with history: %s", got)
	}
	if r := Rules(res)[8].Text; !strings.Contains(r, "“连续 N 期”") {
		t.Errorf("periods not month by month are counted in 期: %s", r)
	}
	// The tally board has no score, weights or missing-value points;
	// dense ties never reach into the bottom tier from above.
	res.Rules.Board, res.Rules.Ties = rank.TallyBoard, rank.Dense
	if got := terms(); got != "档次 未报送 并列 总榜 覆盖率 变化" {
		t.Errorf("tally board, dense ties: %s", got)
	}
}

// Each rule of the board is one sentence, from rank's labels.
func TestBoardRules(t *testing.T) {
	o := rank.DefaultOptions()
	o.Weights, o.Missing, o.MinCoverage = rank.EntropyWeights, rank.Last, ptr(0.65)
	text := map[string]string{}
	for _, r := range Rules(&rank.Result{Rules: o}) {
		text[r.Term] = r.Text
	}
	for term, want := range map[string]string{
		"权重":   "熵权法",
		"缺项计分": "不报即末位",
		"覆盖率":  "65%",
		"倒数":   "显示为“并列第4(倒数并列第3)”",
	} {
		if !strings.Contains(text[term], want) || strings.Count(text[term], "。") > 1 && term != "倒数" {
			t.Errorf("%s: %q, want %q in one sentence", term, text[term], want)
		}
	}
	o.Bottom = 2
	if got := BoundaryRule(o); strings.Contains(got, "例如") || !strings.Contains(got, "最后 2 位") {
		t.Errorf("the worked example is for 后3位 only: %q", got)
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
