package charts

import (
	"fmt"
	"strconv"
	"strings"

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

// profile writes a unit's strengths and weak spots in one or two sentences,
// e.g. "义乌市综合得分 77.94,总榜第 1 名,居前3位。参与排名的 11 项指标中,
// 10 项居前3位,其中管控力量化指数、…排名第一;1 项居后3位:…;另有 21 项未报送。"
func profile(res *rank.Result, ov rank.Overall, l tierLabels) []string {
	unit := ov.Unit
	var first string
	if ov.Score != nil && ov.Rank != nil {
		first = fmt.Sprintf("%s综合得分 %s,%s", unit, fixed(*ov.Score, 2), overallText(ov, res.Rules))
		if c := changeText(ov.Change); c != "" {
			first += "," + c
		}
		first += "。"
	} else {
		first = unit + "本期没有可计入综合得分的指标,未参与总榜排名。"
	}

	var tops, firsts, bottoms []string
	tiedFirst := false
	ranked, middle, missing := 0, 0, 0
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		for _, e := range ind.Entries {
			if e.Unit != unit {
				continue
			}
			if e.Rank == nil {
				missing++
				continue
			}
			ranked++
			switch e.Tier {
			case rank.Top:
				tops = append(tops, ind.Name)
				if *e.Rank == 1 {
					firsts = append(firsts, ind.Name)
					tiedFirst = tiedFirst || len(e.TiedWith) > 0
				}
			case rank.Bottom:
				bottoms = append(bottoms, ind.Name)
			default:
				middle++
			}
		}
	}
	if ranked == 0 {
		s := "本期没有参与排名的指标"
		if missing > 0 {
			s += fmt.Sprintf(",%d 项均未报送", missing)
		}
		return []string{first, s + "。"}
	}

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
	second := fmt.Sprintf("参与排名的 %d 项指标中,", ranked) + strings.Join(parts, ";") + "。"
	return []string{first, second}
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
