package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// reader turns one open workbook into a Period, collecting every problem.
type reader struct {
	f     *excelize.File
	file  string // base name, for messages
	opts  Options
	errs  ErrorList
	warns ErrorList
	notes ErrorList

	sheetIdx  map[string]int
	percentOf map[int]bool // style id → number format shows a percentage
	units     *unitBook
	ownUnits  bool // units come from this workbook's 单位 sheet
	meta      []*indicatorMeta
	period    *Period
	periodAt  *CellError        // where 参数/期间 was read, for messages
	found     map[string]*found // indicator key → where it was read
	wide      bool              // a wide table was read into period
	guessed   bool              // a unit column was found without a header or 单位 sheet
	broken    map[string]bool   // sheets found damaged, reported once
	long      map[Month]*longPeriod

	parts      map[string]string // sheet name → XML part
	info       sheetInfo         // of the sheet being read
	anyPercent *bool             // some style shows a percentage
}

// found is an indicator as read from a data sheet, before values are
// placed in the period's unit order.
type found struct {
	ind    *Indicator
	values []Value // by unit position in the unit book
	cell   string  // header cell, for messages
}

// set stores the value of the unit at position k.
func (fd *found) set(k int, v Value) {
	for len(fd.values) <= k {
		fd.values = append(fd.values, Value{})
	}
	fd.values[k] = v
}

// get returns the value of the unit at position k (zero when none).
func (fd *found) get(k int) Value {
	if k < len(fd.values) {
		return fd.values[k]
	}
	return Value{}
}

func newReader(f *excelize.File, file string, opts Options) *reader {
	r := &reader{
		f: f, file: file, opts: opts,
		sheetIdx:  map[string]int{},
		percentOf: map[int]bool{},
		units:     newUnitBook(),
		period:    &Period{File: file},
		found:     map[string]*found{},
		long:      map[Month]*longPeriod{},
	}
	if opts.run != nil && opts.run.book != nil {
		r.units = opts.run.book.clone()
	}
	for i, s := range f.GetSheetList() {
		r.sheetIdx[s] = i
	}
	return r
}

// at makes a problem at a sheet and 0-based row/column (-1: none).
func (r *reader) at(sheet string, row, col int, value string, err error) *CellError {
	e := &CellError{File: r.file, Sheet: sheet, Value: value, Err: err, sheetIdx: r.sheetIdx[sheet], row: row, col: col}
	if sheet == "" {
		e.sheetIdx = -1
	}
	if row >= 0 && col >= 0 {
		e.Cell, _ = excelize.CoordinatesToCellName(col+1, row+1)
	} else if row >= 0 {
		e.Cell = strconv.Itoa(row+1) + "行"
	}
	return e
}

func (r *reader) errorAt(sheet string, row, col int, value string, err error) {
	r.errs = append(r.errs, r.at(sheet, row, col, value, err))
}

func (r *reader) warnAt(sheet string, row, col int, value string, err error) {
	r.warns = append(r.warns, r.at(sheet, row, col, value, err))
}

// noteAt records something the reader did that the user should know of:
// a sheet or row left out, a table read the other way round.
func (r *reader) noteAt(sheet string, row, col int, value string, err error) {
	r.notes = append(r.notes, r.at(sheet, row, col, value, err))
}

// read runs every step and returns the workbook's periods: the one of its
// wide tables (from 参数/期间, --period or the file name) and one per period
// of its long-format sheets. They are complete only when r.errs is empty.
func (r *reader) read() []*Period {
	var data []string
	for _, s := range r.f.GetSheetList() {
		switch strings.TrimSpace(s) {
		case SheetParams:
			r.readParams(s)
		case SheetUnits:
			r.units, r.ownUnits = newUnitBook(), true
			r.readUnits(s)
		case SheetIndicators:
			r.readMeta(s)
		case SheetFlagRules:
			r.readFlagRules(s)
		case SheetGuide:
		default:
			data = append(data, s)
		}
	}
	tables := r.survey(data)
	for _, t := range tables {
		r.readTable(t)
	}
	if !r.wide && len(r.long) == 0 && len(r.errs) == 0 {
		r.emptyWorkbook(tables)
	}
	var out []*Period
	if r.wide {
		r.finishPeriod()
		r.assemble(r.period, r.found)
		out = append(out, r.period)
	}
	for _, key := range sortedKeys(r.long) {
		lp := r.long[key]
		lp.p.Title, lp.p.Source, lp.p.Settings = r.period.Title, r.period.Source, r.period.Settings
		lp.p.Provenance, lp.p.FlagRules = r.period.Provenance, r.period.FlagRules
		if lp.p.Title == "" {
			lp.p.Title = key.Label() + "晒拼指标排名"
		}
		r.assemble(lp.p, lp.found)
		out = append(out, lp.p)
	}
	for _, m := range r.meta {
		if !m.used {
			r.warnAt(SheetIndicators, m.row, m.col, m.name, fmt.Errorf("指标说明中的指标在数据表中没有找到"))
		}
	}
	return out
}

// finishPeriod settles the wide tables' period: --period, else 参数/期间,
// else the file name; and a default title. A file name naming another
// period than 参数 is an error: the usual "copied last month's file and
// refilled it, but not 期间".
func (r *reader) finishPeriod() {
	p := r.period
	if !r.opts.Period.IsZero() {
		p.Month = r.opts.Period
	}
	if p.Month.IsZero() {
		p.Month = monthFromFile(r.file)
	} else if r.opts.Period.IsZero() {
		r.checkFilePeriod()
	}
	if p.Month.IsZero() {
		r.errorAt("", -1, -1, "", ErrNoPeriod)
	}
	if p.Title == "" {
		p.Title = p.Month.Label() + "晒拼指标排名"
	}
}

// checkFilePeriod compares 参数/期间 with the period of the file name
// (2022-05.xlsx, or 5月.xlsx in the year of 参数). With several files,
// --period settles a disagreement when it names one of the two.
func (r *reader) checkFilePeriod() {
	p := r.period
	named := monthFromFile(r.file)
	if named.IsZero() {
		if m := monthOfYearFromFile(r.file); m > 0 {
			named = NewMonth(p.Month.Year(), m)
		}
	}
	if named.IsZero() || named == p.Month {
		return
	}
	if r.opts.run != nil && (r.opts.run.period == named || r.opts.run.period == p.Month) {
		p.Month = r.opts.run.period
		return
	}
	e := *r.periodAt
	e.Value = p.Month.String()
	e.Err = fmt.Errorf("%w:文件名「%s」是 %s,「参数」表是 %s;请改正其中一个", ErrPeriodMismatch, r.file, named, p.Month)
	r.errs = append(r.errs, &e)
}

// rows reads a sheet's cells as stored, not as formatted: "0.527", not
// "52.70%". A damaged sheet is an error, and ok is false.
func (r *reader) rows(sheet string) (rows [][]string, ok bool) {
	if r.parts == nil {
		r.parts = sheetParts(r.f)
	}
	rows, err := sheetRows(r.f, sheet, part(r.f, r.parts[sheet]))
	if err != nil {
		if !errors.Is(err, ErrSheetDamaged) {
			err = fmt.Errorf("%w:无法读取,请用 Excel 打开后另存", ErrSheetDamaged)
		}
		r.errorAt(sheet, -1, -1, "", err)
		return nil, false
	}
	return rows, true
}

// cell returns rows[i][j] or "".
func cell(rows [][]string, i, j int) string {
	if i < 0 || i >= len(rows) || j < 0 || j >= len(rows[i]) {
		return ""
	}
	return rows[i][j]
}

// readParams reads 参数: key/value rows (期间, 标题, 数据来源, and the
// ranking rules of Settings).
func (r *reader) readParams(sheet string) {
	rows, _ := r.rows(sheet)
	for i := range rows {
		key := normHeader(cell(rows, i, 0))
		val := strings.TrimSpace(cell(rows, i, 1))
		switch key {
		case paramPeriod, "期别", "月份", "统计期间":
			if val == "" {
				continue
			}
			p, err := r.periodCell(sheet, i, 1, val)
			if err != nil {
				r.errorAt(sheet, i, 1, val, err)
				continue
			}
			r.period.Month = p
			r.periodAt = r.at(sheet, i, 1, val, nil)
		case paramTitle:
			r.period.Title = val
		case paramSource, "来源":
			r.period.Source = val
		case paramProvenance:
			if val == "" {
				continue
			}
			pv, err := parseProvenance(val)
			if err != nil {
				r.errorAt(sheet, i, 1, val, err)
				continue
			}
			r.period.Provenance = pv
		default:
			r.readSetting(sheet, i, key, val)
		}
	}
}

// periodCell reads a 期间 value; Excel turns "2022-04" typed into a cell
// into a date, which arrives here as a serial number.
func (r *reader) periodCell(sheet string, row, col int, raw string) (Month, error) {
	if f, err := strconv.ParseFloat(raw, 64); err == nil && f > 1000 && f < 100000 {
		t, err := excelize.ExcelDateToTime(f, false)
		if err == nil {
			return NewMonth(t.Year(), int(t.Month())), nil
		}
	}
	return ParseMonth(raw)
}

// headerIndex finds, in the first rows of a reserved sheet, the row whose
// cells include want, and returns that row and a column lookup.
func headerIndex(rows [][]string, want string) (int, map[string]int) {
	for i := 0; i < len(rows) && i < 10; i++ {
		cols := map[string]int{}
		for j, c := range rows[i] {
			if h := normHeader(c); h != "" {
				if _, dup := cols[h]; !dup {
					cols[h] = j
				}
			}
		}
		if _, ok := cols[want]; ok {
			return i, cols
		}
	}
	return -1, nil
}

// readUnits reads 单位: 名称 and 别名. With it the unit list is closed.
func (r *reader) readUnits(sheet string) {
	rows, ok := r.rows(sheet)
	if !ok {
		return
	}
	hr, cols := headerIndex(rows, colUnitName)
	if hr < 0 {
		r.errorAt(sheet, -1, -1, "", fmt.Errorf("找不到表头「%s」", colUnitName))
		return
	}
	alias, hasAlias := cols[colAliases]
	for i := hr + 1; i < len(rows); i++ {
		name := cell(rows, i, cols[colUnitName])
		if cleanName(name) == "" {
			continue
		}
		a := ""
		if hasAlias {
			a = cell(rows, i, alias)
		}
		if err := r.units.define(name, a); err != nil {
			r.errorAt(sheet, i, cols[colUnitName], name, err)
		}
	}
}

// fetch returns the value of a named column in a row, or "".
func fetch(rows [][]string, i int, cols map[string]int, names ...string) (string, int) {
	for _, n := range names {
		if j, ok := cols[n]; ok {
			return strings.TrimSpace(cell(rows, i, j)), j
		}
	}
	return "", -1
}
