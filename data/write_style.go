package data

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Colours of the input workbook. Yellow marks the laggards in the report,
// so it is not used for input cells: those are white, what is locked is grey.
const (
	colourHeader = "DDEBF7"
	colourLocked = "F2F2F2"
	colourGrid   = "BFBFBF"
	colourMuted  = "595959"
	formFont     = "等线"
)

// cellKind is what a cell is for.
type cellKind int

const (
	kindTitle cellKind = iota
	kindHeader
	kindUnitName
	kindValue
	kindNote
	kindKey
	kindPlain
	kindCenter
	kindGuideTitle
	kindGuideHead
	kindGuideText
	kindGuideMuted
)

// cellStyle identifies a cell style of the input workbook.
type cellStyle struct {
	kind     cellKind
	form     bool // a form's value cell: unlocked, General format
	decimals int  // value cells: decimals shown; -1 General
	text     bool // a value kept as text, right-aligned like a number
	percent  bool // a fraction shown as a percentage
}

// style returns the style id for a key, creating it on first use.
func (b *formBook) style(k cellStyle) int {
	if id, ok := b.styles[k]; ok {
		return id
	}
	id, err := b.f.NewStyle(newCellStyle(k))
	b.fail(err)
	b.styles[k] = id
	return id
}

func newCellStyle(k cellStyle) *excelize.Style {
	grid := []excelize.Border{
		{Type: "left", Color: colourGrid, Style: 1}, {Type: "right", Color: colourGrid, Style: 1},
		{Type: "top", Color: colourGrid, Style: 1}, {Type: "bottom", Color: colourGrid, Style: 1},
	}
	font := &excelize.Font{Family: formFont, Size: 11}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	st := &excelize.Style{Font: font}
	switch k.kind {
	case kindTitle:
		font.Bold, font.Size = true, 14
		st.Alignment = &excelize.Alignment{Vertical: "center"}
	case kindHeader:
		font.Bold = true
		st.Border, st.Fill = grid, fill(colourHeader)
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case kindUnitName, kindKey:
		st.Border, st.Fill = grid, fill(colourLocked)
		st.Alignment = &excelize.Alignment{Vertical: "center"}
	case kindValue:
		valueStyle(st, k, grid)
	case kindNote, kindGuideMuted:
		font.Color = colourMuted
		font.Size = 10
		if k.kind == kindGuideMuted {
			st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
		}
	case kindPlain:
		st.Border = grid
		st.Alignment = &excelize.Alignment{Vertical: "center", WrapText: true}
	case kindCenter:
		st.Border = grid
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center"}
	case kindGuideTitle:
		font.Bold, font.Size = true, 16
		st.Alignment = &excelize.Alignment{Vertical: "center"}
	case kindGuideHead:
		font.Bold, font.Size = true, 12
		st.Alignment = &excelize.Alignment{Vertical: "bottom"}
	case kindGuideText:
		st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	}
	return st
}

// valueStyle sets up the style of a value cell.
func valueStyle(st *excelize.Style, k cellStyle, grid []excelize.Border) {
	st.Border = grid
	st.Alignment = &excelize.Alignment{Vertical: "center"}
	if k.text {
		st.Alignment.Horizontal = "right"
	}
	if k.decimals >= 0 {
		code := "0"
		if k.decimals > 0 {
			code += "." + strings.Repeat("0", k.decimals)
		}
		if k.percent {
			code += "%"
		}
		st.CustomNumFmt = &code
	}
	if k.form {
		st.Protection = &excelize.Protection{Locked: false}
	}
}
