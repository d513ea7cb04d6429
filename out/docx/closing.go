package docx

import (
	"fmt"

	"shaipin/textwidth"

	"github.com/gomutex/godocx/wml/ctypes"
)

// attachmentNote is the 附件说明 (§7.3.4): under the body after an empty
// line, indented two 字, "附件：" and the appendices' titles, numbered
// "1．" when there are several, one a line; wrapped lines align with the
// first character of the title.
func (b *builder) attachmentNote(appendices []Appendix) {
	if len(appendices) == 0 {
		return
	}
	b.blank()
	for i, a := range appendices {
		number := ""
		if len(appendices) > 1 {
			number = fmt.Sprintf("%d．", i+1)
		}
		lead := number
		if i == 0 {
			lead = "附件：" + number
		}
		// Every title starts where the first one does: after the two 字 of
		// the indent, "附件：" and its number.
		left := 2 + width("附件："+number)
		ind := &ctypes.Indent{Left: ptr(chars(left)), Hanging: ptr(uint64(chars(width(lead))))}
		b.para(styleNote, lead+a.Title).Indent(ind)
	}
}

// closing is the 落款 without a seal (§7.3.5.2): after an empty line the
// issuer two 字 from the right, and the date on the next line starting two
// 字 right of the issuer's first character; if that would bring the date
// closer than two 字 to the right edge, the date keeps two 字 and the
// issuer moves left.
func (b *builder) closing(c *Closing) {
	if c == nil || (c.Issuer == "" && c.Date == "") {
		return
	}
	issuer, date := closingIndents(c.Issuer, c.Date)
	b.blank()
	if c.Issuer != "" {
		b.para(styleClosing, c.Issuer).Indent(&ctypes.Indent{Right: ptr(chars(issuer))})
	}
	if c.Date != "" {
		b.para(styleClosing, c.Date).Indent(&ctypes.Indent{Right: ptr(chars(date))})
	}
}

// closingIndents are the right indents of the issuer and the date in 字.
func closingIndents(issuer, date string) (float64, float64) {
	iw, dw := width(issuer), width(date)
	if issuer == "" || date == "" {
		return 2, 2
	}
	// The issuer two 字 from the right, the date two 字 right of its start.
	issuerRight, dateRight := 2.0, iw-dw
	if dateRight < 2 {
		issuerRight += 2 - dateRight
		dateRight = 2
	}
	return issuerRight, dateRight
}

// width is the width of s in 字: a wide character is one, a half-width one
// (the digits of a date) half of one.
func width(s string) float64 {
	return float64(textwidth.Of(s)) / 2
}

// appendix starts the i-th of n appendices on a new page (§8): "附件" or
// "附件2" in 黑体 on the first line, the title centred on the third.
func (b *builder) appendix(i, n int, a Appendix) {
	label := "附件"
	if n > 1 {
		label = fmt.Sprintf("附件%d", i+1)
	}
	p := b.para(styleAttachment, label)
	p.GetCT().Property.PageBreakBefore = &ctypes.OnOff{}
	b.blank()
	b.head(a.Title, nil)
	b.blocks(a.Blocks)
}
