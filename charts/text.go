package charts

import (
	"fmt"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/rank"
)

// tallyLine is the line every unit quotes in its speech:
// "前3位 9 项 / 中间 7 项 / 后3位 5 项 / 未报送 2 项".
func tallyLine(t rank.Tally, l tierLabels) string {
	return fmt.Sprintf("%s %d 项 / %s %d 项 / %s %d 项 / %s %d 项",
		l.Top, t.Top, l.Middle, t.Middle, l.Bottom, t.Bottom, l.Missing, t.Missing)
}

// listNames joins up to limit names with 、 and says how many there are in
// all when it had to cut: "A、B、C等 5 项".
func listNames(names []string, limit int) string {
	if len(names) <= limit {
		return strings.Join(names, "、")
	}
	return strings.Join(names[:limit], "、") + "等 " + strconv.Itoa(len(names)) + " 项"
}

// overallText is a unit's place on the overall board, as a phrase:
// "总榜第 1 名,居前3位", "总榜并列第 2 名,居中间".
func overallText(ov rank.Overall, o rank.Options) string {
	if ov.Score == nil || ov.Rank == nil {
		return "未参与总榜排名"
	}
	s := "总榜第 " + strconv.Itoa(*ov.Rank) + " 名"
	if len(ov.TiedWith) > 0 {
		s = "总榜并列第 " + strconv.Itoa(*ov.Rank) + " 名"
	}
	switch ov.Tier {
	case rank.Top, rank.Bottom:
		s += ",居" + ov.Tier.Label(o) + "位"
	case rank.Middle:
		s += ",居中间"
	}
	return s
}

// changeText is a rank change as a phrase: "较上期进位 2 名", "较上期退位
// 1 名", "与上期持平"; "" when there is nothing to compare with.
func changeText(change *int) string {
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

// unitEntry is one unit's entry on one indicator.
type unitEntry struct {
	ind   *rank.Indicator
	entry *rank.Entry
}

// unitIndex lists each unit's entries in indicator order, built once so
// that writing every unit's profile stays linear in the number of entries
// (2,844 units × 300 indicators at national scale).
func unitIndex(res *rank.Result) map[string][]unitEntry {
	// One backing array, cut into one slice per unit.
	at := make(map[string]int, len(res.Units))
	for i, u := range res.Units {
		at[u] = i
	}
	n := len(res.Indicators)
	all := make([]unitEntry, len(res.Units)*n)
	fill := make([]int, len(res.Units))
	for i := range res.Indicators {
		ind := &res.Indicators[i]
		for j := range ind.Entries {
			e := &ind.Entries[j]
			if u, ok := at[e.Unit]; ok && fill[u] < n {
				all[u*n+fill[u]] = unitEntry{ind, e}
				fill[u]++
			}
		}
	}
	m := make(map[string][]unitEntry, len(res.Units))
	for i, u := range res.Units {
		m[u] = all[i*n : i*n+fill[i] : i*n+fill[i]]
	}
	return m
}

// profile writes a unit's strengths and weak spots in a few sentences,
// e.g. "义乌市综合得分 77.94,总榜第 1 名,居前3位,连续 4 个月居前3位。参与
// 排名的 11 项指标中,10 项居前3位,其中管控力量化指数、…排名第一;1 项居
// 后3位:…;另有 21 项未报送。", then, with history, its moves and streaks,
// and its completion rates against 时序进度. entries are the unit's
// entries (unitIndex).
func profile(res *rank.Result, ov rank.Overall, l tierLabels, entries []unitEntry) []string {
	unit := ov.Unit
	var first string
	if ov.Score != nil && ov.Rank != nil {
		first = fmt.Sprintf("%s综合得分 %s,%s", unit, data.Fixed(*ov.Score, 2), overallText(ov, res.Rules))
		if c := changeText(ov.Change); c != "" {
			first += "," + c
		}
		if s := streakText(ov.Streak, ov.Tier, l, streakUnit(res)); s != "" && hasHistory(res) {
			first += "," + s
		}
		first += "。"
	} else {
		first = unit + "本期没有可计入综合得分的指标,未参与总榜排名。"
	}

	var tops, firsts, bottoms []string
	tiedFirst := false
	ranked, middle, missing := 0, 0, 0
	for _, ue := range entries {
		if !ue.ind.Ranked {
			continue
		}
		e := ue.entry
		if e.Rank == nil {
			missing++
			continue
		}
		ranked++
		switch e.Tier {
		case rank.Top:
			tops = append(tops, ue.ind.Name)
			if *e.Rank == 1 {
				firsts = append(firsts, ue.ind.Name)
				tiedFirst = tiedFirst || len(e.TiedWith) > 0
			}
		case rank.Bottom:
			bottoms = append(bottoms, ue.ind.Name)
		default:
			middle++
		}
	}
	out := []string{first}
	if ranked == 0 {
		s := "本期没有参与排名的指标"
		if missing > 0 {
			s += fmt.Sprintf(",%d 项均未报送", missing)
		}
		out = append(out, s+"。")
	} else {
		var parts []string
		if len(tops) > 0 {
			p := fmt.Sprintf("%d 项居%s", len(tops), l.Top)
			if len(firsts) > 0 {
				p += ",其中" + listNames(firsts, 3) + "排名第一"
				if tiedFirst {
					p += "(含并列)"
				}
			}
			parts = append(parts, p)
		} else {
			parts = append(parts, "没有指标居"+l.Top)
		}
		if middle > 0 {
			parts = append(parts, fmt.Sprintf("%d 项居中间", middle))
		}
		if len(bottoms) > 0 {
			parts = append(parts, fmt.Sprintf("%d 项居%s:%s", len(bottoms), l.Bottom, listNames(bottoms, 3)))
		} else {
			parts = append(parts, "没有指标居"+l.Bottom)
		}
		if missing > 0 {
			parts = append(parts, fmt.Sprintf("另有 %d 项未报送", missing))
		}
		out = append(out, fmt.Sprintf("参与排名的 %d 项指标中,", ranked)+strings.Join(parts, ";")+"。")
	}
	if s := profileHistory(res, entries, l); s != "" {
		out = append(out, s)
	}
	if s := profileSchedule(res, entries); s != "" {
		out = append(out, s)
	}
	return out
}

// boardSummary names the top and bottom tiers of the overall board in one
// sentence for the top of the page.
func boardSummary(res *rank.Result, l tierLabels) string {
	var top, bottom []string
	for _, ov := range res.Overall {
		switch ov.Tier {
		case rank.Top:
			top = append(top, ov.Unit)
		case rank.Bottom:
			bottom = append(bottom, ov.Unit)
		}
	}
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
