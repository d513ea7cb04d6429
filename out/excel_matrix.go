package out

import (
	"unicode/utf8"

	"shaipin/rank"
)

// writeMatrix fills 排名矩阵: units down (in 总榜 order), ranked indicators
// across under a merged row of group names, the rank in every cell, red
// for the top tier, yellow for the bottom tier and "—" for no rank. It is
// the page the meeting scans for a county's red and yellow flags.
func (b *book) writeMatrix(s *sheet) {
	res, o := b.res, b.res.Rules
	var inds []rank.Indicator
	for _, ind := range res.Indicators {
		if ind.Ranked {
			inds = append(inds, ind)
		}
	}
	last := 2 + len(inds)
	s.heading(max(last, 8), "排名矩阵:各单位在每项参与排名指标中的名次,单位按总榜顺序排列。"+tierLegend(o))

	head := styleKey{role: roleHeader}
	s.text(1, 3, "总排名", head)
	s.merge(1, 3, 1, 4, head)
	s.text(2, 3, "单位", head)
	s.merge(2, 3, 2, 4, head)
	longest := 0
	for i := 0; i < len(inds); {
		j := i
		for j < len(inds) && inds[j].Group == inds[i].Group {
			j++
		}
		s.text(3+i, 3, inds[i].Group, styleKey{role: roleGroup})
		s.merge(3+i, 3, 2+j, 3, styleKey{role: roleGroup})
		for k := i; k < j; k++ {
			s.text(3+k, 4, inds[k].Name, styleKey{role: roleVertical})
			longest = max(longest, utf8.RuneCountInString(inds[k].Name))
		}
		i = j
	}
	b.fail(b.f.SetRowHeight(s.name, 3, 30))
	// A stacked character takes about one line of the 11-point font, a
	// little more in the CJK fonts readers fall back to.
	b.fail(b.f.SetRowHeight(s.name, 4, min(409, max(60, 17*float64(longest)+12))))

	entries := make([]map[string]rank.Entry, len(inds))
	for k, ind := range inds {
		entries[k] = map[string]rank.Entry{}
		for _, e := range ind.Entries {
			entries[k][e.Unit] = e
		}
	}
	row := 5
	for _, r := range res.Overall {
		s.rankCell(1, row, r.Rank, styleKey{role: roleCenter, tier: r.Tier})
		s.text(2, row, r.Unit, styleKey{role: roleText})
		for k := range inds {
			e := entries[k][r.Unit]
			s.rankCell(3+k, row, e.Rank, styleKey{role: roleCenter, tier: e.Tier})
		}
		b.fail(b.f.SetRowHeight(s.name, row, 20))
		row++
	}
	s.limit[1] = [2]float64{7, 7}
	for k := range inds {
		s.limit[3+k] = [2]float64{4.5, 4.5}
	}
	s.finish(layout{lastCol: last, headRows: 4, keepCols: 2})
}
