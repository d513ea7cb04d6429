package out

import "fmt"

// writeBoard fills 总榜: the overall ranking with each unit's tally of
// tiers, and under it a native bar chart of the scores that can be copied
// into a slide and still be edited there.
func (b *book) writeBoard(s *sheet) {
	res, o := b.res, b.res.Rules
	const last = 9
	s.heading(last, fmt.Sprintf("总榜:按综合得分排名(%s,满分 100)。", scoreShort(o))+tierLegend(o))
	s.headers(3, "排名", "单位", "综合得分", "档次",
		fmt.Sprintf("前%d位项数", o.Top), "中间项数", fmt.Sprintf("后%d位项数", o.Bottom), "未报送项数", "说明")
	row := 4
	scored := 0 // the leading rows with a score: the chart's rows
	for i, r := range res.Overall {
		t := res.TallyOf(r.Unit)
		s.rankCell(1, row, r.Rank, styleKey{role: roleCenter, tier: r.Tier})
		s.text(2, row, r.Unit, styleKey{role: roleText, tier: r.Tier})
		if r.Score != nil {
			if scored == i {
				scored++
			}
			s.number(3, row, *r.Score, fixed(*r.Score, 2), styleKey{role: roleNumber, numFmt: scoreFormat, tier: r.Tier})
		} else {
			s.text(3, row, "—", styleKey{role: roleCenter})
		}
		s.text(4, row, r.Tier.Label(o), styleKey{role: roleCenter, tier: r.Tier})
		for i, n := range []int{t.Top, t.Middle, t.Bottom, t.Missing} {
			s.integer(5+i, row, n, styleKey{role: roleCenter})
		}
		s.text(9, row, r.Why, styleKey{role: roleWrap})
		row++
	}
	s.limit[9] = [2]float64{24, 60}
	if scored > 0 {
		b.boardChart(s, row+1, scored)
	}
	s.finish(layout{lastCol: last, headRows: 3, keepCols: 2})
}
