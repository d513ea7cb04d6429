package docx

import (
	"shaipin/textwidth"

	gdocx "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Column widths follow each column's widest cell, in half-width cells,
// counted within these bounds: a column of long warnings must not squeeze
// a column of unit names to one character a line.
const (
	minColumnCells = 4
	maxColumnCells = 40
	// A column whose cells are all at most 6 字 is centred, a wider one set
	// flush left, as 公文 tables usually are.
	centredCells = 12
	// halfCharWidth is a half-width character of 4号 (7 pt) in twips;
	// cellMargin the left (and right) cell margin of the template's Table
	// Grid style; cellPadding both margins and some slack.
	halfCharWidth = size4 / 2 * 20 / 2
	cellMargin    = 108
	cellPadding   = 2*cellMargin + 44
)

// table adds t across the type area with a fixed grid, so that Word, WPS
// and LibreOffice break the cells' lines alike. A table without rows is
// left out: Word refuses a table without rows.
func (b *builder) table(t Table) {
	widest := widestCells(t)
	if len(widest) == 0 {
		return
	}
	if t.Title != "" {
		b.para(styleTableTitle, t.Title)
	}
	widths := columnWidths(widest)
	tbl := b.rd.AddTable()
	tbl.Style("TableGrid") // the template's single ½ pt rules
	tbl.Width(typeWidth, stypes.TableWidthDxa)
	tbl.Layout(stypes.TableLayoutFixed)
	tbl.Grid(widths...)
	// Word 2010 layout (the template's compatibility mode) puts the cells'
	// text, not their borders, on the margin; indent the table by the cell
	// margin so that its rules line up with the type area.
	tbl.GetCT().TableProp.Indent = ctypes.NewTableWidth(cellMargin, stypes.TableWidthDxa)
	if len(t.Header) > 0 {
		// Repeated on every page the table runs onto.
		row(tbl, t.Header, widths, styleTableHeader, nil).Header = &ctypes.OnOff{}
	}
	flushLeft := make([]bool, len(widest))
	for i, w := range widest {
		flushLeft[i] = w > centredCells
	}
	for _, r := range t.Rows {
		row(tbl, r, widths, styleTableText, flushLeft)
	}
}

// row adds one row with a cell per column, kept on one page, and returns
// its properties.
func row(tbl *gdocx.Table, cells []string, widths []uint64, style string, flushLeft []bool) *ctypes.RowProperty {
	r := tbl.AddRow()
	for i, w := range widths {
		c := r.AddCell().VerticalAlign("center").Width(int(w), stypes.TableWidthDxa)
		p := c.AddEmptyPara()
		p.Style(style)
		if i < len(cells) && cells[i] != "" {
			addText(p, cells[i])
		}
		if flushLeft != nil && flushLeft[i] {
			p.Justification(stypes.JustificationLeft)
		}
	}
	rows := tbl.GetCT().RowContents
	prop := rows[len(rows)-1].Row.Property
	prop.CantSplit = &ctypes.OnOff{}
	return prop
}

// widestCells is, for each column, the width of its widest cell (header
// included) in half-width cells; the table has as many columns as its
// longest row.
func widestCells(t Table) []int {
	var widest []int
	for _, r := range append([][]string{t.Header}, t.Rows...) {
		for i, c := range r {
			if i == len(widest) {
				widest = append(widest, 0)
			}
			widest[i] = max(widest[i], textwidth.Of(c))
		}
	}
	return widest
}

// columnWidths shares the type area's width among the columns, in twips.
// Each column needs its widest cell on one line. If all needs fit, every
// column gets its need scaled up to fill the line. If not, the columns
// whose need is within an equal share of what is left get it, and the
// wider ones share the rest in proportion to their needs, wrapping.
func columnWidths(widest []int) []uint64 {
	need := make([]int, len(widest))
	for i, w := range widest {
		need[i] = min(max(w, minColumnCells), maxColumnCells)*halfCharWidth + cellPadding
	}
	widths := make([]int, len(need))
	wide, left := fitNarrow(need, widths)
	if len(wide) == 0 {
		wide, left = make([]int, len(need)), typeWidth
		for i := range wide {
			wide[i] = i
		}
	}
	total := 0
	for _, i := range wide {
		total += need[i]
	}
	for _, i := range wide {
		widths[i] = left * need[i] / total
	}
	return exactly(widths)
}

// fitNarrow gives each column whose need is within an equal share of the
// width still free its need, repeatedly; it returns the columns left over
// and the width they have to share.
func fitNarrow(need, widths []int) (wide []int, left int) {
	left = typeWidth
	for i := range need {
		wide = append(wide, i)
	}
	for fitted := true; fitted && len(wide) > 0; {
		fitted = false
		share, rest := left/len(wide), wide[:0:0]
		for _, i := range wide {
			if need[i] > share {
				rest = append(rest, i)
				continue
			}
			widths[i], left, fitted = need[i], left-need[i], true
		}
		wide = rest
	}
	return wide, left
}

// exactly returns widths with the rounding added to the last column, so
// that the grid is exactly as wide as the table.
func exactly(widths []int) []uint64 {
	out := make([]uint64, len(widths))
	sum := 0
	for i, w := range widths {
		out[i], sum = uint64(w), sum+w
	}
	out[len(out)-1] += uint64(typeWidth - sum)
	return out
}
