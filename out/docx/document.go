package docx

// Document is a notice to be laid out: what it says, in the order of a 公文.
// The caller writes every word, numbering included ("一、", "（一）",
// "附件1" excepted); this package only sets the words on the page.
type Document struct {
	// Title is the 标题, 2号 小标宋 centred. A "\n" starts a new line, so the
	// caller can break a long title where the sense allows (§7.3.1 asks for
	// a 梯形 or 菱形 shape rather than Word's break at the margin).
	Title string
	// Lines are centred 3号 楷体 lines under the title: the period, the
	// source of the figures.
	Lines []string
	// Blocks are the body (正文), in order.
	Blocks []Block
	// Closing is the 落款 under the body; nil leaves it out.
	Closing *Closing
	// Appendices are the 附件, each on a new page after the body; the body
	// ends with the 附件说明 that lists them.
	Appendices []Appendix
}

// Block is one element of the body: a Heading1, a Heading2, a Paragraph or
// a Table.
type Block interface{ block() }

// Heading1 is a first-level heading on its own line, set in 黑体:
// "一、总体情况".
type Heading1 string

// Heading2 is a second-level heading on its own line, set in 楷体:
// "（一）七张问题清单".
type Heading2 string

// Paragraph is a body paragraph in 仿宋 with a first line indented by two
// 字.
type Paragraph struct {
	// Lead, if not empty, is a second-level heading run into the paragraph
	// and set in 楷体, as 公文 often do: "（一）七张问题清单。".
	Lead string
	// Text is the paragraph's text.
	Text string
}

// Table is a ruled table across the type area, its header row repeated on
// every page: the 红旗/黄旗 list, the 数据核查 warnings. Rows may be shorter
// than the header; missing cells stay empty.
type Table struct {
	// Title, if not empty, is centred above the table in 黑体.
	Title  string
	Header []string
	Rows   [][]string
}

// Closing is the 落款 of a notice issued without a seal (§7.3.5.2): the
// issuing office's name and, on the next line, the date in Arabic numerals
// ("2022年5月10日").
type Closing struct {
	Issuer string
	Date   string
}

// Appendix is one 附件: a title and its own blocks, started on a new page.
type Appendix struct {
	Title  string
	Blocks []Block
}

func (Heading1) block()  {}
func (Heading2) block()  {}
func (Paragraph) block() {}
func (Table) block()     {}
