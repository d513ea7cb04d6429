package docx

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/gomutex/godocx"
	gdocx "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Write lays d out as a Word document (.docx) and writes it to w. The same
// Document always gives the same bytes.
func Write(w io.Writer, d Document) error {
	rd, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("无法创建 Word 文档: %w", err)
	}
	prepare(rd, d.Title)
	b := builder{rd: rd}
	b.head(d.Title, d.Lines)
	b.blocks(d.Blocks)
	b.attachmentNote(d.Appendices)
	b.closing(d.Closing)
	for i, a := range d.Appendices {
		b.appendix(i, len(d.Appendices), a)
	}
	evenFooter, err := addFooters(rd)
	if err != nil {
		return err
	}
	var pkg bytes.Buffer
	if err := rd.Write(&pkg); err != nil {
		return fmt.Errorf("无法生成 Word 文档: %w", err)
	}
	return referEvenFooter(w, pkg.Bytes(), evenFooter)
}

// prepare turns godocx's Letter-sized English template into an empty 公文:
// styles, page, fonts, and no stale thumbnail or authorship.
func prepare(rd *gdocx.RootDoc, title string) {
	setStyles(rd.DocStyles)
	rd.Document.Body.SectPr = section()
	rd.FileMap.Store("word/fontTable.xml", fontTableXML())
	setProperties(rd, title)
}

// section is the page of GB/T 9704 with its 22 × 28 document grid.
func section() *ctypes.SectionProp {
	return &ctypes.SectionProp{
		PageSize: &ctypes.PageSize{Width: ptr(uint64(pageWidth)), Height: ptr(uint64(pageHeight))},
		PageMargin: &ctypes.PageMargin{
			Top: ptr(marginTop), Right: ptr(marginRight), Bottom: ptr(marginBottom), Left: ptr(marginLeft),
			Header: ptr(headerDistance), Footer: ptr(footerDistance), Gutter: ptr(0),
		},
		DocGrid: &ctypes.DocGrid{
			Type: stypes.DocGridLines, LinePitch: ptr(linePitch),
		},
	}
}

// builder appends paragraphs and tables to the body in order.
type builder struct {
	rd *gdocx.RootDoc
}

// para adds a paragraph in style with text; "\n" in text breaks the line.
func (b *builder) para(style, text string) *gdocx.Paragraph {
	p := b.rd.AddEmptyParagraph()
	p.Style(style)
	if text != "" {
		addText(p, text)
	}
	return p
}

// blank adds an empty line, the unit of vertical space in a 公文 ("空一行").
func (b *builder) blank() { b.para(styleBody, "") }

// head sets the title and the lines under it, then one empty line.
func (b *builder) head(title string, lines []string) {
	if title == "" && len(lines) == 0 {
		return
	}
	if title != "" {
		b.para(styleTitle, title)
	}
	for _, l := range lines {
		b.para(styleSubtitle, l)
	}
	b.blank()
}

func (b *builder) blocks(blocks []Block) {
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case Heading1:
			b.para(styleHeading1, string(bl))
		case Heading2:
			b.para(styleHeading2, string(bl))
		case Paragraph:
			p := b.para(styleBody, "")
			if bl.Lead != "" {
				addText(p, bl.Lead).Style(styleLead)
			}
			addText(p, bl.Text)
		case Table:
			b.table(bl)
		}
	}
}

// addText appends text as one run, turning each "\n" into a line break.
func addText(p *gdocx.Paragraph, text string) *gdocx.Run {
	r := p.AddRun()
	// godocx's Run hides its children, but texts and breaks must interleave
	// within one run: reach them through the paragraph's last child.
	children := p.GetCT().Children
	ct := children[len(children)-1].Run
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			ct.Children = append(ct.Children, ctypes.RunChild{Break: &ctypes.Break{}})
		}
		if line != "" {
			ct.Children = append(ct.Children, ctypes.RunChild{Text: ctypes.TextFromString(line)})
		}
	}
	return r
}
