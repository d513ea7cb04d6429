package out

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"

	"shaipin/out/docx"
	"shaipin/rank"
	"shaipin/text"
	"shaipin/textwidth"
)

// NoticeName is the base name of a result's notice (通报) files, without
// the extension: "通报-2022-04".
func NoticeName(res *rank.Result) string { return "通报-" + res.Month.String() }

// NoticeDocx writes the notice as a Word document laid out to GB/T 9704
// (package docx). The same notice gives the same bytes.
func NoticeDocx(w io.Writer, n text.Notice) error {
	d := docx.Document{Title: breakTitle(n.Title), Lines: n.Lines, Blocks: docxBlocks(n.Body)}
	for _, a := range n.Appendices {
		d.Appendices = append(d.Appendices, docx.Appendix{Title: a.Title, Blocks: docxBlocks(a.Body)})
	}
	return docx.Write(w, d)
}

// docxBlocks are the notice's blocks as the docx package lays them out.
func docxBlocks(bs []text.Block) []docx.Block {
	out := make([]docx.Block, 0, len(bs))
	for _, b := range bs {
		switch b.Kind {
		case text.Heading1:
			out = append(out, docx.Heading1(b.Text))
		case text.Heading2:
			out = append(out, docx.Heading2(b.Text))
		case text.TableBlock:
			out = append(out, docx.Table{Header: b.Table.Header, Rows: b.Table.Rows})
		default:
			out = append(out, docx.Paragraph{Lead: b.Lead, Text: b.Text})
		}
	}
	return out
}

// titleLine is the width of a title line in half-width cells: 20 字 of 2号
// across the 156 mm type area.
const titleLine = 40

// titleBreaks are where a long title may break, as GB/T 9704 §7.3.1 asks
// (by sense, into a 梯形 or 菱形): after the period, before a quotation or a
// bracket, before 晒拼情况通报.
var titleBreaks = regexp.MustCompile(`月|\x{201c}|\x{ff08}|(大)?晒拼情况通报`)

// breakTitle breaks a title too long for one line at the sense break
// that shares it most evenly between two lines.
func breakTitle(title string) string {
	total := textwidth.Of(title)
	if total <= titleLine {
		return title
	}
	best, bestGap := -1, total
	for _, m := range titleBreaks.FindAllStringIndex(title, -1) {
		at := m[0]
		if title[m[0]:m[1]] == "月" {
			at = m[1] // after the month, before what follows
		}
		left := textwidth.Of(title[:at])
		if gap := abs(total - 2*left); at > 0 && at < len(title) && gap < bestGap {
			best, bestGap = at, gap
		}
	}
	if best < 0 {
		return title
	}
	return title[:best] + "\n" + title[best:]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// NoticeMarkdown writes the notice as Markdown, for a chat message: the
// title as a heading, the parts as subheadings, the tables as tables.
func NoticeMarkdown(w io.Writer, n text.Notice) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# " + mdEscape(n.Title) + "\n\n")
	for _, l := range n.Lines {
		bw.WriteString(mdEscape(l) + "\n\n")
	}
	mdBlocks(bw, n.Body)
	for i, a := range n.Appendices {
		label := "附件"
		if len(n.Appendices) > 1 {
			label += strconv.Itoa(i + 1)
		}
		bw.WriteString("---\n\n## " + label + "\uff1a" + mdEscape(a.Title) + "\n\n")
		mdBlocks(bw, a.Body)
	}
	return bw.Flush()
}

// mdBlocks writes blocks as Markdown, each followed by an empty line.
func mdBlocks(bw *bufio.Writer, bs []text.Block) {
	for _, b := range bs {
		switch b.Kind {
		case text.Heading1:
			bw.WriteString("## " + mdEscape(b.Text))
		case text.Heading2:
			bw.WriteString("### " + mdEscape(b.Text))
		case text.TableBlock:
			mdTable(bw, b.Table)
		default:
			if b.Lead != "" {
				bw.WriteString("**" + mdEscape(b.Lead) + "**")
			}
			bw.WriteString(mdEscape(b.Text))
		}
		bw.WriteString("\n\n")
	}
}

// mdTable writes a table; a cell's line breaks become spaces.
func mdTable(bw *bufio.Writer, t *text.Table) {
	row := func(cells []string) {
		bw.WriteString("|")
		for i := range t.Header {
			c := ""
			if i < len(cells) {
				c = strings.ReplaceAll(cells[i], "\n", " ")
			}
			bw.WriteString(" " + mdEscape(c) + " |")
		}
		bw.WriteString("\n")
	}
	row(t.Header)
	bw.WriteString(strings.Repeat("|---", len(t.Header)) + "|\n")
	for _, r := range t.Rows {
		row(r)
	}
}

// mdSpecial are the characters Markdown would read as markup anywhere in
// a line; mdLineStart those it reads so at the start of one.
var (
	mdSpecial   = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`)
	mdLineStart = regexp.MustCompile(`^(#|-|\+|=|\d+[.)])`)
)

// mdEscape keeps text from being read as Markdown markup; Chinese prose
// rarely has any of it, so a chat that shows Markdown as plain text sees
// the words as written.
func mdEscape(s string) string {
	s = mdSpecial.Replace(s)
	if m := mdLineStart.FindString(s); m != "" {
		s = `\` + s
	}
	return s
}
