package out

import (
	"fmt"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shaipin/out/xlsx"
	"shaipin/rank"
)

// writeMatrix fills 排名矩阵: units down (in 总榜 order), ranked indicators
// across under a merged row of group names, the rank in every cell, red
// for the top tier, yellow for the bottom tier and "—" for no rank. It is
// the page the meeting scans for a county's red and yellow flags.
func writeMatrix(s *sheet) {
	res := s.res
	var inds []rank.Indicator
	for _, ind := range res.Indicators {
		if ind.Ranked {
			inds = append(inds, ind)
		}
	}
	// Excel's limits: two columns are for rank and unit, four rows for
	// the headings and one for the note that says what was left out.
	note := "排名矩阵:各单位在每项参与排名指标中的名次,单位按总榜顺序排列。" + tierLegend(res.Rules)
	if room := max(1, s.MaxCols()-2); len(inds) > room {
		note += fmt.Sprintf("共 %d 项参与排名指标,超出 Excel 单表 %d 列的上限,只列出前 %d 项,其余 %d 项见“分项排名”。",
			len(inds), s.MaxCols(), room, len(inds)-room)
		inds = inds[:room]
	}
	units := res.Overall
	cut := len(units) - max(0, s.MaxRows()-5)
	if cut > 0 {
		units = units[:len(units)-cut]
	}
	last := 2 + len(inds)
	// The title spans at least eight columns, as the table is narrow.
	wide := max(last, min(8, s.MaxCols()))

	s.Limit(1, 7, 7)
	for k := range inds {
		s.Limit(3+k, 4.5, 4.5)
	}
	s.heading(wide, note)
	s.matrixHeaders(inds)
	row := 5
	for i, cells := range matrixGrid(units, inds) {
		r := units[i]
		s.rankCell(1, row, r.Rank, styleKey{role: roleCenter, tier: r.Tier})
		s.Text(2, row, r.Unit, styleKey{role: roleText})
		for k, e := range cells {
			if e == nil {
				s.rankCell(3+k, row, nil, styleKey{role: roleCenter})
				continue
			}
			s.rankCell(3+k, row, e.Rank, styleKey{role: roleCenter, tier: e.Tier})
		}
		s.Height(row, 20)
		row++
	}
	if cut > 0 {
		s.overflow(row, wide, fmt.Sprintf("注:共 %d 个单位,超出 Excel 单表 %d 行的上限,排名最后的 %d 个单位未列出;完整名次见同时生成的 JSON 文件。",
			len(res.Overall), s.MaxRows(), cut))
	}
	s.SetLayout(xlsx.Layout{Cols: last, HeadRows: 4, KeepCols: 2})
}

// matrixHeaders writes the two header rows of 排名矩阵: rank and unit, and
// each indicator's name stacked under its group's, merged across the
// group.
func (s *sheet) matrixHeaders(inds []rank.Indicator) {
	head := styleKey{role: roleHeader}
	s.Text(1, 3, "总排名", head)
	s.Merge(1, 3, 1, 4, head)
	s.Text(2, 3, "单位", head)
	s.Merge(2, 3, 2, 4, head)
	longest := 0
	for i := 0; i < len(inds); {
		j := i
		for j < len(inds) && inds[j].Group == inds[i].Group {
			j++
		}
		s.Text(3+i, 3, inds[i].Group, styleKey{role: roleGroup})
		s.Merge(3+i, 3, 2+j, 3, styleKey{role: roleGroup})
		for k := i; k < j; k++ {
			s.Text(3+k, 4, inds[k].Name, styleKey{role: roleVertical})
			longest = max(longest, utf8.RuneCountInString(inds[k].Name))
		}
		i = j
	}
	s.Height(3, 30)
	// A stacked character takes about one line of the 11-point font, a
	// little more in the CJK fonts readers fall back to.
	s.Height(4, min(excelize.MaxRowHeight, max(60, 17*float64(longest)+12)))
}

// matrixGrid is the entry of each unit (in 总榜 order) on each indicator,
// nil for none, so that the 850,000 national cells are read without a
// lookup.
func matrixGrid(units []rank.Overall, inds []rank.Indicator) [][]*rank.Entry {
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
	return grid
}
