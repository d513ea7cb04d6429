package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"golang.org/x/text/width"
)

// indicatorMeta is one row of 指标说明.
type indicatorMeta struct {
	name, group, unit string
	hasUnit           bool
	direction         Direction
	weight            float64
	decimals          int
	ranked, schedule  bool
	target            *float64
	lower, upper      Limit
	row, col          int // position of the 指标 cell
	used              bool
}

var (
	higherWords = map[string]bool{wordHigher: true, "正向指标": true, "越大越好": true, "正": true, "高": true, "越高越好": true}
	lowerWords  = map[string]bool{wordLower: true, "逆向指标": true, "反向指标": true, "越小越好": true, "逆": true, "反向": true, "低": true, "越低越好": true}
	yesWords    = map[string]bool{wordYes: true, "Y": true, "y": true, "1": true, "√": true, "YES": true, "yes": true}
	noWords     = map[string]bool{wordNo: true, "N": true, "n": true, "0": true, "×": true, "NO": true, "no": true}
	// unboundedWords lift a default limit: 上限 不限 lets a rate exceed 100.
	unboundedWords = map[string]bool{unboundedWord: true, "无": true, "无限制": true, "不设": true}
)

// readMeta reads 指标说明: the metaColumns, 目标值, 下限 and 上限.
func (r *reader) readMeta(sheet string) {
	rows, _ := r.rows(sheet)
	hr, cols := headerIndex(rows, colIndicator)
	if hr < 0 {
		hr, cols = headerIndex(rows, "指标名称")
		if hr >= 0 {
			cols[colIndicator] = cols["指标名称"]
		}
	}
	if hr < 0 {
		r.errorAt(sheet, -1, -1, "", fmt.Errorf("找不到表头「%s」", colIndicator))
		return
	}
	seen := map[string]int{}
	for i := hr + 1; i < len(rows); i++ {
		name, _ := fetch(rows, i, cols, colIndicator)
		name, _ = splitHeader(name)
		if name == "" {
			continue
		}
		m := &indicatorMeta{name: name, direction: Higher, weight: 1, decimals: -1, ranked: true, row: i, col: cols[colIndicator]}
		m.group, _ = fetch(rows, i, cols, colGroup, "类别")
		m.group = cleanName(m.group)
		if u, j := fetch(rows, i, cols, colMeasure, "计量单位"); j >= 0 && u != "" {
			m.unit, m.hasUnit = width.Narrow.String(stripSpace(u)), true
		}
		if d, j := fetch(rows, i, cols, colDirection); d != "" {
			switch w := stripSpace(d); {
			case higherWords[w]:
			case lowerWords[w]:
				m.direction = Lower
			default:
				r.errorAt(sheet, i, j, d, ErrBadDirection)
			}
		}
		if w, j := fetch(rows, i, cols, colWeight); w != "" {
			f, err := strconv.ParseFloat(width.Narrow.String(stripSpace(w)), 64)
			if err != nil || f < 0 || f != f {
				r.errorAt(sheet, i, j, w, ErrBadWeight)
			} else {
				m.weight = f
			}
		}
		if d, j := fetch(rows, i, cols, colDecimals, "小数位数"); d != "" {
			n, err := strconv.Atoi(width.Narrow.String(stripSpace(d)))
			if err != nil || n < 0 || n > 10 {
				r.errorAt(sheet, i, j, d, ErrBadDecimals)
			} else {
				m.decimals = n
			}
		}
		m.ranked = r.yesNoCell(sheet, rows, i, cols, colRanked, true)
		m.schedule = r.yesNoCell(sheet, rows, i, cols, colSchedule, false)
		if t, j := fetch(rows, i, cols, colTarget); t != "" {
			// read like a data cell: 50% in a percentage cell is 50
			if v, ok := r.value(sheet, rows, i, j, m.unit); ok {
				m.target = &v.Number
			}
		}
		m.lower, m.upper = r.limits(sheet, rows, i, cols)
		key := m.group + "/" + m.name
		if prev, dup := seen[key]; dup {
			r.errorAt(sheet, i, m.col, name, fmt.Errorf("%w(第 %d 行已有)", ErrDuplicateInd, prev+1))
			continue
		}
		seen[key] = i
		r.meta = append(r.meta, m)
	}
}

func (r *reader) yesNoCell(sheet string, rows [][]string, i int, cols map[string]int, col string, def bool) bool {
	v, j := fetch(rows, i, cols, col)
	w := stripSpace(v)
	switch {
	case w == "":
		return def
	case yesWords[w]:
		return true
	case noWords[w]:
		return false
	}
	r.errorAt(sheet, i, j, v, fmt.Errorf("%s%w", col, ErrBadYesNo))
	return def
}

// limits reads 下限 and 上限 of one row; a lower limit above the upper one
// is an error on 上限.
func (r *reader) limits(sheet string, rows [][]string, i int, cols map[string]int) (lower, upper Limit) {
	lower = r.limit(sheet, rows, i, cols, colLower, math.Inf(-1))
	upper = r.limit(sheet, rows, i, cols, colUpper, math.Inf(1))
	if lower.Set && upper.Set && lower.Value > upper.Value {
		raw, j := fetch(rows, i, cols, colUpper)
		r.errorAt(sheet, i, j, raw, fmt.Errorf("%w:上限小于下限", ErrBadLimit))
		return Limit{}, Limit{}
	}
	return lower, upper
}

// limit reads one limit cell: blank or a dash leaves it unset, 不限 sets it
// to unbounded, a number (100, "100%", or 100% typed into a cell formatted
// as a percentage) sets it.
func (r *reader) limit(sheet string, rows [][]string, i int, cols map[string]int, col string, unbounded float64) Limit {
	raw, j := fetch(rows, i, cols, col)
	if raw == "" {
		return Limit{}
	}
	if unboundedWords[width.Narrow.String(stripSpace(raw))] {
		return Limit{Set: true, Value: unbounded}
	}
	ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
	var p parsedValue
	var err error
	if numeric(raw) && r.hasPercentStyles() && r.isPercent(sheet, ref) {
		p, err = parseNumber(raw, true)
	} else {
		p, err = parseText(raw, "")
	}
	if err != nil {
		r.errorAt(sheet, i, j, raw, ErrBadLimit)
		return Limit{}
	}
	if p.missing {
		return Limit{}
	}
	return Limit{Set: true, Value: p.number}
}

// metaFor finds the 指标说明 row for an indicator: by name and group, or by
// name alone when the row leaves 分组 blank.
func (r *reader) metaFor(name, group string) *indicatorMeta {
	var byName *indicatorMeta
	for _, m := range r.meta {
		if m.name != name {
			continue
		}
		if m.group == group {
			return m
		}
		if m.group == "" && byName == nil {
			byName = m
		}
	}
	return byName
}

// applyMeta sets an indicator's rules from 指标说明, warning where its unit
// disagrees with the header's.
func (r *reader) applyMeta(ind *Indicator, sheet string, row, col int) {
	m := r.metaFor(ind.Name, ind.Group)
	if m == nil {
		return
	}
	m.used = true
	ind.Direction, ind.Weight, ind.Decimals = m.direction, m.weight, m.decimals
	ind.Ranked, ind.Schedule, ind.Target = m.ranked, m.schedule, m.target
	ind.Lower, ind.Upper = m.lower, m.upper
	if m.hasUnit {
		if ind.Unit != "" && !strings.EqualFold(ind.Unit, m.unit) {
			r.warnAt(sheet, row, col, "", fmt.Errorf("表头单位「%s」与指标说明中的「%s」不一致,按指标说明", ind.Unit, m.unit))
		}
		ind.Unit = m.unit
	}
}
