package data

import (
	"fmt"
	"strconv"
	"strings"

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
	row, col          int // position of the 指标 cell
	used              bool
}

var (
	higherWords = map[string]bool{"正向": true, "正向指标": true, "越大越好": true, "正": true, "高": true, "越高越好": true}
	lowerWords  = map[string]bool{"逆向": true, "逆向指标": true, "反向指标": true, "越小越好": true, "逆": true, "反向": true, "低": true, "越低越好": true}
	yesWords    = map[string]bool{"是": true, "Y": true, "y": true, "1": true, "√": true, "YES": true, "yes": true}
	noWords     = map[string]bool{"否": true, "N": true, "n": true, "0": true, "×": true, "NO": true, "no": true}
)

// readMeta reads 指标说明: 指标, 分组, 单位, 方向, 权重, 小数位, 参与排名, 时序进度.
func (r *reader) readMeta(sheet string) {
	rows, _ := r.rows(sheet)
	hr, cols := headerIndex(rows, "指标")
	if hr < 0 {
		hr, cols = headerIndex(rows, "指标名称")
		if hr >= 0 {
			cols["指标"] = cols["指标名称"]
		}
	}
	if hr < 0 {
		r.errorAt(sheet, -1, -1, "", fmt.Errorf("找不到表头「指标」"))
		return
	}
	seen := map[string]int{}
	for i := hr + 1; i < len(rows); i++ {
		name, _ := fetch(rows, i, cols, "指标")
		name, _ = splitHeader(name)
		if name == "" {
			continue
		}
		m := &indicatorMeta{name: name, direction: Higher, weight: 1, decimals: -1, ranked: true, row: i, col: cols["指标"]}
		m.group, _ = fetch(rows, i, cols, "分组", "类别")
		m.group = cleanName(m.group)
		if u, j := fetch(rows, i, cols, "单位", "计量单位"); j >= 0 && u != "" {
			m.unit, m.hasUnit = width.Narrow.String(stripSpace(u)), true
		}
		if d, j := fetch(rows, i, cols, "方向"); d != "" {
			switch w := stripSpace(d); {
			case higherWords[w]:
			case lowerWords[w]:
				m.direction = Lower
			default:
				r.errorAt(sheet, i, j, d, ErrBadDirection)
			}
		}
		if w, j := fetch(rows, i, cols, "权重"); w != "" {
			f, err := strconv.ParseFloat(width.Narrow.String(stripSpace(w)), 64)
			if err != nil || f < 0 || f != f {
				r.errorAt(sheet, i, j, w, ErrBadWeight)
			} else {
				m.weight = f
			}
		}
		if d, j := fetch(rows, i, cols, "小数位", "小数位数"); d != "" {
			n, err := strconv.Atoi(width.Narrow.String(stripSpace(d)))
			if err != nil || n < 0 || n > 10 {
				r.errorAt(sheet, i, j, d, ErrBadDecimals)
			} else {
				m.decimals = n
			}
		}
		m.ranked = r.yesNo(sheet, rows, i, cols, "参与排名", true)
		m.schedule = r.yesNo(sheet, rows, i, cols, "时序进度", false)
		key := m.group + "/" + m.name
		if prev, dup := seen[key]; dup {
			r.errorAt(sheet, i, m.col, name, fmt.Errorf("%w(第 %d 行已有)", ErrDuplicateInd, prev+1))
			continue
		}
		seen[key] = i
		r.meta = append(r.meta, m)
	}
}

func (r *reader) yesNo(sheet string, rows [][]string, i int, cols map[string]int, col string, def bool) bool {
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
	ind.Ranked, ind.Schedule = m.ranked, m.schedule
	if m.hasUnit {
		if ind.Unit != "" && !strings.EqualFold(ind.Unit, m.unit) {
			r.warnAt(sheet, row, col, "", fmt.Errorf("表头单位「%s」与指标说明中的「%s」不一致,按指标说明", ind.Unit, m.unit))
		}
		ind.Unit = m.unit
	}
}
