package data

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/xuri/excelize/v2"
)

// FormOptions control WriteForm.
type FormOptions struct {
	// Aliases gives each unit's other names, written to the 单位 sheet.
	Aliases map[string][]string
	// Form writes a fill-in form rather than a data workbook: a 填报说明
	// sheet first; value cells unlocked, checked by data validation and
	// left in the General format so what is typed shows as typed;
	// everything else locked by sheet protection without a password.
	Form bool
	// Unit, with Form, writes a per-unit form: the data sheets hold only
	// this unit's row and 参数 names it as 填报单位. The 单位 sheet still
	// lists every unit.
	Unit string

	// The rest makes a data workbook look as offices send it; the reader
	// reads it back the same.

	// Typing, when set, says how the value of unit k (its position in
	// Period.Units) on an indicator is typed; nil types every value as
	// TypeNumber.
	Typing func(ind *Indicator, k int) Typing
	// Total, when set, adds a row under the units (全市, 合计), which the
	// reader skips.
	Total *TotalRow
	// Note, when set, is written in the row under each table ("注:…"),
	// which the reader skips.
	Note string
}

// Typing is how a value is typed into its cell.
type Typing int

// The ways a value is typed.
const (
	// TypeNumber is a number shown with its reported decimals (a value
	// whose decimals end in 0, 84.0, as numeric text); a missing value is
	// a blank cell.
	TypeNumber Typing = iota
	// TypePercent, for a % indicator, is a fraction in a percentage
	// format, as Excel stores a typed 52.7%; otherwise TypeNumber.
	TypePercent
	// TypeText is text as offices type it: 52.7% for a % indicator,
	// 1,234.5 from a thousand up, else the figure; a missing value is
	// 未报送.
	TypeText
)

// TotalRow is a row of the data sheets summing or averaging the units.
type TotalRow struct {
	Label string                 // 全市, 合计…: a word the reader skips
	Value func(*Indicator) Value // the row's figure on an indicator
}

// WriteForm writes p as an input workbook (docs/input.md): one data sheet
// per Indicator.Sheet in order of appearance, with a title row, a header
// (two rows with merged group cells where a group differs from the sheet
// name) and one row per unit; and the 参数, 单位 and 指标说明 sheets. Read
// back, it gives p again. Values are numbers in a format showing the
// reported decimals; a value whose decimals end in 0 (84.0) is written as
// numeric text, as the reader counts decimals of numbers as Excel shows
// them in General format. The output is byte-for-byte deterministic.
func WriteForm(w io.Writer, p *Period, opts FormOptions) error {
	if opts.Unit != "" {
		if !opts.Form {
			return errors.New("FormOptions.Unit needs Form")
		}
		if !slices.Contains(p.Units, opts.Unit) {
			return fmt.Errorf("单位「%s」不在单位表中", opts.Unit)
		}
	}
	b := &formBook{f: excelize.NewFile(), p: p, opts: opts, styles: map[cellStyle]int{}}
	defer b.f.Close()
	b.build()
	if b.err != nil {
		return b.err
	}
	_, err := b.f.WriteTo(w)
	return err
}

// formBook is an input workbook being written.
type formBook struct {
	f      *excelize.File
	p      *Period
	opts   FormOptions
	err    error
	styles map[cellStyle]int
	first  bool // the next sheet replaces excelize's Sheet1
}

func (b *formBook) fail(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

func (b *formBook) build() {
	b.first = true
	sheets, err := layoutSheets(b.p)
	if err != nil {
		b.fail(err)
		return
	}
	if b.opts.Form {
		b.guide(sheets)
	}
	for _, l := range sheets {
		b.dataSheet(l)
	}
	b.params()
	b.units()
	b.meta()
	b.f.SetActiveSheet(0)
	title := b.p.Title
	if title == "" {
		title = b.p.Month.Label() + "晒拼指标"
	}
	b.fail(b.f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "shaipin", Language: "zh-CN"}))
}

// newSheet adds a sheet, reusing the blank one excelize starts with.
func (b *formBook) newSheet(name string) {
	if b.first {
		b.first = false
		b.fail(b.f.SetSheetName("Sheet1", name))
		return
	}
	_, err := b.f.NewSheet(name)
	b.fail(err)
}

// text writes a string cell with a style.
func (b *formBook) text(sheet string, col, row int, v string, style int) {
	ref := cellRef(col, row)
	if v != "" {
		b.fail(b.f.SetCellStr(sheet, ref, v))
	}
	b.fail(b.f.SetCellStyle(sheet, ref, ref, style))
}

// number writes a numeric cell with a style.
func (b *formBook) number(sheet string, col, row int, v float64, style int) {
	ref := cellRef(col, row)
	b.fail(b.f.SetCellFloat(sheet, ref, v, -1, 64))
	b.fail(b.f.SetCellStyle(sheet, ref, ref, style))
}

// merge merges a range and styles every cell of it, so borders are drawn.
func (b *formBook) merge(sheet string, c1, r1, c2, r2, style int) {
	from, to := cellRef(c1, r1), cellRef(c2, r2)
	if from != to {
		b.fail(b.f.MergeCell(sheet, from, to))
	}
	b.fail(b.f.SetCellStyle(sheet, from, to, style))
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

func cellRef(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}
