package data

import (
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// findAcross looks, in the first rows, for a header row of unit names
// after one or more label cells (指标 | 婺城区 | 金东区 …): a table with the
// units across the top and the indicators down the side. Most of the
// filled cells from the first unit name on must be unit names, at least
// two; the label column under it must not be.
func findAcross(rows [][]string, known func(string) bool) (hr, first int, ok bool) {
	for i := 0; i < len(rows) && i < 10; i++ {
		first, hits, filled := -1, 0, 0
		for j := 1; j < len(rows[i]); j++ {
			c := rows[i][j]
			if strings.TrimSpace(c) == "" {
				continue
			}
			isUnit := known(c)
			if first < 0 && !isUnit {
				continue // a label column: 计量单位, 分组
			}
			filled++
			if isUnit {
				hits++
				if first < 0 {
					first = j
				}
			}
		}
		if hits >= 2 && hits*2 > filled && !labelsAreUnits(rows, i, known) {
			return i, first, true
		}
	}
	return -1, -1, false
}

// labelsAreUnits reports whether the first column under row hr holds unit
// names: then row hr is not a header of units across the top.
func labelsAreUnits(rows [][]string, hr int, known func(string) bool) bool {
	units, filled := 0, 0
	for i := hr + 1; i < len(rows); i++ {
		c := cell(rows, i, 0)
		if strings.TrimSpace(c) == "" {
			continue
		}
		filled++
		if known(c) {
			units++
		}
	}
	return filled > 0 && units*2 >= filled
}

// acrossLabels are the label columns of an across table: the indicator
// name, and where present its group and unit of measure.
type acrossLabels struct {
	name, group, measure int // -1 when absent
}

// labelColumns reads the label cells of the header row, left of the units.
func labelColumns(header []string, first int) acrossLabels {
	l := acrossLabels{name: -1, group: -1, measure: -1}
	for j := 0; j < first && j < len(header); j++ {
		switch normHeader(header[j]) {
		case "指标", "指标名称", "项目", "指标项目":
			l.name = j
		case "分组", "类别", "板块":
			l.group = j
		case "单位", "计量单位":
			l.measure = j
		}
	}
	if l.name < 0 {
		// The last label column that is not a group or a measure.
		for j := first - 1; j >= 0; j-- {
			if j != l.group && j != l.measure && !notIndicatorHeaders[normHeader(header[j])] {
				l.name = j
				break
			}
		}
	}
	return l
}

// readAcross reads a table with the units across the top: each row below
// the header is an indicator. Cell references stay those of the sheet.
func (r *reader) readAcross(t *table) {
	sheet, rows, hr := t.sheet, t.rows, t.hr
	r.wide = true
	r.noteAt(sheet, hr, t.first, "", errors.New("单位在首行、指标在首列(行列转置的表),已按此读取"))
	pos := r.acrossUnits(t)
	labels := labelColumns(rows[hr], t.first)
	if labels.name < 0 {
		r.warnAt(sheet, hr, 0, "", fmt.Errorf("表中没有指标名列"))
		return
	}
	group := ""
	for i := hr + 1; i < len(rows); i++ {
		if first := firstNonEmpty(rows[i]); first == "" || isNote(first) {
			continue
		}
		if labels.group >= 0 {
			// A group cell merged down the rows of its indicators is
			// filled only in its first row.
			if g := cleanName(cell(rows, i, labels.group)); g != "" {
				group = g
			}
		}
		name, unit := splitHeader(cell(rows, i, labels.name))
		if name == "" || notIndicatorHeaders[normHeader(name)] {
			continue
		}
		if labels.measure >= 0 {
			if m := stripSpace(cell(rows, i, labels.measure)); m != "" {
				unit = m
			}
		}
		g := group
		if g == "" {
			g = cleanName(sheet)
		}
		fd := r.addIndicator(sheet, name, g, unit, i, labels.name)
		if fd == nil {
			continue
		}
		for j, k := range pos {
			if v, ok := r.value(sheet, rows, i, j, fd.ind.Unit); ok {
				fd.set(k, v)
			}
		}
	}
}

// acrossUnits resolves the unit names of the header row: column → the
// unit's position in the unit book. Totals and cells that are not unit
// names are left out with a note.
func (r *reader) acrossUnits(t *table) map[int]int {
	header := t.rows[t.hr]
	column := make([][]string, 0, len(header))
	for _, c := range header[t.first:] {
		column = append(column, []string{c})
	}
	rk := r.rowRules(column, 0, 0)
	var left leftOut
	pos, seen := map[int]int{}, map[string]int{}
	for j := t.first; j < len(header); j++ {
		kind, name := rk.kind(header[j])
		if kind != rowUnit {
			left.add(kind, t.hr, j, header[j], true)
			continue
		}
		unit, err := r.units.resolve(name)
		if err != nil {
			r.errorAt(t.sheet, t.hr, j, header[j], err)
			continue
		}
		if prev, dup := seen[unit]; dup {
			col, _ := excelize.ColumnNumberToName(prev + 1)
			r.errorAt(t.sheet, t.hr, j, header[j], fmt.Errorf("%w:「%s」已在 %s 列出现", ErrDuplicateUnit, unit, col))
			continue
		}
		seen[unit], pos[j] = j, r.units.pos[unit]
	}
	r.noteLeftOut(t.sheet, left)
	return pos
}
