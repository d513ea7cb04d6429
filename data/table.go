package data

import (
	"errors"
	"fmt"
	"strings"

	"shaipin/places"
)

// tableKind is how a sheet holds its figures.
type tableKind int

const (
	notTable    tableKind = iota // not a data sheet: skipped with a note
	wideTable                    // units down the side, indicators across the top
	longTable                    // one row per (期间, 单位, 指标, 数值)
	acrossTable                  // indicators down the side, units across the top
)

// table is a sheet surveyed before it is read.
type table struct {
	sheet    string
	rows     [][]string
	kind     tableKind
	hr       int      // header row
	unitCol  int      // the unit column of a wide or long table
	byHeader bool     // the unit column was found by its header (地区, 单位…)
	first    int      // the first unit column of an across table
	long     longCols // the columns of a long table
	why      error    // why a sheet is not a data sheet
}

// Reasons a sheet is not a data sheet.
var (
	errEmptySheet = errors.New("空工作表")
	errNoFigures  = errors.New("没有数字(数据表应有单位列和至少一列数字)")
	errNoUnits    = errors.New("单位列中没有本工作簿或本次读取的其他文件中的单位")
)

// asideWords name sheets that hold notes or drafts beside the data.
var asideWords = []string{"底稿", "草稿", "备份", "填表说明", "使用说明", "目录", "封面"}

// asideSheet reports whether a sheet's name says it is not data.
func asideSheet(name string) bool {
	n := cleanName(name)
	for _, w := range asideWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return n == "说明"
}

// survey reads every visible sheet of the workbook and decides what each
// is: a wide, long or across table, or not a data sheet, which is skipped
// with a note naming it.
func (r *reader) survey(sheets []string) []*table {
	var tables []*table
	for _, s := range sheets {
		if visible, err := r.f.GetSheetVisible(s); err == nil && !visible {
			r.warnAt(s, -1, -1, "", fmt.Errorf("隐藏的工作表,已跳过"))
			continue
		}
		rows, ok := r.rows(s)
		if !ok {
			continue
		}
		t := &table{sheet: s, rows: rows}
		tables = append(tables, t)
		switch {
		case len(rows) == 0:
			t.why = errEmptySheet
		case asideSheet(s):
			t.why = fmt.Errorf("工作表名「%s」表明是说明或底稿", s)
		default:
			r.shape(t, r.knownUnit(nil))
		}
	}
	names := workbookUnits(tables)
	for _, t := range tables {
		if t.kind == wideTable && len(names) > 0 {
			if hr, first, ok := findAcross(t.rows, r.knownUnit(names)); ok {
				t.kind, t.hr, t.first = acrossTable, hr, first
			}
		}
		if t.kind == wideTable {
			r.judgeWide(t, names)
		}
		switch {
		case t.why == errEmptySheet:
			r.noteAt(t.sheet, -1, -1, "", errors.New("空工作表,已跳过"))
		case t.why != nil:
			r.noteAt(t.sheet, -1, -1, "", fmt.Errorf("不是数据表,已跳过:%w", t.why))
		}
	}
	return tables
}

// shape finds a sheet's layout: units across the top (a header row of
// unit names), else a unit column, which makes a long or a wide table.
func (r *reader) shape(t *table, known func(string) bool) {
	if hr, first, ok := findAcross(t.rows, known); ok {
		t.kind, t.hr, t.first = acrossTable, hr, first
		return
	}
	hr, col, byHeader := findUnitColumn(t.rows)
	if hr < 0 {
		t.why = ErrNoUnitColumn
		return
	}
	t.hr, t.unitCol, t.byHeader = hr, col, byHeader
	if cols, ok := longHeader(t.rows[hr], col); ok {
		t.kind, t.long = longTable, cols
		return
	}
	t.kind = wideTable
}

// workbookUnits are the unit names of the tables whose units are sure:
// found under a unit header, or across the top.
func workbookUnits(tables []*table) map[string]bool {
	names := map[string]bool{}
	for _, t := range tables {
		switch {
		case t.kind == acrossTable:
			for _, c := range t.rows[t.hr][t.first:] {
				names[cleanName(c)] = true
			}
		case t.kind != notTable && t.byHeader:
			for i := t.hr + 1; i < len(t.rows); i++ {
				if n := cleanName(cell(t.rows, i, t.unitCol)); n != "" && !notUnitName(n) && !isTotalName(n) {
					names[n] = true
				}
			}
		}
	}
	delete(names, "")
	return names
}

// knownUnit tells a unit name: one of the 单位 sheet or unit list, of
// names (other tables of the workbook), of the other files of the run, or
// a place in the gazetteer.
func (r *reader) knownUnit(names map[string]bool) func(string) bool {
	var run map[string]bool
	if r.opts.run != nil {
		run = r.opts.run.known
	}
	return func(s string) bool {
		n := cleanName(s)
		if n == "" || numeric(n) {
			return false
		}
		if _, ok := r.units.lookup[n]; ok && r.units.closed {
			return true
		}
		return names[n] || run[n] || len(places.Lookup(n)) > 0
	}
}

// judgeWide keeps a wide table only when it holds figures of units: some
// number in an indicator column; or, under a unit header, no text where
// the figures go (a blank form) or known units. A unit column found
// without a header must also name a known unit when the run knows any.
func (r *reader) judgeWide(t *table, names map[string]bool) {
	known := r.knownUnit(names)
	context := r.units.closed || len(names) > 0 || (r.opts.run != nil && len(r.opts.run.known) > 0)
	skip := map[int]bool{t.unitCol: true}
	for j, h := range t.rows[t.hr] {
		if notIndicatorHeaders[normHeader(h)] {
			skip[j] = true
		}
	}
	// The unit of measure of column j, from its header: "17.9亿元" is a
	// number in a column of 亿元.
	measure := func(j int) string {
		if _, u := splitHeader(cell(t.rows, t.hr+1, j)); u != "" {
			return u
		}
		_, u := splitHeader(cell(t.rows, t.hr, j))
		return u
	}
	numbers, prose, units, recognised := 0, 0, 0, 0
	for i := t.hr + 1; i < len(t.rows); i++ {
		n := cleanName(cell(t.rows, i, t.unitCol))
		if n == "" || notUnitName(n) || isTotalName(n) {
			continue
		}
		units++
		if known(n) {
			recognised++
		}
		for j, c := range t.rows[i] {
			if skip[j] || strings.TrimSpace(c) == "" {
				continue
			}
			if _, ok := plainDecimal(c); ok {
				numbers++
			} else if p, err := parseText(c, measure(j)); err == nil && !p.missing {
				numbers++
			} else if err != nil {
				prose++
			}
		}
		if numbers > 0 && (t.byHeader || recognised > 0 || !context) {
			return
		}
	}
	switch {
	case numbers == 0 && !(t.byHeader && units > 0 && (prose == 0 || recognised > 0)):
		// Under a unit header, a blank form, or known units whose figures
		// are all mistyped (read, so that each is an error), are data.
		t.kind, t.why = notTable, errNoFigures
	case !t.byHeader && context && recognised == 0:
		t.kind, t.why = notTable, errNoUnits
	}
}

// readTable reads a surveyed sheet.
func (r *reader) readTable(t *table) {
	if t.kind == notTable {
		return
	}
	r.info = r.inspect(t.sheet)
	switch t.kind {
	case wideTable:
		r.readWide(t)
	case longTable:
		r.readLongSheet(t.sheet, t.rows, t.hr, t.long)
	case acrossTable:
		r.readAcross(t)
	}
}

// emptyWorkbook reports a workbook without a data sheet: the reason each
// sheet is not one (instead of its note), or ErrEmptyWorkbook when every
// sheet is empty.
func (r *reader) emptyWorkbook(tables []*table) {
	failed := map[string]bool{}
	for _, t := range tables {
		if t.why == nil || t.why == errEmptySheet {
			continue
		}
		err := t.why
		if !errors.Is(err, ErrNoUnitColumn) {
			err = fmt.Errorf("%w:%w", ErrEmptyWorkbook, t.why)
		}
		r.errorAt(t.sheet, -1, -1, "", err)
		failed[t.sheet] = true
	}
	if len(failed) == 0 {
		r.errorAt("", -1, -1, "", ErrEmptyWorkbook)
		return
	}
	notes := r.notes[:0]
	for _, n := range r.notes {
		if !failed[n.Sheet] {
			notes = append(notes, n)
		}
	}
	r.notes = notes
}
