package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Form is a workbook read as a fill-in form: its period, plus what writing
// it back needs and Period does not keep.
type Form struct {
	// Period is the workbook's period; the last one when it holds several
	// (a long-format sheet can).
	Period *Period
	// Periods counts the periods the workbook holds.
	Periods int
	// Aliases lists, for each unit of the 单位 sheet, its other names in
	// the sheet's order; empty when the workbook has no 单位 sheet.
	Aliases map[string][]string
	// Unit is 参数/填报单位: the unit a per-unit form is for, "" for a
	// whole-city form.
	Unit string
	// Sheets is the workbook's sheet order, for sorting messages.
	Sheets []string
	// Warnings are problems that did not stop the form from being read,
	// sorted by position.
	Warnings ErrorList
	// Notes say what the reader left out (see Dataset.Notes).
	Notes ErrorList
}

// ReadForm reads a workbook held in memory as a form. name is its file
// name, for messages and, when 参数 has no 期间, for the period. The Form
// comes back with an error too, holding only the Warnings, so that they
// can still be shown.
func ReadForm(name string, b []byte, opts Options) (*Form, error) {
	if isCSV(name) {
		var err error
		if b, err = csvWorkbook(b, name, opts); err != nil {
			return &Form{}, ErrorList{{File: name, Err: err, sheetIdx: -1}}
		}
	}
	ds, err := readBytes(name, b, opts)
	form := &Form{}
	if ds != nil {
		form.Warnings, form.Notes = ds.Warnings, ds.Notes
	}
	if err != nil {
		return form, err
	}
	if len(ds.Periods) == 0 {
		return form, ErrorList{{File: name, Err: ErrNoIndicators, sheetIdx: -1}}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: opts.maxUnzip(), UnzipXMLSizeLimit: opts.maxSheet()})
	if err != nil {
		return form, ErrorList{{File: name, Err: openError(err, opts.maxUnzip()), sheetIdx: -1}}
	}
	defer f.Close()
	form.Period, form.Periods, form.Aliases, form.Sheets = ds.Latest(), len(ds.Periods), map[string][]string{}, f.GetSheetList()
	for _, s := range form.Sheets {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			continue
		}
		switch strings.TrimSpace(s) {
		case SheetUnits:
			form.Aliases = readAliases(rows)
		case SheetParams:
			for i := range rows {
				if normHeader(cell(rows, i, 0)) == ParamFormUnit {
					form.Unit = cleanName(cell(rows, i, 1))
				}
			}
		}
	}
	return form, nil
}

// ReadFormFile reads one workbook from disk as a form (see ReadForm);
// problems come back as an ErrorList.
func ReadFormFile(path string, opts Options) (*Form, error) {
	return readFormFile(Input{Path: path, Name: filepath.Base(path)}, opts)
}

// readFormFile reads an input as a form, calling it by its Name.
func readFormFile(in Input, opts Options) (*Form, error) {
	path := in.Path
	fail := func(err error) (*Form, error) {
		return &Form{}, ErrorList{{File: path, Err: err}}
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fail(errors.New("无法打开: 文件不存在"))
	case err != nil:
		return fail(err)
	case st.IsDir():
		return fail(errors.New("是目录,不是工作簿"))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fail(OSError(err))
	}
	return ReadForm(in.Name, b, opts)
}

// readAliases reads the 别名 column of a 单位 sheet, keyed by 名称.
func readAliases(rows [][]string) map[string][]string {
	out := map[string][]string{}
	hr, cols := headerIndex(rows, colUnitName)
	if hr < 0 {
		return out
	}
	alias, hasAlias := cols[colAliases]
	for i := hr + 1; i < len(rows); i++ {
		name := cleanName(cell(rows, i, cols[colUnitName]))
		if name == "" {
			continue
		}
		if _, dup := out[name]; dup {
			continue
		}
		out[name] = nil
		if hasAlias {
			out[name] = SplitAliases(cell(rows, i, alias))
		}
	}
	return out
}

// SplitAliases splits a 别名 cell ("开发区、金开") into names, white space
// removed, empty names dropped.
func SplitAliases(s string) []string {
	var out []string
	for _, a := range strings.Split(aliasSplitter.Replace(s), "\x00") {
		if a = cleanName(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// ResolveUnit returns the canonical name for a typed unit name, given the
// units and their aliases; unknown names give an error naming the nearest
// unit, as the reader does.
func ResolveUnit(units []string, aliases map[string][]string, typed string) (string, error) {
	b := newUnitBook()
	for _, u := range units {
		if err := b.define(u, strings.Join(aliases[u], "、")); err != nil {
			return "", err
		}
	}
	return b.resolve(typed)
}

// Growth-like names: a percentage that may be negative or above 100.
var growthWords = []string{"增速", "增幅", "增长", "增率", "同比", "环比", "涨幅", "降幅", "变化", "变动", "提高", "提升", "下降"}

// RateBounds reports whether an indicator's values belong between 0 and
// 100: a percentage that is not a growth rate (增速, 同比…). Fill-in forms
// warn outside the range; merge warns too. Completion rates can pass 100
// (超额完成), so it is a warning, never an error.
func RateBounds(ind *Indicator) bool {
	if ind.Unit != "%" {
		return false
	}
	for _, w := range growthWords {
		if strings.Contains(ind.Name, w) {
			return false
		}
	}
	return true
}

// cellErrorAt makes a CellError at a value's cell ("城市更新!D7") of a
// workbook whose sheet order is sheets, so that ErrorList sorts it in
// place.
func cellErrorAt(file string, sheets []string, where, value string, err error) *CellError {
	e := &CellError{File: file, Value: value, Err: err, sheetIdx: -1, row: -1, col: -1}
	sheet, ref, ok := strings.Cut(where, "!")
	if !ok {
		sheet, ref = where, ""
	}
	if sheet == "" {
		return e
	}
	e.Sheet, e.Cell = sheet, ref
	e.sheetIdx = len(sheets)
	for i, s := range sheets {
		if s == sheet {
			e.sheetIdx = i
		}
	}
	if ref != "" {
		if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
			e.row, e.col = r-1, c-1
		}
	}
	return e
}
