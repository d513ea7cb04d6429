package text

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/rank"
)

// A unit's profile: its standing, strengths and weak spots, moves and
// streaks, and completion rates against 时序进度, in a few sentences.

// Item is one unit's entry on one indicator.
type Item struct {
	Indicator *rank.Indicator
	Entry     *rank.Entry
}

// ByUnit lists each unit's items in indicator order, built once so that
// writing every unit's profile stays linear in the number of entries
// (2,844 units × 300 indicators at national scale).
func ByUnit(res *rank.Result) map[string][]Item {
	// One backing array, cut into one slice per unit.
	at := make(map[string]int, len(res.Units))
	for i, u := range res.Units {
		at[u] = i
	}
	n := len(res.Indicators)
	all := make([]Item, len(res.Units)*n)
	fill := make([]int, len(res.Units))
	for i := range res.Indicators {
		ind := &res.Indicators[i]
		for j := range ind.Entries {
			e := &ind.Entries[j]
			if u, ok := at[e.Unit]; ok && fill[u] < n {
				all[u*n+fill[u]] = Item{ind, e}
				fill[u]++
			}
		}
	}
	m := make(map[string][]Item, len(res.Units))
	for i, u := range res.Units {
		m[u] = all[i*n : i*n+fill[i] : i*n+fill[i]]
	}
	return m
}

// Profile writes a unit's standing, strengths and weak spots in a few
// sentences, e.g. "义乌市综合得分 77.94,总榜第 1 名,居前3位,连续 4 个月居
// 前3位。参与排名的 11 项指标中,10 项居前3位,其中管控力量化指数、…排名第
// 一;1 项居后3位:…;另有 21 项未报送。", then, with history, its moves and
// streaks, its completion rates against 时序进度 and, with robustness
// figures, how firm its place is (Stability). items are the unit's items
// (ByUnit).
func Profile(res *rank.Result, ov rank.Overall, items []Item) []string {
	out := []string{standing(res, ov), tiers(items, TierLabels(res.Rules))}
	if s := moves(res, items); s != "" {
		out = append(out, s)
	}
	if s := schedule(res, items); s != "" {
		out = append(out, s)
	}
	if res.Robustness != nil {
		if s := Stability(ov, res.Rules, res.Robustness.Draws); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// standing is the profile's first sentence: score, place, move, streak.
func standing(res *rank.Result, ov rank.Overall) string {
	if ov.Score == nil || ov.Rank == nil {
		if ov.Counted > 0 && ov.Why != "" {
			// Left off for coverage: rank says how little it reported.
			return ov.Unit + ov.Why + "。"
		}
		return ov.Unit + "本期没有可计入综合得分的指标,未参与总榜排名。"
	}
	s := fmt.Sprintf("%s综合得分 %s,%s", ov.Unit, data.Fixed(*ov.Score, 2), Overall(ov, res.Rules))
	if c := Change(ov.Change); c != "" {
		s += "," + c
	}
	if st := Streak(ov.Streak, ov.Tier, res.Rules, StreakUnit(res)); st != "" && HasHistory(res) {
		s += "," + st
	}
	return s + "。"
}

// tierCount is a unit's ranked indicators by tier, for its profile.
type tierCount struct {
	tops, firsts, bottoms   []string
	tiedFirst               bool
	ranked, middle, missing int
}

func countTiers(items []Item) tierCount {
	var c tierCount
	for _, it := range items {
		if !it.Indicator.Ranked {
			continue
		}
		e := it.Entry
		if e.Rank == nil {
			c.missing++
			continue
		}
		c.ranked++
		switch e.Tier {
		case rank.Top:
			c.tops = append(c.tops, it.Indicator.Name)
			if *e.Rank == 1 {
				c.firsts = append(c.firsts, it.Indicator.Name)
				c.tiedFirst = c.tiedFirst || len(e.Tie) > 0
			}
		case rank.Bottom:
			name := it.Indicator.Name
			if e.ReverseRank != nil {
				// 后3位 while "ranked 4th": say both, as the charts do.
				name += "(" + Place(*e.Rank, len(e.Tie) > 0, nil) + "," + FromWorst(*e.ReverseRank, len(e.Tie) > 0) + ")"
			}
			c.bottoms = append(c.bottoms, name)
		default:
			c.middle++
		}
	}
	return c
}

// tiers is the profile's second sentence: how many indicators fell in
// each tier, which ones it leads and which lag.
func tiers(items []Item, l Labels) string {
	c := countTiers(items)
	if c.ranked == 0 {
		s := "本期没有参与排名的指标"
		if c.missing > 0 {
			s += fmt.Sprintf(",%d 项均未报送", c.missing)
		}
		return s + "。"
	}
	parts := []string{"没有指标居" + l.Top}
	if len(c.tops) > 0 {
		parts[0] = fmt.Sprintf("%d 项居%s", len(c.tops), l.Top)
		if len(c.firsts) > 0 {
			parts[0] += ",其中" + Names(c.firsts, 3) + "排名第一"
			if c.tiedFirst {
				parts[0] += "(含并列)"
			}
		}
	}
	if c.middle > 0 {
		parts = append(parts, fmt.Sprintf("%d 项居中间", c.middle))
	}
	if len(c.bottoms) > 0 {
		parts = append(parts, fmt.Sprintf("%d 项居%s:%s", len(c.bottoms), l.Bottom, Names(c.bottoms, 3)))
	} else {
		parts = append(parts, "没有指标居"+l.Bottom)
	}
	if c.missing > 0 {
		parts = append(parts, fmt.Sprintf("另有 %d 项未报送", c.missing))
	}
	return fmt.Sprintf("参与排名的 %d 项指标中,", c.ranked) + strings.Join(parts, ";") + "。"
}

// held is an indicator a unit has held a tier on for streak periods.
type held struct {
	name   string
	streak int
}

// moves is what changed since the previous period and how long the unit
// has held its tiers: "与上期相比,5 项进位、2 项退位;管控力量化指数连续 4
// 个月居前3位。"; "" without history. Only ranked items count.
func moves(res *rank.Result, items []Item) string {
	if !HasHistory(res) {
		return ""
	}
	up, down := 0, 0
	var tops, bottoms []held
	for _, it := range items {
		e := it.Entry
		if !it.Indicator.Ranked || e.Rank == nil {
			continue
		}
		if e.Change != nil && *e.Change > 0 {
			up++
		} else if e.Change != nil && *e.Change < 0 {
			down++
		}
		if e.Streak >= 2 && e.Tier == rank.Top {
			tops = append(tops, held{it.Indicator.Name, e.Streak})
		} else if e.Streak >= 2 && e.Tier == rank.Bottom {
			bottoms = append(bottoms, held{it.Indicator.Name, e.Streak})
		}
	}
	var parts []string
	if up+down > 0 {
		var p []string
		if up > 0 {
			p = append(p, fmt.Sprintf("%d 项进位", up))
		}
		if down > 0 {
			p = append(p, fmt.Sprintf("%d 项退位", down))
		}
		parts = append(parts, "与上期相比,"+strings.Join(p, "、"))
	}
	l, unit := TierLabels(res.Rules), StreakUnit(res)
	for _, s := range []string{streaks(tops, l.Top, unit), streaks(bottoms, l.Bottom, unit)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ";") + "。"
}

// streaks names the indicators held longest in one tier: at most two
// streak lengths named, the rest counted, so that the sentence stays one
// sentence. "" for none.
func streaks(hs []held, tier, unit string) string {
	if len(hs) == 0 {
		return ""
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].streak > hs[j].streak })
	var clauses []string
	named := 0
	for i := 0; i < len(hs) && len(clauses) < 2; {
		j := i
		var names []string
		for j < len(hs) && hs[j].streak == hs[i].streak {
			names = append(names, hs[j].name)
			j++
		}
		clauses = append(clauses, fmt.Sprintf("%s连续 %d %s居%s", Names(names, 3), hs[i].streak, unit, tier))
		named = j
		i = j
	}
	s := strings.Join(clauses, ",")
	if rest := len(hs) - named; rest > 0 {
		s += fmt.Sprintf(",另有 %d 项连续 2 %s以上居%s", rest, unit, tier)
	}
	return s
}

// scheduleListLimit is how many completion rates a profile names one by
// one; beyond it the sentence counts them and names the extremes.
const scheduleListLimit = 4

// gap is a completion rate's distance from 时序进度, in percentage points.
type gap struct {
	name string
	v    float64
}

// schedule is the unit's completion rates against 时序进度: "对照时序进度
// 33.3%,年度投资完成率超时序进度 19.4 个百分点,…。"; with many such
// indicators, how many are ahead and behind and the largest gaps.
func schedule(res *rank.Result, items []Item) string {
	var gaps []gap
	share := ""
	for _, it := range items {
		vs := it.Entry.VsSchedule
		if vs == nil {
			continue
		}
		gaps = append(gaps, gap{it.Indicator.Name, data.Round(*vs, 2)})
		if s, ok := ScheduleShare(res, *it.Indicator); ok && share == "" {
			share = Percent(s)
		}
	}
	if len(gaps) == 0 {
		return ""
	}
	head := "对照时序进度"
	if share != "" {
		head = "对照时序进度 " + share
	}
	if len(gaps) <= scheduleListLimit {
		var parts []string
		for _, g := range gaps {
			parts = append(parts, g.name+Schedule(&g.v))
		}
		return head + "," + strings.Join(parts, ",") + "。"
	}
	return head + "," + scheduleCount(gaps) + "。"
}

// scheduleCount counts the completion rates ahead of and behind 时序进度
// and names the largest gaps each way.
func scheduleCount(gaps []gap) string {
	var ahead, behind []gap
	for _, g := range gaps {
		switch {
		case g.v > 0:
			ahead = append(ahead, g)
		case g.v < 0:
			behind = append(behind, g)
		}
	}
	sort.SliceStable(ahead, func(i, j int) bool { return ahead[i].v > ahead[j].v })
	sort.SliceStable(behind, func(i, j int) bool { return behind[i].v < behind[j].v })
	most := func(gs []gap) string {
		var names []string
		for _, g := range gs[:min(3, len(gs))] {
			names = append(names, g.name+" "+strconv.FormatFloat(math.Abs(g.v), 'f', -1, 64))
		}
		return strings.Join(names, "、") + " 个百分点"
	}
	s := fmt.Sprintf("%d 项中 %d 项超时序进度、%d 项落后", len(gaps), len(ahead), len(behind))
	if len(ahead) > 0 {
		s += ";超出最多:" + most(ahead)
	}
	if len(behind) > 0 {
		s += ";落后最多:" + most(behind)
	}
	return s
}
