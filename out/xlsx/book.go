// Package xlsx writes workbooks of large worksheets, fast, through
// excelize.
//
// A sheet is filled once, cell by cell, in row order (a cell may still be
// written into the row above the current one, for two-row headers). As the
// cells come, the sheet measures the column widths, the lines of wrapped
// text and the used range, makes the cell styles and the shared strings,
// and keeps the rows in a compact record, a few bytes a cell. When the
// sheet is filled it gets its layout through excelize: widths, row
// heights, panes, merged cells, autofilter, print setup.
//
// When the workbook is written, each sheet's rows are replayed from the
// record as XML, straight into the compressor, in place of the
// <sheetData> excelize writes for the sheet (see Sheet.rewrite and
// sortedZip). The XML is excelize's own: the cells, styles and shared
// strings it writes cell by cell, the Unique strings inline as its
// StreamWriter writes them. Cell by cell through excelize, a national
// workbook (8.5 million cells on one sheet) took 40 seconds of CPU and
// 5.8 GB; through its StreamWriter, 3.5 seconds of CPU in SetRow alone,
// most of it allocating. Written here, the same rows take under a second.
package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Key identifies a cell style: cells of equal keys share one. The book
// makes each key's style the first time a cell asks for it, so the same
// calls give the same style ids.
type Key interface {
	comparable
	// Style is the excelize style the key stands for.
	Style() *excelize.Style
	// Text is how a text cell in this style is measured and stored.
	Text() Text
}

// Text is how a text cell is measured and stored.
type Text uint8

const (
	// Fit text widens its column to fit, and is stored once in the
	// shared string table however many cells show it.
	Fit Text = iota
	// Span text is merged across columns or stacked: it says nothing
	// about its column's width.
	Span
	// Wrap text wraps in its column: it widens the column up to the
	// column's limit, and its lines count in its row's height.
	Wrap
	// Unique text fits like Fit, but is written in its cell rather than
	// the shared string table: text that nearly every cell has its own
	// of (a remark naming a rank) would only make the table bigger and
	// slower than the cells.
	Unique
)

// Options control a workbook.
type Options struct {
	// Font is the workbook's default font.
	Font string
	// MaxRows and MaxCols are the rows and columns a sheet may have;
	// zero means Excel's (1,048,576 and 16,384). The writers that fill
	// the sheets ask for them (Sheet.MaxRows) to cut a table short, so
	// a smaller limit tries that without a million rows.
	MaxRows, MaxCols int
	// Footer is a sheet's printed footer, in Excel's header and footer
	// codes ("&P" the page number); nil prints none.
	Footer func(sheet string) string
	// Props are the document properties, if any.
	Props *excelize.DocProperties
}

// Book is a workbook being made. The first error is kept (as
// bufio.Writer does) and Build reports it, so that the code filling a
// sheet reads as a list of cells rather than a list of error checks.
type Book[K Key] struct {
	f      *excelize.File
	opts   Options
	styles map[K]style
	strs   *sharedStrings
	sheets []*Sheet[K] // in workbook order
	charts int
	// scratch is where the sheet being filled records its rows (see
	// record).
	scratch block
	built   bool
	err     error
}

// style is a key's style id and how its text is handled.
type style struct {
	id   int
	text Text
}

// New starts a workbook with no sheets.
func New[K Key](opts Options) *Book[K] {
	if opts.MaxRows <= 0 {
		opts.MaxRows = excelize.TotalRows
	}
	if opts.MaxCols <= 0 {
		opts.MaxCols = excelize.MaxColumns
	}
	b := &Book[K]{f: excelize.NewFile(), opts: opts, styles: map[K]style{}, strs: &sharedStrings{index: map[string]int{}}}
	if opts.Font != "" {
		b.fail(b.f.SetDefaultFont(opts.Font))
	}
	return b
}

// Close frees the workbook's resources.
func (b *Book[K]) Close() error { return b.f.Close() }

// fail keeps the first error.
func (b *Book[K]) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// Sheet adds a sheet after those added before; the first added is the
// one shown when the workbook opens. Build fills it with fill, once.
func (b *Book[K]) Sheet(name string, fill func(s *Sheet[K])) {
	if len(b.sheets) == 0 {
		b.fail(b.f.SetSheetName("Sheet1", name))
	} else {
		_, err := b.f.NewSheet(name)
		b.fail(err)
	}
	b.sheets = append(b.sheets, newSheet(b, name, fill))
}

// Build fills the sheets, in order, and lays each out as it is filled.
func (b *Book[K]) Build() error {
	if b.built {
		return b.err
	}
	b.built = true
	b.f.SetActiveSheet(0)
	for _, s := range b.sheets {
		if b.err != nil {
			break
		}
		s.build()
	}
	if len(b.sheets) > 0 {
		// One string set through excelize makes it write a shared
		// string table, with its relationship and content type; the
		// table is then replaced by b.strs, and the cell by the first
		// sheet's rows.
		first := b.sheets[0].name
		b.fail(b.f.SetCellStr(first, "A1", first))
	}
	if b.opts.Props != nil {
		b.fail(b.f.SetDocProps(b.opts.Props))
	}
	return b.err
}

// Write builds the workbook, if Build has not, and writes it to w in one
// piece. The same calls always give the same bytes.
func (b *Book[K]) Write(w io.Writer) error {
	if err := b.Build(); err != nil {
		return err
	}
	// Each sheet's rows go where excelize writes the sheet's <sheetData>
	// (excelize writes worksheet N as xl/worksheets/sheetN.xml), and the
	// strings where it writes its shared string table.
	ids := map[string]int{}
	for id, name := range b.f.GetSheetMap() {
		ids[name] = id
	}
	parts := map[string]rewrite{"xl/sharedStrings.xml": b.strs.rewrite}
	for _, s := range b.sheets {
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", ids[s.name])] = s.rewrite
	}
	// The zip goes to w itself, not to the io.Writer excelize passes: that
	// is a buffer WriteTo fills with the whole workbook before copying it
	// to w (excelize v2.11.1, file.go WriteToBuffer), 50 MB at national
	// scale and twice that while it grows. It stays empty, and WriteTo
	// copies nothing.
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSortedZip(w, parts) })
	_, err := b.f.WriteTo(w)
	return err
}

// style returns the style of key k, making it on first use.
func (b *Book[K]) style(k K) style {
	if st, ok := b.styles[k]; ok {
		return st
	}
	id, err := b.f.NewStyle(k.Style())
	if err != nil {
		b.fail(err)
		return style{}
	}
	st := style{id: id, text: k.Text()}
	b.styles[k] = st
	return st
}
