package out

import (
	"fmt"
	"strings"

	"shaipin/out/xlsx"
	"shaipin/rank"
	"shaipin/text"
	"shaipin/textwidth"
)

// writeTiers fills 前三后三: for every ranked indicator, its top-tier and
// bottom-tier units with their values, in the words read out at the
// meeting ("义乌市 91.86、磐安县 91.17、婺城区 90.80"), and who did not report.
// Long lists (a thousand units tied for first, two hundred that did not
// report) name the first few and count the rest, so that every row stays a
// few lines tall.
func writeTiers(s *sheet) {
	o := s.res.Rules
	const last = 6
	lines := tierLines(s.res)
	for col, w := range tierWidths {
		if w[1] > 0 {
			s.Limit(col, w[0], w[1])
		}
	}
	names := text.TierLabels(o)
	head := s.heading(last, "前三后三:每项参与排名指标的前、后档次单位及其数值,可直接用于会议通报。"+tierLegend(o), s.res.Month)
	s.headers(head, "分组", "指标", "单位(计量)", names.Top+"(红旗)", names.Bottom+"(黄旗)", names.Missing)
	row := head + 1
	shown := lines
	if cut := len(lines) - (s.MaxRows() - row + 1); cut > 0 {
		shown = lines[:max(0, len(lines)-cut-1)] // and a row for the note
	}
	for _, l := range shown {
		s.Text(1, row, l.ind.Group, styleKey{role: roleWrap})
		s.Text(2, row, l.ind.Name, styleKey{role: roleWrap})
		s.Text(3, row, l.ind.Unit, styleKey{role: roleCenter})
		s.Text(4, row, l.top, styleKey{role: roleWrap, tier: l.topTier})
		s.Text(5, row, l.worst, styleKey{role: roleWrap, tier: l.worstTier})
		s.Text(6, row, l.missing, styleKey{role: roleWrap})
		row++
	}
	if len(shown) < len(lines) {
		s.overflow(row, last, fmt.Sprintf("注:共 %d 项指标,超出 Excel 单表 %d 行的上限,其余 %d 项未列出,见“分项排名”。", len(lines), s.MaxRows(), len(lines)-len(shown)))
	}
	// Each row as tall as its longest list: the sample's lists of units
	// without a figure run to four lines where its flags take two, and
	// rows all as tall as the tallest would double the pages printed.
	s.SetLayout(xlsx.Layout{Cols: last, TitleRows: head - 1, HeadRows: head, KeepCols: 2})
}

// tierWidths are the [min, max] widths of 前三后三's columns that have
// them; the lists are lined up to their columns' widest. Together they
// print on a landscape page at 90 % or more.
var tierWidths = [][2]float64{1: {8, 10}, 2: {10, 14}, 4: {24, 34}, 5: {24, 34}, 6: {12, 22}}

// tierLine is a row of 前三后三: an indicator's lists of units, ready to
// write.
type tierLine struct {
	ind        rank.Indicator
	top, worst string
	topTier    rank.Tier
	worstTier  rank.Tier
	missing    string
}

// tierLines are the rows of 前三后三, one per ranked indicator.
func tierLines(res *rank.Result) []tierLine {
	var lines []tierLine
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		l := tierLine{ind: ind, topTier: rank.Top, worstTier: rank.Bottom}
		l.top = lineUp(readOutParts(ind, rank.Top), tierWidths[4][1])
		l.worst = lineUp(readOutParts(ind, rank.Bottom), tierWidths[5][1])
		// An empty tier is not a flag.
		if l.top == "" {
			l.top, l.topTier = "—", rank.None
		}
		if l.worst == "" {
			l.worst, l.worstTier = "—", rank.None
		}
		var missing []string
		for _, e := range ind.Entries {
			if e.Value == nil {
				missing = append(missing, e.Unit)
			}
		}
		l.missing = lineUp(text.UnitList(missing, listMax), tierWidths[6][1])
		lines = append(lines, l)
	}
	return lines
}

// listMax is how many units a list on 前三后三 names before it counts the
// rest: ten names fill two or three lines of the column.
const listMax = 10

// readOutParts lists an indicator's units in a tier, in rank order, each
// with its value at the indicator's precision: one part per name
// (text.ReadOut), so that lineUp may break a long tie between names. A tie
// of more than listMax units names the first listMax of them.
func readOutParts(ind rank.Indicator, tier rank.Tier) []string {
	return text.ReadOut(ind, func(e rank.Entry) bool { return e.Tier == tier && e.Rank != nil },
		func(e rank.Entry) string { return shownValue(ind, *e.Value) }, listMax)
}

// lineUp joins a list with "、", starting a new line before an item that
// would not fit in a cell width units wide. Left to the reader, a wrapped
// cell breaks Chinese text anywhere, splitting a unit's name over two
// lines ("磐" / "安县"); the separator stays at the end of the line, where
// Chinese typesetting wants it.
func lineUp(items []string, width float64) string {
	// A line fits when xlsx.Lines counts it as one: up to width − 1 (the
	// cell's padding), less one for a column that comes out narrower than
	// width because nothing in it is that long.
	avail := int(width) - 2
	sep := textwidth.Of("、")
	var b strings.Builder
	line := 0
	for i, it := range items {
		w := textwidth.Of(it)
		if i > 0 {
			b.WriteString("、")
			line += sep
			// Room for the item and the separator that may follow it.
			if line+w+sep > avail {
				b.WriteString("\n")
				line = 0
			}
		}
		b.WriteString(it)
		line += w
	}
	return b.String()
}
