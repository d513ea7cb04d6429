package out

import (
	"fmt"
	"unicode/utf8"

	"shaipin/rank"
)

// writeMatrix fills 排名矩阵: units down (in 总榜 order), ranked indicators
// across under a merged row of group names, the rank in every cell, red
// for the top tier, yellow for the bottom tier and "—" for no rank. It is
// the page the meeting scans for a county's red and yellow flags.
func (b *book) writeMatrix() {
	res, o := b.res, b.res.Rules
	var inds []rank.Indicator
	for _, ind := range res.Indicators {
		if ind.Ranked {
			inds = append(inds, ind)
		}
	}
	// Excel's limits: 16,384 columns (two of them for rank and unit) and
	// 1,048,576 rows (four of them for the headings, one for the note that
	// says what was left out).
	note := "排名矩阵:各单位在每项参与排名指标中的名次,单位按总榜顺序排列。" + tierLegend(o)
	if room := max(1, sheetCols-2); len(inds) > room {
		note += fmt.Sprintf("共 %d 项参与排名指标,超出 Excel 单表 %d 列的上限,只列出前 %d 项,其余 %d 项见“分项排名”。",
			len(inds), sheetCols, room, len(inds)-room)
		inds = inds[:room]
	}
	units := res.Overall
	cut := len(units) - max(0, sheetRows-5)
	if cut > 0 {
		units = units[:len(units)-cut]
	}
	// grid[u][k] is the entry of unit u (in 总榜 order) on indicator k, so
	// that each pass reads the 850,000 national cells without a lookup.
	at := make(map[string]int, len(units))
	for i, r := range units {
		at[r.Unit] = i
	}
	grid := make([][]*rank.Entry, len(units))
	cells := make([]*rank.Entry, len(units)*len(inds))
	for i := range grid {
		grid[i] = cells[i*len(inds) : (i+1)*len(inds)]
	}
	for k := range inds {
		for j := range inds[k].Entries {
			if i, ok := at[inds[k].Entries[j].Unit]; ok {
				grid[i][k] = &inds[k].Entries[j]
			}
		}
	}
	last := 2 + len(inds)
	// The title spans at least eight columns, as the table is narrow.
	wide := max(last, min(8, sheetCols))

	b.write(sheetMatrix, func(s *sheet) {
		s.limit[1] = [2]float64{7, 7}
		for k := range inds {
			s.limit[3+k] = [2]float64{4.5, 4.5}
		}
		s.heading(wide, note)
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
		s.height(3, 30)
		// A stacked character takes about one line of the 11-point font, a
		// little more in the CJK fonts readers fall back to.
		s.height(4, min(maxRowHeight, max(60, 17*float64(longest)+12)))
		row := 5
		for i, r := range units {
			s.rankCell(1, row, r.Rank, styleKey{role: roleCenter, tier: r.Tier})
			s.text(2, row, r.Unit, styleKey{role: roleText})
			for k, e := range grid[i] {
				if e == nil {
					s.rankCell(3+k, row, nil, styleKey{role: roleCenter})
					continue
				}
				s.rankCell(3+k, row, e.Rank, styleKey{role: roleCenter, tier: e.Tier})
			}
			s.height(row, 20)
			row++
		}
		if cut > 0 {
			s.overflow(row, wide, fmt.Sprintf("注:共 %d 个单位,超出 Excel 单表 %d 行的上限,排名最后的 %d 个单位未列出;完整名次见同时生成的 JSON 文件。",
				len(res.Overall), sheetRows, cut))
		}
		s.finish(layout{lastCol: last, headRows: 4, keepCols: 2})
	})
}
