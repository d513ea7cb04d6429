package text

import (
	"fmt"
	"strconv"

	"shaipin/data"
	"shaipin/rank"
)

// The robustness of the overall board (rank.Robust): how far each unit's
// place moves when the weights, the scoring method and the missing-value
// policy are drawn at random, and which 红旗 and 黄旗 the draws do not
// hold (边缘).

// BorderlineWord marks a flag the draws do not hold.
const BorderlineWord = "边缘"

// BorderlineMark is "(边缘)" for a unit whose 红旗 or 黄旗 on the board is
// borderline, else "".
func BorderlineMark(ov rank.Overall) string {
	if ov.Robust != nil && ov.Robust.Borderline {
		return "(" + BorderlineWord + ")"
	}
	return ""
}

// Interval is a unit's 5th–95th percentile rank over the draws: "1—6",
// or "3" when every draw but the outer tenth gave the same rank.
func Interval(s rank.Stability) string {
	if s.P5 == s.P95 {
		return strconv.Itoa(s.P5)
	}
	return strconv.Itoa(s.P5) + "—" + strconv.Itoa(s.P95)
}

// IntervalLabel is the label of a unit's interval in the chart: "第1—6名",
// with " 边缘" for a borderline flag.
func IntervalLabel(ov rank.Overall) string {
	s := ov.Robust
	if s == nil {
		return ""
	}
	out := "第" + Interval(*s) + "名"
	if s.Borderline {
		out += " " + BorderlineWord
	}
	return out
}

// share writes a share of the draws (0–1) as a percentage: "53.8%".
func share(s float64) string { return Percent(data.Round(s*100, 1)) }

// Stability is the sentence of a unit's profile on its place over the
// draws: "在 1000 次抽样中,名次在第 1—6 名之间(中位第 3 名),居前3位的比例
// 为 53.8%,不足 80%,红旗为边缘。"; "" without robustness figures.
func Stability(ov rank.Overall, o rank.Options, draws int) string {
	s := ov.Robust
	if s == nil {
		return ""
	}
	l := TierLabels(o)
	out := fmt.Sprintf("在 %d 次抽样(权重、得分方法与缺失处理随机变化)中,名次在第 %s 名之间(中位第 %d 名)", draws, Interval(*s), s.Median)
	if s.P5 == s.P95 {
		out = fmt.Sprintf("在 %d 次抽样(权重、得分方法与缺失处理随机变化)中,名次多为第 %d 名", draws, s.P5)
	}
	switch ov.Tier {
	case rank.Top:
		out += ",居" + l.Top + "的比例为 " + share(s.TopShare)
		if s.Borderline {
			out += ",不足 " + share(rank.BorderlineShare) + ",红旗为" + BorderlineWord
		}
	case rank.Bottom:
		out += ",居" + l.Bottom + "的比例为 " + share(s.BottomShare)
		if s.Borderline {
			out += ",不足 " + share(rank.BorderlineShare) + ",黄旗为" + BorderlineWord
		}
	default:
		out += ",居" + l.Top + "、" + l.Bottom + "的比例分别为 " + share(s.TopShare) + "、" + share(s.BottomShare)
	}
	return out + "。"
}

// IntervalNote says how to read the interval chart.
func IntervalNote(rb *rank.Robustness) string {
	return fmt.Sprintf("%d 次抽样中各单位总榜名次的范围:线段为第 5 至第 95 百分位(九成抽样落在其中),圆点为中位名次,竖线为本期名次;线段越长,名次越依赖权重与方法的选择。",
		rb.Draws)
}

// BoardTier names a unit's tier on the overall board: "前3位", "前3位(边缘)"
// when the robustness check found the flag borderline, and "不参与排名" for
// a unit not ranked.
func BoardTier(ov rank.Overall, o rank.Options) string {
	if ov.Rank == nil {
		return "不参与排名"
	}
	name := StyleOf(ov.Tier).Name(o)
	if ov.Tier == rank.Top || ov.Tier == rank.Bottom {
		name += BorderlineMark(ov)
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
		share(rank.BorderlineShare), BorderlineWord)
}

// factor writes a multiplier: 0.75, 1.25.
func factor(f float64) string { return strconv.FormatFloat(data.Round(f, 2), 'f', -1, 64) }
