package out

import (
	"math"
	"strconv"

	"shaipin/rank"
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
// across columns 1..lastCol.
func (s *sheet) heading(lastCol int, note string) {
	s.Text(1, 1, s.res.Title, styleKey{role: roleTitle})
	s.Merge(1, 1, lastCol, 1, styleKey{role: roleTitle})
	s.Height(1, 30)
	s.Text(1, 2, note, styleKey{role: roleSubtitle})
	s.Merge(1, 2, lastCol, 2, styleKey{role: roleSubtitle})
	s.Height(2, 18)
	// The note grows with the history and 时序进度 legends; when it needs
	// a second line, its row is made tall enough for it.
	s.Wrap(2, 1, lastCol, note, notePoints)
}

// headers writes a header row starting in column 1.
func (s *sheet) headers(row int, names ...string) {
	for i, n := range names {
		s.Text(i+1, row, n, styleKey{role: roleHeader})
	}
	s.Height(row, 22)
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
