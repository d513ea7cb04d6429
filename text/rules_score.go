package text

import "shaipin/rank"

// The rules of the overall board: how the score is made, where the
// weights come from, how a missing value counts, who is left off for
// reporting too little, and how a tie group at the bottom is placed —
// one sentence each, from rank's own labels.

// boardRules are the rules box's terms for the overall board.
func boardRules(o rank.Options) []Rule {
	var rules []Rule
	if o.Board == rank.TallyBoard {
		rules = append(rules, Rule{"总榜", o.BoardLabel() + "。"})
	} else {
		rules = append(rules,
			Rule{"综合得分", o.ScoreLabel() + "。"},
			Rule{"权重", o.WeightsLabel() + "。"},
			Rule{"缺项计分", o.MissingLabel() + "。"})
	}
	rules = append(rules, Rule{"覆盖率", o.CoverageLabel() + "。"})
	if s := BoundaryRule(o); s != "" {
		rules = append(rules, Rule{"倒数", s})
	}
	return rules
}

// scoreNames are the methods' short names for the one-line rules.
var scoreNames = map[rank.ScoreMethod]string{
	rank.MinMax: "极差标准化", rank.RankPoints: "名次得分", rank.Efficacy: "功效系数法",
	rank.ZScore: "标准分", rank.Target: "目标值法", rank.TOPSIS: "TOPSIS",
}

// scoreBrief is how the board is made, for the one-line rules:
// "综合得分按极差标准化", "总榜按红黄旗项数".
func scoreBrief(o rank.Options) string {
	if o.Board == rank.TallyBoard {
		return "总榜按红黄旗项数"
	}
	name, ok := scoreNames[o.Score]
	if !ok {
		name = scoreNames[rank.MinMax] // the default method
	}
	s := "综合得分按" + name
	if o.Weights == rank.EntropyWeights {
		s += "、熵权法赋权"
	}
	return s
}
