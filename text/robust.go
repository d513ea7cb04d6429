package text

import (
	"fmt"
	"strconv"

	"shaipin/data"
	"shaipin/rank"
)

// The words of the robustness check (rank.Robust): how firm a place on the
// overall board is when the weights, the scoring method and the
// missing-value rule are varied.

// Interval is a unit's range of overall ranks over the draws, 5th to 95th
// percentile: "3—5", or "3" when every draw but the odd one agrees.
func Interval(s rank.Stability) string {
	if s.P5 == s.P95 {
		return strconv.Itoa(s.P5)
	}
	return strconv.Itoa(s.P5) + "—" + strconv.Itoa(s.P95)
}

// Borderline is the mark of a 红旗 or 黄旗 on the board held in too few
// draws.
const Borderline = "边缘"

// BoardTier names a unit's tier on the overall board: "前3位", "前3位(边缘)"
// when the robustness check found the flag borderline, and "不参与排名" for
// a unit not ranked.
func BoardTier(ov rank.Overall, o rank.Options) string {
	if ov.Rank == nil {
		return "不参与排名"
	}
	name := StyleOf(ov.Tier).Name(o)
	if ov.Robust != nil && ov.Robust.Borderline && (ov.Tier == rank.Top || ov.Tier == rank.Bottom) {
		name += "(" + Borderline + ")"
	}
	return name
}

// RobustRule says in one sentence how the robustness check was made and
// how to read its figures.
func RobustRule(rb *rank.Robustness, o rank.Options) string {
	l := TierLabels(o)
	return fmt.Sprintf("%d 次抽样,每次将各指标权重乘以 %s—%s 之间的随机系数,并随机选用得分方法和缺失处理,重新计算总榜;"+
		"名次区间为各次名次的 5%%—95%% 分位,前%d概率、后%d概率为居%s、%s的抽样比例;"+
		"总榜红旗、黄旗的保持比例低于 %s 时标为“%s”,表示名次差距在权重与方法变化范围内不稳定。",
		rb.Draws, factor(1-rb.Spread), factor(1+rb.Spread), o.Top, o.Bottom, l.Top, l.Bottom,
		Percent(rank.BorderlineShare*100), Borderline)
}

// factor writes a multiplier: 0.75, 1.25.
func factor(f float64) string { return strconv.FormatFloat(data.Round(f, 2), 'f', -1, 64) }
