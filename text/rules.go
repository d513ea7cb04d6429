package text

import (
	"fmt"

	"shaipin/rank"
)

// Rule is one term of the ranking rules and what it means.
type Rule struct{ Term, Text string }

// Rules explains how the ranking was made: tiers, units without a figure,
// ties, the overall board (boardRules) and, with history, the marks of
// change.
func Rules(res *rank.Result) []Rule {
	o, l := res.Rules, TierLabels(res.Rules)
	rules := []Rule{
		{"档次", fmt.Sprintf("每项指标在参与排名的单位中,名次居前 %d 位为%s(红色,红旗),居后 %d 位为%s(黄色,黄旗),其余为中间(灰色)。", o.Top, l.Top, o.Bottom, l.Bottom)},
		{"未报送", "没有数据的单位不参与该项排名,也不计入前、后档次;显示为“未报送”,不按 0 处理。"},
		{"并列", o.TieLabel() + "。"},
	}
	rules = append(rules, boardRules(o)...)
	if HasHistory(res) {
		rules = append(rules, Rule{"变化", "名次后的 ↑N / ↓N 为较上期进位或退位 N 名;“连续 N " + StreakUnit(res) + "”为到本期为止连续处于同一档次的期数。"})
	}
	return rules
}

// RulesBrief is the rules in one line: "前3位为红旗、后3位为黄旗;并列按美式
// (1、2、2、4);综合得分按极差标准化。"
func RulesBrief(o rank.Options) string {
	l := TierLabels(o)
	ties := "美式(1、2、2、4)"
	if o.Ties == rank.Dense {
		ties = "中国式(1、2、2、3)"
	}
	return l.Top + "为红旗、" + l.Bottom + "为黄旗;并列按" + ties + ";" + scoreBrief(o) + "。"
}
