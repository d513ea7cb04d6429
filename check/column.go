package check

import (
	"strconv"
	"strings"

	"shaipin/data"
)

// entry is one unit's reported figure in a column.
type entry struct {
	unit string
	v    data.Value
}

func (e entry) x() float64 { return e.v.Number }

// column is an indicator's reported, finite figures in unit order.
type column struct {
	p       *data.Period
	ind     *data.Indicator
	sheets  []string
	entries []entry
}

func (r *run) newColumn(p *data.Period, ind *data.Indicator) *column {
	c := &column{p: p, ind: ind, sheets: r.sheets[p.File], entries: make([]entry, 0, len(ind.Values))}
	for k, v := range ind.Values {
		if v.OK && finite(v.Number) {
			c.entries = append(c.entries, entry{unit: p.Units[k], v: v})
		}
	}
	return c
}

// numbers returns the figures of es.
func numbers(es []entry) []float64 {
	xs := make([]float64, len(es))
	for i, e := range es {
		xs[i] = e.x()
	}
	return xs
}

// at makes a finding about one unit's figure.
func (c *column) at(kind Kind, e entry, reason string) *Finding {
	f := c.finding(kind, e.v.Cell, reason)
	f.Value = data.Fixed(e.v.Number, e.v.Decimals)
	f.Units = []string{e.unit}
	return f
}

// whole makes a finding about the column, placed at the range of its
// reported cells; units are those it blames, if any.
func (c *column) whole(kind Kind, units []string, reason string) *Finding {
	f := c.finding(kind, span(c.entries), reason)
	f.Units = units
	return f
}

func (c *column) finding(kind Kind, where, reason string) *Finding {
	f := &Finding{Kind: kind, Period: c.p.Month, File: c.p.File, Group: c.ind.Group,
		Indicator: c.ind.Name, Reason: reason, sheets: c.sheets}
	if i := strings.LastIndexByte(where, '!'); i >= 0 {
		f.Sheet, f.Cell = where[:i], where[i+1:]
	}
	return f
}

// span is the range of the entries' cells, "城市更新!D3:D12", when they lie
// in one column of one sheet (as a column of a wide table or the 数值 column
// of a long one does); otherwise the first cell.
func span(es []entry) string {
	if len(es) == 0 {
		return ""
	}
	first := es[0].v.Cell
	sheet, ref := splitCell(first)
	col, top, ok := splitRef(ref)
	if !ok {
		return first
	}
	bottom := top
	for _, e := range es[1:] {
		s, r := splitCell(e.v.Cell)
		c, row, ok := splitRef(r)
		if !ok || s != sheet || c != col {
			return first
		}
		top, bottom = min(top, row), max(bottom, row)
	}
	if top == bottom {
		return first
	}
	return sheet + "!" + col + strconv.Itoa(top) + ":" + col + strconv.Itoa(bottom)
}

func splitCell(cell string) (sheet, ref string) {
	i := strings.LastIndexByte(cell, '!')
	if i < 0 {
		return "", cell
	}
	return cell[:i], cell[i+1:]
}

// splitRef splits "D12" into "D" and 12.
func splitRef(ref string) (col string, row int, ok bool) {
	i := strings.IndexAny(ref, "0123456789")
	if i <= 0 {
		return "", 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	return ref[:i], row, err == nil
}
