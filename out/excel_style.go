package out

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"shaipin/out/xlsx"
	"shaipin/rank"
	"shaipin/text"
)

// The workbook's other colours.
const (
	headerFill = "DDEBF7" // neutral blue-grey, so it never reads as a tier
	keyFill    = "F2F2F2"
	gridColour = "BFBFBF"
	ruleColour = "808080"
	mutedText  = "7F7F7F"
	// upText and downText colour movement: red for 进位 or a gain, a dark
	// amber for 退位 or a loss (yellow itself is unreadable as text on
	// white), grey for no change.
	upText   = "C00000" // the top tier's text colour (text.StyleOf)
	downText = "9C6500"
	flatText = mutedText
	// footnoteText is the colour of the notes under a table: darker than
	// the muted note under a title, as they qualify the figures.
	footnoteText = "404040"
)

// fontName is the default font of Excel for Simplified Chinese since 2016;
// readers without it (LibreOffice, WPS) fall back to their own CJK font.
const fontName = "等线"

// role is what a cell is for; with a number format and a tier it decides
// the cell's style.
type role int

const (
	roleTitle      role = iota // merged sheet title
	roleSubtitle               // merged note under the title
	roleHeader                 // column header
	roleVertical               // column header stacked vertically (排名矩阵)
	roleGroup                  // merged group header (排名矩阵)
	roleText                   // text, left
	roleShrink                 // text, left, shrunk to fit a column of limited width
	roleWrap                   // long text, left, wrapped
	roleCenter                 // short text or integer, centred
	roleCenterWrap             // short text, centred, on the lines it is given
	roleNumber                 // a figure, right, in its number format
	roleKey                    // the label column of 说明
	roleNote                   // muted text, no border
	// roleRemark is a long remark in the last column: one line, never
	// wrapped, so that every row of the table has the same height; an
	// overlong one shrinks into its cell rather than spill or wrap.
	roleRemark
	// roleWarning is the merged row under the note that says a period's
	// figures are simulated or provisional: bold, in the laggards' amber.
	roleWarning
	// roleFootnote is a merged note under a table, wrapped.
	roleFootnote
)

// tone is what a change means to the unit; it colours the cell's text.
type tone int

const (
	toneNone tone = iota
	toneUp        // 进位, more flags, ahead of 时序进度: red
	toneDown      // 退位, more yellow flags, behind 时序进度: amber
	toneFlat      // no change: grey
)

// toneOf says whether a change of d is good news (up), bad news (down) or
// none; better says which sign is good.
func toneOf(d float64, better int) tone {
	switch {
	case d == 0:
		return toneFlat
	case (d > 0) == (better > 0):
		return toneUp
	}
	return toneDown
}

// styleKey identifies one cell style; styles are made once and reused.
type styleKey struct {
	role   role
	numFmt string
	tier   rank.Tier
	// first marks the first row of a block (an indicator in 分项排名): a
	// darker rule above it separates the blocks.
	first bool
	tone  tone
}

// Style is the key's cell style (xlsx.Key).
func (k styleKey) Style() *excelize.Style { return newStyle(k) }

// Text says how a text cell in the key's style is measured and stored
// (xlsx.Key).
func (k styleKey) Text() xlsx.Text {
	switch k.role {
	case roleTitle, roleSubtitle, roleNote, roleGroup, roleVertical, roleWarning, roleFootnote:
		return xlsx.Span // merged or stacked: their width is not the column's
	case roleWrap, roleCenterWrap:
		return xlsx.Wrap
	case roleRemark:
		// A remark names a rank and the number ranked: at national scale
		// nearly every one of 850,000 is different.
		return xlsx.Unique
	}
	return xlsx.Fit
}

// The sizes of type, in points: the cells', and the note's under a
// sheet's title.
const (
	bodyPoints = 11
	notePoints = 10
)

func newStyle(k styleKey) *excelize.Style {
	border := []excelize.Border{
		{Type: "left", Color: gridColour, Style: 1}, {Type: "right", Color: gridColour, Style: 1},
		{Type: "top", Color: gridColour, Style: 1}, {Type: "bottom", Color: gridColour, Style: 1},
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: bodyPoints},
		Alignment: &excelize.Alignment{Vertical: "center"},
		Border:    border,
	}
	roleStyle(s, k.role)
	if k.first && s.Border != nil {
		s.Border[2] = excelize.Border{Type: "top", Color: ruleColour, Style: 2}
	}
	if k.numFmt != "" {
		f := k.numFmt
		s.CustomNumFmt = &f
	}
	// Tier colours come from the one table shared with the HTML report:
	// red is honour (红旗, 前N), yellow marks the laggards (黄旗, 后N). A top
	// cell's text is also bold, so it still reads as 前N on a grey printer.
	if st := text.StyleOf(k.tier); st.ExcelFill != "" {
		s.Fill = solid(st.ExcelFill)
		s.Font.Color, s.Font.Bold = st.ExcelText, k.tier == rank.Top
	}
	switch k.tone {
	case toneUp:
		s.Font.Color, s.Font.Bold = upText, true
	case toneDown:
		s.Font.Color, s.Font.Bold = downText, true
	case toneFlat:
		s.Font.Color, s.Font.Bold = flatText, false
	}
	return s
}

// roleStyle sets what a cell's role decides of its style: font, fill,
// alignment and borders.
func roleStyle(s *excelize.Style, r role) {
	switch r {
	case roleTitle:
		s.Font = &excelize.Font{Family: fontName, Size: 16, Bold: true}
		s.Border = nil
	case roleSubtitle:
		s.Font = &excelize.Font{Family: fontName, Size: notePoints, Color: mutedText}
		s.Alignment.WrapText = true
		s.Border = nil
	case roleHeader, roleVertical, roleGroup:
		s.Font.Bold = true
		s.Fill = solid(headerFill)
		s.Alignment.Horizontal = "center"
		s.Alignment.WrapText = true
		if r == roleVertical {
			// 255 stacks the characters top to bottom: Chinese reads
			// naturally that way and the matrix columns stay narrow.
			s.Alignment.TextRotation = 255
			s.Alignment.WrapText = false
		}
	case roleWrap:
		s.Alignment.WrapText = true
	case roleCenter:
		s.Alignment.Horizontal = "center"
	case roleCenterWrap:
		s.Alignment.Horizontal = "center"
		s.Alignment.WrapText = true
	case roleNumber:
		s.Alignment.Horizontal = "right"
	case roleKey:
		s.Font.Bold = true
		s.Fill = solid(keyFill)
	case roleNote:
		s.Font = &excelize.Font{Family: fontName, Size: notePoints, Color: mutedText}
		s.Border = nil
	case roleWarning, roleFootnote:
		s.Font = &excelize.Font{Family: fontName, Size: notePoints, Color: footnoteText}
		if r == roleWarning {
			s.Font.Color, s.Font.Bold = downText, true
		}
		s.Alignment.WrapText = true
		s.Border = nil
	case roleRemark, roleShrink:
		s.Alignment.ShrinkToFit = true
	}
}

func solid(colour string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
}

// numFormat is the number format for an indicator's values: its precision,
// and a literal "%" for percentages. A percentage is stored as reported
// (52.7, not 0.527) and shown with a quoted "%": the figure in the cell is
// then the one in the source workbook, the JSON and the speeches, and
// percentage-point arithmetic (52.7 − 33.3 时序进度) works on it directly;
// Excel's own 0.0% format would need the value divided by 100 and would
// show 5270.0% to anyone who re-typed a reported figure.
func numFormat(unit string, precision int) string {
	f := "0"
	if precision > 0 {
		f += "." + strings.Repeat("0", precision)
	}
	if unit == "%" {
		f += `"%"`
	}
	return f
}

// scoreFormat is the composite score's format: the ranking compares scores
// at 2 decimals.
const scoreFormat = "0.00"

// Formats of the history columns. The cells hold numbers (a change of
// rank, a change of count, percentage points) so that they sort and
// compute; the format only draws them the way the meeting says them.
const (
	// changeFormat shows a rank change (previous − current) as ↑2, ↓1
	// or — for no change.
	changeFormat = `"↑"0;"↓"0;"—"`
	// deltaFormat shows a change of a count as +2, −1 or 0.
	deltaFormat = `"+"0;"−"0;0`
	// pointsFormat shows percentage points against 时序进度: +19.37,
	// −5.93, at the 2 decimals they are computed at from the 时序进度
	// shown (33.33), so that every difference can be checked by hand.
	pointsFormat = `"+"0.00;"−"0.00;0.00`
	// shareFormat shows a share of the robustness draws, stored as a
	// percentage like every other figure here: 87.4%, and all or none of
	// them as 100% and 0%.
	shareFormat = `[=100]0"%";[=0]0"%";0.0"%"`
)

// tierLegend is the colour key, in the note under every sheet's title.
func tierLegend(o rank.Options) string {
	l := text.TierLabels(o)
	return fmt.Sprintf("红色:%s(红旗);黄色:%s(黄旗);—:%s或不参与排名。档次在参与排名的单位中计算。", l.Top, l.Bottom, l.Missing)
}
