package text

import (
	"shaipin/rank"
)

// The written notice (通报) the office circulates after a 晒拼: the model
// here holds every word of it, in the order of a 公文, and is rendered to
// Markdown for chat and to Word (package out). Its sentences come from the
// same phrases as the HTML report's, set in the typography of a 公文
// (Formal).

// Notice is a notice's words.
type Notice struct {
	// Title is the 标题 on one line; Lines are centred under it (the
	// period, a short source).
	Title string
	Lines []string
	// Body is the 正文 in order.
	Body []Block
	// Appendices are the 附件, each after the body.
	Appendices []Appendix
}

// BlockKind is what a block of the body is.
type BlockKind int

// The kinds of block.
const (
	Heading1   BlockKind = iota // 一、总体情况
	Heading2                    // (一)七张问题清单
	Paragraph                   // a paragraph, with an optional run-in Lead
	TableBlock                  // a ruled table
)

// Block is one element of a notice's body.
type Block struct {
	Kind BlockKind
	// Lead is a paragraph's run-in heading: "(一)婺城区。".
	Lead string
	// Text is a heading's or a paragraph's text.
	Text  string
	Table *Table
}

// Table is a table of a notice: the flag list, the 数据核查 findings.
type Table struct {
	Header []string
	Rows   [][]string
}

// Appendix is one 附件: a title and its blocks.
type Appendix struct {
	Title string
	Body  []Block
}

// NewNotice drafts the notice of a ranking: 总体情况, one part per group
// of indicators, one paragraph per unit, the flags the rules gave, and the
// 数据核查 findings as an appendix. It is pure: the same result gives the
// same notice.
func NewNotice(res *rank.Result) Notice {
	n := Notice{Title: NoticeTitle(res.Title, res.Month.Label())}
	if !res.Month.IsZero() {
		n.Lines = append(n.Lines, "("+res.Month.Label()+")")
	}
	n.Body = append(n.Body, intro(res, &n)...)
	sections := []struct {
		title string
		body  func(*rank.Result) []Block
	}{
		{"总体情况", overview},
		{"分项情况", groupSections},
		{"各单位情况", unitSections},
		{"红黄旗情况", flagSection},
	}
	for i, s := range sections {
		n.Body = append(n.Body, Block{Kind: Heading1, Text: Numeral(i+1) + "、" + s.title})
		n.Body = append(n.Body, s.body(res)...)
	}
	if len(res.Checks) > 0 {
		n.Appendices = append(n.Appendices, checksAppendix(res))
	}
	return n.formal()
}

// para is a paragraph block.
func para(text string) Block { return Block{Kind: Paragraph, Text: text} }

// formal sets every word of the notice in the typography of a 公文.
func (n Notice) formal() Notice {
	n.Title = Formal(n.Title)
	for i := range n.Lines {
		n.Lines[i] = Formal(n.Lines[i])
	}
	formalBlocks(n.Body)
	for i := range n.Appendices {
		n.Appendices[i].Title = Formal(n.Appendices[i].Title)
		formalBlocks(n.Appendices[i].Body)
	}
	return n
}

func formalBlocks(bs []Block) {
	for i := range bs {
		b := &bs[i]
		b.Lead, b.Text = Formal(b.Lead), Formal(b.Text)
		if b.Table == nil {
			continue
		}
		for j := range b.Table.Header {
			b.Table.Header[j] = Formal(b.Table.Header[j])
		}
		for _, row := range b.Table.Rows {
			for j := range row {
				row[j] = Formal(row[j])
			}
		}
	}
}
