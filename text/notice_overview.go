package text

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/textwidth"
)

// noticeListMax is how many units a sentence of the notice names before it
// counts the rest.
const noticeListMax = 10

// intro is the opening of the notice: what it reports, where the figures
// come from (a short source goes under the title, a long one here) and
// which periods are not official figures.
func intro(res *rank.Result, n *Notice) []Block {
	out := []Block{para("现将" + res.Month.Label() + "晒拼情况通报如下。")}
	if src := strings.TrimSpace(res.Source); src != "" {
		line := "数据来源:" + src
		if textwidth.Of(line) <= 56 {
			n.Lines = append(n.Lines, line)
		} else {
			out = append(out, para(sentence(line)))
		}
	}
	if note := noticeProvenance(res); note != "" {
		out = append(out, para(note))
	}
	return out
}

// sentence ends s with a full stop unless it has one.
func sentence(s string) string {
	if strings.HasSuffix(s, "。") {
		return s
	}
	return s + "。"
}

// noticeProvenance says which periods shown are not official figures, in
// the report's words: "说明:2022年1—3月为模拟数据,仅供演示;2022年4月的数据
// 取自公开报道,并非各单位正式报送。趋势与进退位仅作演示。"; "" when all are
// official.
func noticeProvenance(res *rank.Result) string {
	months := make([]data.Month, 0, len(res.Provenance))
	for m := range res.Provenance {
		months = append(months, m)
	}
	slices.Sort(months)
	note := ProvenanceNote(months, res.Provenance)
	if note == "" {
		return ""
	}
	if res.Simulated() {
		note += trendDemo + "。"
	}
	return "说明:" + note
}

// overview is 总体情况: what was compared, the overall board's top and
// bottom, who moved most, who has the most indicators in each tier.
func overview(res *rank.Result) []Block {
	out := []Block{para(scope(res) + boardTiers(res))}
	for _, s := range []string{boardMoves(res), tallyLeaders(res)} {
		if s != "" {
			out = append(out, para(s))
		}
	}
	return out
}

// scope says how many indicators and units the 晒拼 covered.
func scope(res *rank.Result) string {
	ranked := res.RankedCount()
	s := fmt.Sprintf("本期共晒拼 %d 个方面 %d 项指标", len(res.Groups()), len(res.Indicators))
	if ranked != len(res.Indicators) {
		s += fmt.Sprintf("(其中 %d 项参与排名)", ranked)
	}
	return s + fmt.Sprintf(",%d 个单位参加。", len(res.Units))
}

// boardTiers names the overall board's top and bottom tiers with their
// scores, and the units left off the board.
func boardTiers(res *rank.Result) string {
	l := TierLabels(res.Rules)
	var top, bottom, off []string
	for _, ov := range res.Overall {
		switch {
		case ov.Rank == nil:
			off = append(off, ov.Unit)
		case ov.Tier == rank.Top:
			top = append(top, boardItem(ov, res.Rules))
		case ov.Tier == rank.Bottom:
			bottom = append(bottom, boardItem(ov, res.Rules))
		}
	}
	var parts []string
	if len(top) > 0 {
		parts = append(parts, "总榜居"+l.Top+"的是"+strings.Join(top, "、"))
	}
	if len(bottom) > 0 {
		parts = append(parts, "居"+l.Bottom+"的是"+strings.Join(bottom, "、"))
	}
	if len(off) > 0 {
		why := "没有可计分的指标"
		if c := *res.Rules.MinCoverage; c > 0 {
			why = "已报送指标的权重之和不足 " + Percent(data.Round(c*100, 2))
		}
		parts = append(parts, strings.Join(UnitList(off, noticeListMax), "、")+"未参与总榜排名("+why+")")
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ";") + "。"
}

// boardItem is a unit on the board with its score: "婺城区 54.22 分",
// "永康市 49.13 分(并列第2)"; on the tally board the score is 前N位项数 −
// 后N位项数.
func boardItem(ov rank.Overall, o rank.Options) string {
	s := ov.Unit
	if ov.Score != nil && o.Board == rank.TallyBoard {
		s += " 项数差 " + data.Fixed(*ov.Score, 0)
	} else if ov.Score != nil {
		s += " " + data.Fixed(*ov.Score, 2) + " 分"
	}
	if len(ov.Tie) > 0 {
		s += "(并列第" + strconv.Itoa(*ov.Rank) + ")"
	}
	return s
}

// boardMoves names the units that moved most on the overall board since
// the previous period; "" without one.
func boardMoves(res *rank.Result) string {
	if !HasHistory(res) || res.Previous.IsZero() {
		return ""
	}
	best, worst := 0, 0
	for _, ov := range res.Overall {
		if ov.Change != nil {
			best, worst = max(best, *ov.Change), min(worst, *ov.Change)
		}
	}
	prev := res.Previous.Label()
	if p, ok := res.Provenance[res.Previous]; ok {
		prev += "," + p.Label() + "数据"
	}
	head := "与上期(" + prev + ")相比,"
	if best == 0 && worst == 0 {
		return head + "总榜各单位名次没有变化。"
	}
	var parts []string
	if best > 0 {
		parts = append(parts, "总榜进位最多的是"+strings.Join(movers(res, best), "、")+","+Change(&best))
	}
	if worst < 0 {
		parts = append(parts, "退位最多的是"+strings.Join(movers(res, worst), "、")+","+Change(&worst))
	}
	return head + strings.Join(parts, ";") + "。"
}

// movers are the units whose overall rank changed by change.
func movers(res *rank.Result, change int) []string {
	var names []string
	for _, ov := range res.Overall {
		if ov.Change != nil && *ov.Change == change {
			names = append(names, ov.Unit)
		}
	}
	return UnitList(names, noticeListMax)
}

// tallyLeaders names the units with the most indicators in the top and in
// the bottom tier.
func tallyLeaders(res *rank.Result) string {
	l := TierLabels(res.Rules)
	most := func(count func(rank.Tally) int) (string, int) {
		ts := slices.Clone(res.Tally)
		sort.SliceStable(ts, func(i, j int) bool { return count(ts[i]) > count(ts[j]) })
		var names []string
		for _, t := range ts {
			if count(t) == count(ts[0]) {
				names = append(names, t.Unit)
			}
		}
		if len(ts) == 0 || count(ts[0]) == 0 {
			return "", 0
		}
		return strings.Join(UnitList(names, noticeListMax), "、"), count(ts[0])
	}
	var parts []string
	if who, n := most(func(t rank.Tally) int { return t.Top }); n > 0 {
		parts = append(parts, fmt.Sprintf("单项指标居%s最多的是%s(%d 项)", l.Top, who, n))
	}
	if who, n := most(func(t rank.Tally) int { return t.Bottom }); n > 0 {
		parts = append(parts, fmt.Sprintf("居%s最多的是%s(%d 项)", l.Bottom, who, n))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ",") + "。"
}
