package out

import (
	"math"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// The cells the summary's sheets share: what a rank, a change, a streak,
// a missing figure look like, and the heading every sheet starts with.

// number writes a figure; shown is how it reads once formatted. A figure
// Excel cannot hold (NaN, infinity) is shown as "—".
func (s *sheet) number(col, row int, v float64, k styleKey, shown func() string) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		s.Text(col, row, "—", styleKey{role: roleCenter})
		return
	}
	s.Number(col, row, v, k, shown)
}

// rankCell writes a rank in style k, or "—" without the tier's fill when
// there is none.
func (s *sheet) rankCell(col, row int, r *int, k styleKey) {
	if r == nil {
		k.tier = rank.None
		s.Text(col, row, "—", k)
		return
	}
	s.Int(col, row, *r, k)
}

// change writes a rank change (previous − current) as a number drawn ↑2,
// ↓1 or —, red for 进位 and amber for 退位; blank when there is nothing to
// compare with (no rank in one of the two periods).
func (s *sheet) change(col, row int, c *int, k styleKey) {
	k.role, k.numFmt = roleCenter, changeFormat
	if c == nil {
		s.Blank(col, row, k)
		return
	}
	k.tone = toneOf(float64(*c), 1)
	s.number(col, row, float64(*c), k, func() string { return rank.ChangeLabel(c) })
}

// signed writes a signed difference in format (deltaFormat or
// pointsFormat), red when it is good news for the unit and amber when it
// is bad; better is the good sign (+1: more is better, −1: fewer is).
// A nil v leaves the cell blank.
func (s *sheet) signed(col, row int, v *float64, format string, better int, k styleKey) {
	k.role, k.numFmt = roleCenter, format
	if v == nil {
		s.Blank(col, row, k)
		return
	}
	k.tone = toneOf(*v, better)
	s.number(col, row, *v, k, func() string { return "+" + strconv.FormatFloat(math.Abs(*v), 'f', 1, 64) })
}

// streak writes how many periods running a unit has held its tier; blank
// when it holds none (no rank).
func (s *sheet) streak(col, row, n int, k styleKey) {
	k.role = roleCenter
	if n <= 0 {
		s.Blank(col, row, k)
		return
	}
	s.Int(col, row, n, k)
}

// heading writes the merged title row and the merged note row under it,
// across columns 1..lastCol, and when some of the periods the sheet shows
// are not official figures (模拟, 初步, 公开报道), a row saying so. It
// returns the row after them: the sheet's header row.
func (s *sheet) heading(lastCol int, note string, periods ...data.Month) int {
	return s.headingOver([][2]int{{1, lastCol}}, note, periods...)
}

// headingOver is heading over each span of columns, for a sheet that
// prints on several pages across: the title over each page's columns, the
// notes over the first page's.
func (s *sheet) headingOver(spans [][2]int, note string, periods ...data.Month) int {
	lines := []struct {
		text   string
		k      styleKey
		height float64
	}{
		{s.res.Title, styleKey{role: roleTitle}, 30},
		{note, styleKey{role: roleSubtitle}, 18},
		{text.ProvenanceNote(periods, s.res.Provenance), styleKey{role: roleWarning}, 18},
	}
	if lines[2].text == "" {
		lines = lines[:2]
	}
	for i, l := range lines {
		row := i + 1
		for j, sp := range spans {
			if j > 0 && row > 1 {
				break // the notes are said once, on the first page
			}
			s.Text(sp[0], row, l.text, l.k)
			s.Merge(sp[0], row, sp[1], row, l.k)
			// A note grows with the history and 时序进度 legends; when it
			// needs more lines, its row is made tall enough for them.
			if row > 1 {
				s.Wrap(row, sp[0], sp[1], l.text, notePoints)
			}
		}
		s.Height(row, l.height)
	}
	return len(lines) + 1
}

// headRow is the header row of a sheet showing periods: under the title,
// its note and the provenance warning, if any.
func (s *sheet) headRow(periods []data.Month) int {
	if text.ProvenanceNote(periods, s.res.Provenance) == "" {
		return 3
	}
	return 4
}

// shownPeriods are the periods a sheet of this period's ranks shows: this
// one, and with hist the previous one its changes are measured from.
func shownPeriods(res *rank.Result, hist bool) []data.Month {
	if hist && !res.Previous.IsZero() {
		return []data.Month{res.Previous, res.Month}
	}
	return []data.Month{res.Month}
}

// headers writes a header row starting in column 1. A header of more
// than four characters is set on two lines (before its parenthesis, or
// where it has a "\n"), so that it does not widen its column beyond its
// figures.
func (s *sheet) headers(row int, names ...string) {
	lines := 1
	for i, n := range names {
		if r := []rune(n); len(r) > 4 && !strings.Contains(n, "\n") {
			if at := strings.IndexAny(n, "(("); at > 0 {
				n = n[:at] + "\n" + n[at:]
			}
		}
		lines = max(lines, strings.Count(n, "\n")+1)
		s.Text(i+1, row, n, styleKey{role: roleHeader})
	}
	s.Height(row, headerPoints(lines))
}

// footnote writes a note under a table, in row across columns 1..lastCol,
// wrapped.
func (s *sheet) footnote(row, lastCol int, note string) {
	s.Text(1, row, note, styleKey{role: roleFootnote})
	s.Merge(1, row, lastCol, row, styleKey{role: roleFootnote})
	s.Wrap(row, 1, lastCol, note, notePoints)
}

// overflow writes the note that ends a sheet cut short at Excel's row
// limit, in row, across columns 1..lastCol.
func (s *sheet) overflow(row, lastCol int, note string) {
	s.Text(1, row, note, styleKey{role: roleNote})
	s.Merge(1, row, lastCol, row, styleKey{role: roleNote})
}

// columns lays out a table whose columns depend on the data (the history
// columns appear only when there is an earlier period).
type columns struct {
	heads []string
	at    map[string]int // key → column, 1-based
}

func (c *columns) add(key, head string) {
	if c.at == nil {
		c.at = map[string]int{}
	}
	c.heads = append(c.heads, head)
	c.at[key] = len(c.heads)
}

func (c *columns) last() int { return len(c.heads) }

func ptrTo[T any](v T) *T { return &v }
