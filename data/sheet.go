package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// column is an indicator column of a data sheet.
type column struct {
	col int
	fd  *found
}

// readWide reads a wide table: titles, a header (one or two rows), unit
// rows.
func (r *reader) readWide(t *table) {
	sheet, rows, hr, unitCol := t.sheet, t.rows, t.hr, t.unitCol
	r.wide = true
	r.guessed = r.guessed || (!t.byHeader && !r.units.closed)
	groupOf, nameRow := r.groupHeader(sheet, rows, hr, unitCol)
	var cols []column
	width := 0
	for i := hr; i <= nameRow; i++ {
		width = max(width, len(rows[i]))
	}
	for j := 0; j < width; j++ {
		if j == unitCol {
			continue
		}
		header, group, hrow := cell(rows, nameRow, j), groupOf[j], nameRow
		if nameRow > hr && strings.TrimSpace(header) == "" {
			// A column whose header spans both rows (vertically merged).
			header, group, hrow = cell(rows, hr, j), "", hr
		}
		if nameRow > hr && group == "" && strings.TrimSpace(cell(rows, hr, j)) != "" && hrow == nameRow {
			group = cleanName(cell(rows, hr, j))
		}
		name, unit := splitHeader(header)
		if name == "" || notIndicatorHeaders[normHeader(name)] {
			continue
		}
		if group == "" {
			group = cleanName(sheet)
		}
		if fd := r.addIndicator(sheet, name, group, unit, hrow, j); fd != nil {
			cols = append(cols, column{col: j, fd: fd})
		}
	}
	r.readUnitRows(t, nameRow+1, cols)
	if len(cols) == 0 {
		r.warnAt(sheet, hr, unitCol, "", fmt.Errorf("表中没有指标列"))
	}
}

// newFound makes an indicator whose name is in the cell at (row, col),
// with its rules from 指标说明.
func (r *reader) newFound(sheet, name, group, unit string, row, col int) *found {
	ind := &Indicator{Name: name, Group: group, Unit: unit, Direction: Higher, Weight: 1,
		Decimals: -1, Ranked: true, Sheet: sheet}
	r.applyMeta(ind, sheet, row, col)
	ref, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return &found{ind: ind, cell: sheet + "!" + ref}
}

// addIndicator adds an indicator of the period's wide tables; nil when
// its group already has one of that name (an error).
func (r *reader) addIndicator(sheet, name, group, unit string, row, col int) *found {
	fd := r.newFound(sheet, name, group, unit, row, col)
	key := fd.ind.Key()
	if prev, dup := r.found[key]; dup {
		r.errorAt(sheet, row, col, name, fmt.Errorf("%w:「%s」已在 %s 出现", ErrDuplicateInd, name, prev.cell))
		return nil
	}
	r.found[key] = fd
	r.period.Indicators = append(r.period.Indicators, fd.ind)
	return fd
}

// readUnitRows reads the rows of a wide table from row from on: each
// names a unit in the unit column, or is a note, a total or not a unit.
func (r *reader) readUnitRows(t *table, from int, cols []column) {
	sheet, rows, unitCol := t.sheet, t.rows, t.unitCol
	rk := r.rowRules(rows, from, unitCol)
	for _, c := range cols {
		// A value per row at most: grown once, not row by row.
		c.fd.values = slices.Grow(c.fd.values, max(len(r.units.order), len(rows)-from))
	}
	var left leftOut
	seen := map[string]int{}
	for i := from; i < len(rows); i++ {
		if first := firstNonEmpty(rows[i]); first == "" || isNote(first) {
			continue
		}
		typed := cell(rows, i, unitCol)
		kind, name := rk.kind(typed)
		if kind != rowUnit {
			left.add(kind, i, unitCol, typed, rowHasNumber(rows[i], unitCol))
			continue
		}
		unit, err := r.units.resolve(name)
		if err != nil {
			r.errorAt(sheet, i, unitCol, typed, err)
			continue
		}
		if prev, dup := seen[unit]; dup {
			r.errorAt(sheet, i, unitCol, typed, fmt.Errorf("%w:「%s」已在第 %d 行出现", ErrDuplicateUnit, unit, prev+1))
			continue
		}
		seen[unit] = i
		for _, c := range cols {
			v, ok := r.value(sheet, rows, i, c.col, c.fd.ind.Unit)
			if ok {
				c.fd.set(r.units.pos[unit], v)
			}
		}
	}
	r.noteLeftOut(sheet, left)
}

// findUnitColumn finds the header row and the unit column: the first cell
// headed 地区, 单位, 县(市、区)… (byHeader); failing that, the first column
// whose non-empty cells are mostly text.
func findUnitColumn(rows [][]string) (row, col int, byHeader bool) {
	for i, r := range rows {
		for j, c := range r {
			if isUnitHeader(c) {
				return i, j, true
			}
		}
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	for j := 0; j < width; j++ {
		text, filled := 0, 0
		for i := range rows {
			c := cell(rows, i, j)
			if strings.TrimSpace(c) == "" {
				continue
			}
			filled++
			if _, err := parseText(c, ""); err != nil {
				text++
			}
		}
		if filled == 0 || text*2 <= filled {
			continue
		}
		// The header is the first row with two filled cells, one of them
		// text outside the unit column; title rows have a single cell.
		for i, r := range rows {
			n, text := 0, false
			for k, c := range r {
				if strings.TrimSpace(c) == "" {
					continue
				}
				n++
				if _, err := parseText(c, ""); err != nil && k != j {
					text = true
				}
			}
			if n >= 2 && text {
				return i, j, false
			}
		}
	}
	return -1, -1, false
}

// groupHeader looks for merged cells on the header row spanning several
// columns: they make it a two-row header whose top row names groups. It
// returns each column's group and the row holding indicator names.
func (r *reader) groupHeader(sheet string, rows [][]string, hr, unitCol int) (map[int]string, int) {
	groups := map[int]string{}
	if hr+1 >= len(rows) || !mayBeHeader(rows[hr+1], unitCol) {
		return groups, hr
	}
	ranges := r.info.merges
	if !r.info.known {
		merges, err := r.f.GetMergeCells(sheet, true)
		if err != nil {
			r.brokenSheet(sheet)
			return groups, hr
		}
		for _, m := range merges {
			ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
		}
	}
	for _, ref := range ranges {
		start, end, _ := strings.Cut(ref, ":")
		if end == "" {
			end = start
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(start)
		c2, r2, err2 := excelize.CellNameToCoordinates(end)
		if err1 != nil || err2 != nil || r1 != hr+1 || c2 == c1 || r2 != r1 {
			continue
		}
		if unitCol+1 >= c1 && unitCol+1 <= c2 {
			continue
		}
		g := cleanName(cell(rows, r1-1, c1-1))
		for c := c1; c <= c2; c++ {
			groups[c-1] = g
		}
	}
	if len(groups) == 0 {
		return groups, hr
	}
	return groups, hr + 1
}

// mayBeHeader reports whether the row under a header could be its second
// row: it holds text (not numbers) outside the unit column, and no unit.
func mayBeHeader(row []string, unitCol int) bool {
	if unitCol < len(row) && strings.TrimSpace(row[unitCol]) != "" {
		return false
	}
	for j, c := range row {
		if j == unitCol || strings.TrimSpace(c) == "" {
			continue
		}
		if p, err := parseText(c, ""); err != nil && !p.missing {
			return true
		}
	}
	return false
}

func firstNonEmpty(row []string) string {
	for _, c := range row {
		if s := strings.TrimSpace(c); s != "" {
			return s
		}
	}
	return ""
}

// value reads one value cell. Numeric cells keep what Excel shows, scaled
// ×100 when formatted as a percentage; text is read by parseText; a
// formula without a cached value is computed.
func (r *reader) value(sheet string, rows [][]string, i, j int, unit string) (Value, bool) {
	raw := cell(rows, i, j)
	ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
	if strings.TrimSpace(raw) == "" {
		if r.info.known && !r.info.formulas {
			return Value{}, false
		}
		formula, err := r.f.GetCellFormula(sheet, ref)
		if err != nil {
			r.brokenSheet(sheet)
		}
		if formula == "" {
			return Value{}, false
		}
		calc, err := r.f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil || strings.HasPrefix(calc, "#") {
			r.errorAt(sheet, i, j, "="+formula, fmt.Errorf("%w:%s", ErrFormula, firstLine(calc, err)))
			return Value{}, false
		}
		raw = calc
	}
	var (
		p   parsedValue
		err error
	)
	if !r.hasPercentStyles() {
		// No cell can be %-formatted, so a number needs no lookup of its
		// type: text and numbers read alike, except that Excel stores
		// numbers to 17 significant digits and shows 15.
		if numeric(raw) {
			if significantDigits(raw) > 15 || strings.ContainsAny(raw, "eE") {
				p, err = parseNumber(raw, false)
			} else {
				p, err = parseText(raw, unit)
			}
		} else {
			p, err = parseText(raw, unit)
		}
		return r.finishValue(sheet, i, j, ref, raw, unit, p, err)
	}
	typ, err := r.f.GetCellType(sheet, ref)
	if err != nil {
		r.brokenSheet(sheet)
	}
	switch typ {
	case excelize.CellTypeError:
		err = ErrFormulaError
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		if _, perr := strconv.ParseFloat(raw, 64); perr == nil {
			p, err = parseNumber(raw, r.isPercent(sheet, ref))
			break
		}
		p, err = parseText(raw, unit)
	default:
		p, err = parseText(raw, unit)
	}
	return r.finishValue(sheet, i, j, ref, raw, unit, p, err)
}

func (r *reader) finishValue(sheet string, i, j int, ref, raw, unit string, p parsedValue, err error) (Value, bool) {
	if err != nil {
		r.errorAt(sheet, i, j, raw, describe(err, unit))
		return Value{}, false
	}
	if p.missing {
		return Value{}, false
	}
	return Value{OK: true, Number: p.number, Decimals: p.decimals, Cell: sheet + "!" + ref}, true
}

// numeric reports whether a stored value is a plain number (as Excel
// stores numbers: digits, sign, point, exponent).
func numeric(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.', c == '-', c == '+', c == 'E', c == 'e':
		default:
			return false
		}
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// significantDigits counts the digits of a number's mantissa, leading
// zeros excluded.
func significantDigits(s string) int {
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		s = s[:i]
	}
	n, leading := 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		if leading && c == '0' {
			continue
		}
		leading = false
		n++
	}
	return n
}

func firstLine(s string, err error) string {
	if err != nil {
		s = err.Error()
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// isPercent reports whether a cell's number format shows a percentage.
func (r *reader) isPercent(sheet, ref string) bool {
	id, err := r.f.GetCellStyle(sheet, ref)
	if err != nil {
		r.brokenSheet(sheet)
	}
	if err != nil || id == 0 {
		return false
	}
	if p, ok := r.percentOf[id]; ok {
		return p
	}
	p := false
	if st, err := r.f.GetStyle(id); err == nil {
		switch {
		case st.NumFmt == 9 || st.NumFmt == 10:
			p = true
		case st.CustomNumFmt != nil:
			p = percentFormat(*st.CustomNumFmt)
		}
	}
	r.percentOf[id] = p
	return p
}

// percentFormat reports whether a number format code has a % outside quotes
// and escapes.
func percentFormat(code string) bool {
	quoted := false
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			quoted = !quoted
		case '\\':
			i++
		case '%':
			if !quoted {
				return true
			}
		}
	}
	return false
}

// assemble places every value of a period in unit order and runs the
// checks that need the whole period.
func (r *reader) assemble(p *Period, found map[string]*found) {
	p.Units = append([]string(nil), r.units.order...)
	for _, ind := range p.Indicators {
		fd := found[ind.Key()]
		ind.Values = make([]Value, len(p.Units))
		allSmall, any := true, false
		for k := range p.Units {
			if v := fd.get(k); v.OK {
				ind.Values[k] = v
				any = true
				if v.Number > 1 || v.Number < -1 {
					allSmall = false
				}
			}
		}
		if ind.Unit == "%" && any && allSmall {
			r.warnAt(ind.Sheet, -1, -1, "", fmt.Errorf("指标「%s」单位为 %% 但所有数值都不大于 1,是否把 52.7%% 填成了 0.527?", ind.Name))
		}
	}
	sum, ranked := 0.0, 0
	for _, ind := range p.Indicators {
		if ind.Ranked {
			sum += ind.Weight
			ranked++
		}
	}
	if ranked > 0 && sum == 0 {
		r.errorAt(SheetIndicators, -1, -1, "", ErrZeroWeights)
	}
	if len(p.Indicators) == 0 && len(r.errs) == 0 {
		r.errorAt("", -1, -1, "", ErrNoIndicators)
	}
}
