package out

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
)

// writeMatrix fills 排名矩阵: units down (in 总榜 order), ranked indicators
// across under a merged row of group names, the rank in every cell, red
// for the top tier, yellow for the bottom tier and "—" for no rank. It is
// the page the meeting scans for a county's red and yellow flags.
//
// Printed, a matrix wider than a page is not squeezed onto one: it prints
// at matrixScale, a page across holding whole groups where they fit (a
// group wider than a page is split evenly, its name repeated with "(续)"),
// with the rank and unit columns repeated on every page.
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
	// Rows: the headings, the group and name rows, the units and, when
	// they do not all fit, the note that says so.
	units := res.Overall
	cut := len(units) - max(0, s.MaxRows()-s.headRow([]data.Month{res.Month})-2)
	if cut > 0 {
		units = units[:len(units)-cut]
	}
	last := 2 + len(inds)
	// The title spans at least eight columns, as the table is narrow.
	wide := max(last, min(8, s.MaxCols()))

	cellWidth, unitWidth := matrixWidths(units)
	s.Limit(1, 7, 7)
	s.Limit(2, unitWidth, unitWidth)
	for k := range inds {
		s.Limit(3+k, cellWidth, cellWidth)
	}
	scale := matrixScale(inds, len(units))
	parts, paged := matrixParts(inds, int((xlsx.PageWidth(scale)-7-unitWidth)/cellWidth))
	// Printed on several pages across, every page has the title over its
	// own columns: the rank and unit columns repeated at its left would
	// otherwise show the start of the first page's title, cut short.
	spans := [][2]int{{1, wide}}
	if paged {
		spans = matrixPages(parts)
	}
	head := s.headingOver(spans, note, res.Month) + 1
	s.matrixHeaders(head, inds, parts)
	row := head + 1
	for i, cells := range matrixGrid(units, inds) {
		s.matrixRow(row, units[i], cells)
		row++
	}
	if cut > 0 {
		s.overflow(row, wide, fmt.Sprintf("注:共 %d 个单位,超出 Excel 单表 %d 行的上限,排名最后的 %d 个单位未列出;完整名次见同时生成的 JSON 文件。",
			len(res.Overall), s.MaxRows(), cut))
	}
	l := xlsx.Layout{Cols: last, TitleRows: head - 2, HeadRows: head, KeepCols: 2}
	if paged {
		l.Scale = scale
	}
	s.SetLayout(l)
}

// matrixScale is the scale, in per cent, that a matrix wider than a page
// prints at: 90, or as much less, down to 70, as lets all its units print
// under its headings on one page tall.
func matrixScale(inds []rank.Indicator, units int) int {
	// Title, a note and a warning of up to two lines each; the group and
	// name rows.
	h := 30 + 36 + 36 + 30 + namesHeight(inds) + matrixRowPoints*float64(units)
	fit := int(xlsx.PageHeight * 95 / h) // and room for a note's line more
	if fit >= 90 || fit < 70 {
		return 90
	}
	return fit
}

// matrixRowPoints is the height of a unit's row of 排名矩阵.
const matrixRowPoints = 18

// namesHeight is the height of the row of indicator names, stacked: a
// character takes about one line of the 11-point font, a little more in
// the CJK fonts readers fall back to.
func namesHeight(inds []rank.Indicator) float64 {
	longest := 0
	for _, ind := range inds {
		longest = max(longest, utf8.RuneCountInString(ind.Name))
	}
	return min(excelize.MaxRowHeight, max(60, 17*float64(longest)+12))
}

// matrixWidths are the width of a rank's column, as narrow as the ranks
// allow (a stacked name needs about as much), and of the units' column.
func matrixWidths(units []rank.Overall) (cell, unit float64) {
	unit = 6
	for _, r := range units {
		unit = max(unit, xlsx.Width(r.Unit))
	}
	digits := len(strconv.Itoa(len(units)))
	return max(4, float64(digits)*1.1+2), min(unit, 24)
}

// matrixRow writes a unit's row of 排名矩阵: its overall rank, its name and
// its rank on each indicator.
func (s *sheet) matrixRow(row int, r rank.Overall, cells []*rank.Entry) {
	s.rankCell(1, row, r.Rank, styleKey{role: roleCenter, tier: r.Tier})
	s.Text(2, row, r.Unit, styleKey{role: roleText})
	for k, e := range cells {
		if e == nil {
			s.rankCell(3+k, row, nil, styleKey{role: roleCenter})
			continue
		}
		s.rankCell(3+k, row, e.Rank, styleKey{role: roleCenter, tier: e.Tier})
	}
	s.Height(row, matrixRowPoints)
}

// matrixPart is a run of a group's indicators, inds[from:to], under one
// merged group header; more is set on the part that continues its group,
// and page on a part that starts a printed page.
type matrixPart struct {
	from, to   int
	more, page bool
}

// matrixParts splits the indicators into their groups, and a group wider
// than perPage columns into even parts, and says which part starts a
// printed page: the first, and one that does not fit beside the parts
// before it. paged reports whether there is more than one page across.
func matrixParts(inds []rank.Indicator, perPage int) (parts []matrixPart, paged bool) {
	perPage = max(1, perPage)
	used := 0
	for i := 0; i < len(inds); {
		j := i
		for j < len(inds) && inds[j].Group == inds[i].Group {
			j++
		}
		n := (j - i + perPage - 1) / perPage
		size := (j - i + n - 1) / n
		for a := i; a < j; a += size {
			p := matrixPart{from: a, to: min(j, a+size), more: a > i}
			if used+p.to-p.from > perPage || a == 0 {
				p.page, used = true, 0
			}
			used += p.to - p.from
			paged = paged || p.page && a > 0
			parts = append(parts, p)
		}
		i = j
	}
	return parts, paged
}

// matrixPages are the columns of each printed page across, but the rank
// and unit columns repeated on each.
func matrixPages(parts []matrixPart) [][2]int {
	var pages [][2]int
	for _, p := range parts {
		if p.page {
			pages = append(pages, [2]int{3 + p.from, 2 + p.to})
		} else {
			pages[len(pages)-1][1] = 2 + p.to
		}
	}
	return pages
}

// matrixHeaders writes the two header rows of 排名矩阵, head−1 and head:
// rank and unit, and each indicator's name stacked under its group's,
// merged across each part of the group; a part that starts a printed page
// gets a page break before it.
func (s *sheet) matrixHeaders(head int, inds []rank.Indicator, parts []matrixPart) {
	top := head - 1
	hdr := styleKey{role: roleHeader}
	s.Text(1, top, "总排名", hdr)
	s.Merge(1, top, 1, head, hdr)
	s.Text(2, top, "单位", hdr)
	s.Merge(2, top, 2, head, hdr)
	for _, p := range parts {
		name := inds[p.from].Group
		if p.more {
			name += "(续)"
		}
		s.Text(3+p.from, top, name, styleKey{role: roleGroup})
		s.Merge(3+p.from, top, 2+p.to, top, styleKey{role: roleGroup})
		if p.page && p.from > 0 {
			s.BreakCol(3 + p.from)
		}
		for k := p.from; k < p.to; k++ {
			s.Text(3+k, head, inds[k].Name, styleKey{role: roleVertical})
		}
	}
	s.Height(top, 30)
	s.Height(head, namesHeight(inds))
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
