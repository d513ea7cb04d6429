package charts

import (
	"strconv"

	"shaipin/rank"
	"shaipin/text"
)

// The 排名矩阵 on paper: the heatmap is one picture, which a page break
// cuts with no unit header on the second part, so the printed page shows
// the same cells as a table, whose header the browser repeats on every
// page.

// matrixTable is the printed 排名矩阵.
type matrixTable struct {
	Units []string
	// Narrow heads stand the unit names upright, one character per line,
	// when there are too many units for a line each.
	Narrow bool
	// Span is the table's width in columns, for the family header rows.
	Span int
	Rows []matrixTableRow
}

// matrixTableRow is a family's header row (Group) or an indicator's row.
type matrixTableRow struct {
	Name  string
	Group bool
	Cells []matrixTableCell
}

type matrixTableCell struct{ Text, Class string }

// narrowMatrixUnits is the most units whose names fit across a printed
// page side by side.
const narrowMatrixUnits = 12

// newMatrixTable lays out the cells of m (units across, in units' order)
// as a table.
func newMatrixTable(m matrixCells, units []string) *matrixTable {
	t := &matrixTable{Units: units, Narrow: len(units) > narrowMatrixUnits, Span: len(units) + 1, Rows: make([]matrixTableRow, len(m.heads))}
	for y, h := range m.heads {
		t.Rows[y] = matrixTableRow{Name: h.Name, Group: h.Group}
		if !h.Group {
			t.Rows[y].Cells = make([]matrixTableCell, len(units))
		}
	}
	tiers := []rank.Tier{rank.Top, rank.Middle, rank.Bottom, rank.None}
	for k, cells := range m.tiers {
		class := text.StyleOf(tiers[k]).Class
		for _, c := range cells {
			v := c.Value.([]int)
			cell := matrixTableCell{Text: strconv.Itoa(v[2]), Class: class}
			if tiers[k] == rank.None {
				cell.Text = "—"
			}
			t.Rows[v[1]].Cells[v[0]] = cell
		}
	}
	return t
}
