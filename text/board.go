package text

import (
	"fmt"
	"strconv"
	"strings"

	"shaipin/rank"
)

// The phrases of a unit's place: its rank on an indicator, on the overall
// board, its tally of tiers and its move since the previous period.

// Rank is a rank as people say it: "第2", "并列第2", "并列第4(倒数并列第3)"
// (see Place), and "未报送" for an entry without a rank.
func Rank(e rank.Entry) string {
	if e.Rank == nil {
		return "未报送"
	}
	return Place(*e.Rank, len(e.Tie) > 0, e.ReverseRank)
}

// Overall is a unit's place on the overall board, as a phrase: "总榜第 1
// 名,居前3位", "总榜并列第 2 名,居中间", "总榜并列第 6 名(倒数并列第3),
// 居后3位", "总榜第 3 名,居前3位(边缘)" for a flag the robustness draws
// do not hold (see Borderline), "未参与总榜排名".
func Overall(ov rank.Overall, o rank.Options) string {
	if ov.Score == nil || ov.Rank == nil {
		return "未参与总榜排名"
	}
	tied := len(ov.Tie) > 0
	s := "总榜第 " + strconv.Itoa(*ov.Rank) + " 名"
	if tied {
		s = "总榜并列第 " + strconv.Itoa(*ov.Rank) + " 名"
	}
	if ov.ReverseRank != nil {
		s += "(" + FromWorst(*ov.ReverseRank, tied) + ")"
	}
	if ov.Tier == rank.Top || ov.Tier == rank.Middle || ov.Tier == rank.Bottom {
		s += ",居" + StyleOf(ov.Tier).Name(o) + BorderlineMark(ov)
	}
	return s
}

// Change is a rank change since the previous period as a phrase: "较上期
// 进位 2 名", "较上期退位 1 名", "与上期持平"; "" when there is nothing to
// compare with.
func Change(change *int) string {
	switch {
	case change == nil:
		return ""
	case *change > 0:
		return "较上期进位 " + strconv.Itoa(*change) + " 名"
	case *change < 0:
		return "较上期退位 " + strconv.Itoa(-*change) + " 名"
	}
	return "与上期持平"
}

// Tally is the line every unit quotes in its speech: "前3位 9 项 / 中间 7
// 项 / 后3位 5 项 / 未报送 2 项".
func Tally(t rank.Tally, o rank.Options) string {
	l := TierLabels(o)
	return fmt.Sprintf("%s %d 项 / %s %d 项 / %s %d 项 / %s %d 项",
		l.Top, t.Top, l.Middle, t.Middle, l.Bottom, t.Bottom, l.Missing, t.Missing)
}

// Names joins up to limit names with 、 and says how many there are in
// all when it had to cut: "A、B、C等 5 项".
func Names(names []string, limit int) string { return namesOf(names, limit, "项") }

// namesOf is Names counting in the given measure word: "A、B等 7 个单位".
func namesOf(names []string, limit int, measure string) string {
	if len(names) <= limit {
		return strings.Join(names, "、")
	}
	return strings.Join(names[:limit], "、") + "等 " + strconv.Itoa(len(names)) + " " + measure
}

// Summary names the top and bottom tiers of the overall board in one
// sentence: "总榜前3位:义乌市、金东区、婺城区;后3位:武义县、浦江县、磐安县。",
// a flag the robustness draws do not hold marked "(边缘)"; "" when
// neither tier has a unit.
func Summary(res *rank.Result) string {
	var top, bottom []string
	for _, ov := range res.Overall {
		switch ov.Tier {
		case rank.Top:
			top = append(top, ov.Unit+BorderlineMark(ov))
		case rank.Bottom:
			bottom = append(bottom, ov.Unit+BorderlineMark(ov))
		}
	}
	l := TierLabels(res.Rules)
	var parts []string
	if len(top) > 0 {
		parts = append(parts, "总榜"+l.Top+":"+strings.Join(top, "、"))
	}
	if len(bottom) > 0 {
		parts = append(parts, l.Bottom+":"+strings.Join(bottom, "、"))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ";") + "。"
}

// ScoreHead heads the column the overall board is ordered by: "综合得分",
// or on the tally board "前3位减后3位项数".
func ScoreHead(o rank.Options) string {
	if o.Board == rank.TallyBoard {
		l := TierLabels(o)
		return l.Top + "减" + l.Bottom + "项数"
	}
	return "综合得分"
}
