package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// longPeriod is one period being read from long-format sheets.
type longPeriod struct {
	p     *Period
	found map[string]*found
}

// longCols are the columns of a long-format table.
type longCols struct {
	period, unit, name, value int
	group, measure            int // -1 when absent
}

// longHeader recognises the shape data systems export — one row per
// (期间, 单位, 指标, 数值) — from the header row.
func longHeader(header []string, unitCol int) (longCols, bool) {
	c := longCols{period: -1, unit: unitCol, name: -1, value: -1, group: -1, measure: -1}
	for j, h := range header {
		switch normHeader(h) {
		case "期间", "期别", "月份", "统计期间":
			c.period = j
		case "指标", "指标名称":
			c.name = j
		case "数值", "值", "指标值":
			c.value = j
		case "分组", "类别":
			c.group = j
		case "计量单位":
			c.measure = j
		}
	}
	return c, c.period >= 0 && c.name >= 0 && c.value >= 0
}

// readLongSheet reads a long-format table into one period per 期间.
func (r *reader) readLongSheet(sheet string, rows [][]string, hr int, c longCols) {
	seen := map[string]int{} // period/key/unit → row
	rk := r.rowRules(rows, hr+1, c.unit)
	var left leftOut
	defer func() { r.noteLeftOut(sheet, left) }()
	for i := hr + 1; i < len(rows); i++ {
		if first := firstNonEmpty(rows[i]); first == "" || isNote(first) {
			continue
		}
		typed := cell(rows, i, c.unit)
		kind, unitName := rk.kind(typed)
		if kind != rowUnit {
			left.add(kind, i, c.unit, typed, rowHasNumber([]string{cell(rows, i, c.value)}, -1))
			continue
		}
		rawPeriod := strings.TrimSpace(cell(rows, i, c.period))
		period, err := r.periodCell(sheet, i, c.period, rawPeriod)
		if err != nil {
			r.errorAt(sheet, i, c.period, rawPeriod, err)
			continue
		}
		unit, err := r.units.resolve(unitName)
		if err != nil {
			r.errorAt(sheet, i, c.unit, typed, err)
			continue
		}
		name, measure := splitHeader(cell(rows, i, c.name))
		if name == "" {
			r.errorAt(sheet, i, c.name, "", fmt.Errorf("指标名为空"))
			continue
		}
		if c.measure >= 0 {
			if m := strings.TrimSpace(cell(rows, i, c.measure)); m != "" {
				measure = m
			}
		}
		group := cleanName(sheet)
		if c.group >= 0 {
			if g := cleanName(cell(rows, i, c.group)); g != "" {
				group = g
			}
		}
		lp := r.long[period]
		if lp == nil {
			lp = &longPeriod{p: &Period{Month: period, File: r.file}, found: map[string]*found{}}
			r.long[period] = lp
		}
		key := group + "/" + name
		fd := lp.found[key]
		if fd == nil {
			fd = r.newFound(sheet, name, group, measure, i, c.name)
			lp.found[key] = fd
			lp.p.Indicators = append(lp.p.Indicators, fd.ind)
		}
		dupKey := period.String() + "/" + key + "/" + unit
		if prev, dup := seen[dupKey]; dup {
			r.errorAt(sheet, i, c.unit, typed, fmt.Errorf("%w:%s「%s」已在第 %d 行出现", ErrDuplicateUnit, period, name, prev+1))
			continue
		}
		seen[dupKey] = i
		if v, ok := r.value(sheet, rows, i, c.value, fd.ind.Unit); ok {
			fd.set(r.units.pos[unit], v)
		}
	}
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
