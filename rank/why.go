package rank

import (
	"slices"
	"strconv"
)

// TieListMax is how many of the units it ties with an explanation names;
// a longer tie names that many and counts them all (MoreUnits), as every
// output cuts a long list of units: at national scale ties of dozens of
// units are common, and a sentence naming 60 counties is read by no one.
const TieListMax = 10

// MoreUnits ends a list of units cut short: "等 46 个单位", the number
// of units in the whole list.
func MoreUnits(n int) string { return "等 " + itoa(n) + " 个单位" }

// whyCache shares explanations. The text of an untied entry depends only
// on the number ranked, the placement and the tier, so at national scale
// 850,000 entries need a few thousand strings; the members of a tie group
// past the first TieListMax name the same others, so they share one.
type whyCache struct {
	m map[whyKey]string
	// tie is the first unit of the tie group whose shared text is tieWhy.
	tie    *string
	tieWhy string
	// buf is where a text is written before it is made a string.
	buf []byte
}

type whyKey struct {
	n, rank, fromWorst int
	tier               Tier
}

// entry says in Chinese why an entry has its rank and tier.
func (c *whyCache) entry(e Entry, p placement, prec, n int, o Options) string {
	key := whyKey{n, p.rank, p.fromWorst, e.Tier}
	shared := p.tied() && namesShared(e.Tie, e.Unit)
	switch {
	case !p.tied():
		if s, ok := c.m[key]; ok {
			return s
		}
	case shared && c.tie == &e.Tie[0]:
		return c.tieWhy
	}
	b := appendPlace(c.buf[:0], n, p.rank, e.ReverseRank)
	if p.tied() {
		b = append(b, "(与"...)
		b = appendOthers(b, e.Tie, e.Unit)
		b = append(b, "并列:按 "...)
		b = strconv.AppendInt(b, int64(prec), 10)
		b = append(b, " 位小数比较数值相同)"...)
	}
	b = appendTier(b, e.Tier, e.ReverseRank != nil, p.fromWorst, o)
	s := string(b)
	c.buf = b
	switch {
	case !p.tied():
		c.m[key] = s
	case shared:
		c.tie, c.tieWhy = &e.Tie[0], s
	}
	return s
}

// appendTier writes the tier: ",居前3", ",倒数第 2,居后3", or for a tie
// group placed from the worst end (reverse) ",并列组伸入后3,整组居后3".
func appendTier(b []byte, t Tier, reverse bool, fromWorst int, o Options) []byte {
	switch t {
	case Top:
		b = append(b, ",居前"...)
		return strconv.AppendInt(b, int64(o.Top), 10)
	case Bottom:
		if reverse {
			b = append(b, ",并列组伸入后"...)
			b = strconv.AppendInt(b, int64(o.Bottom), 10)
			b = append(b, ",整组居后"...)
		} else {
			b = append(b, ",倒数第 "...)
			b = strconv.AppendInt(b, int64(fromWorst), 10)
			b = append(b, ",居后"...)
		}
		return strconv.AppendInt(b, int64(o.Bottom), 10)
	}
	return append(b, ",居中间"...)
}

// appendPlace writes "10 个单位中第 1 名", or when the tier comes from the
// worst end (reverse is not nil) "9 个单位中并列第4(倒数并列第3)".
func appendPlace(b []byte, n, rank int, reverse *int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	if reverse == nil {
		b = append(b, " 个单位中第 "...)
		b = strconv.AppendInt(b, int64(rank), 10)
		return append(b, " 名"...)
	}
	b = append(b, " 个单位中并列第"...)
	b = strconv.AppendInt(b, int64(rank), 10)
	b = append(b, "(倒数并列第"...)
	b = strconv.AppendInt(b, int64(*reverse), 10)
	return append(b, ")"...)
}

// appendOthers writes the units of tie other than self, joined with "、":
// up to TieListMax of them, then how many there are (MoreUnits).
func appendOthers(b []byte, tie []string, self string) []byte {
	named := 0
	for _, u := range tie {
		if u == self {
			continue
		}
		if named == TieListMax {
			break
		}
		if named > 0 {
			b = append(b, "、"...)
		}
		b = append(b, u...)
		named++
	}
	if others := len(tie) - 1; others > TieListMax {
		b = append(b, MoreUnits(others)...)
	}
	return b
}

// namesShared reports whether self's explanation names the same others
// as every member of its tie past the first TieListMax: the tie is longer
// than the names shown and self is not among them.
func namesShared(tie []string, self string) bool {
	return len(tie)-1 > TieListMax && !slices.Contains(tie[:TieListMax], self)
}

// others lists the units of tie other than self.
func others(tie []string, self string) []string {
	if len(tie) == 0 {
		return nil
	}
	out := make([]string, 0, len(tie)-1)
	for _, u := range tie {
		if u != self {
			out = append(out, u)
		}
	}
	return out
}
