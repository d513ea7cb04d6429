package text

import (
	"slices"

	"shaipin/rank"
)

// ReadOut lists an indicator's entries as they are read out at a meeting:
// in rank order, each with its value, units sharing a rank named together
// once, the value and the rank after the last of them: "义乌市 91.86分",
// "婺城区", "义乌市 100%(并列第1)", and for a tie group placed in the
// bottom tier from the worst end "…(并列第4,倒数并列第3)". It returns
// parts to join with "、", one per name, so that a caller breaking a long
// list into lines breaks it between names. keep chooses the entries
// (those without a value are left out); value writes an entry's value. A
// tie of more than limit units names the first limit of them (UnitList).
// The Excel's 前三后三 and the notice both read their lists out with it.
func ReadOut(ind rank.Indicator, keep func(rank.Entry) bool, value func(rank.Entry) string, limit int) []string {
	var parts []string
	es := ind.Entries
	same := func(e rank.Entry, next rank.Entry) bool {
		return e.Rank != nil && next.Rank != nil && *next.Rank == *e.Rank && keep(next)
	}
	for i := 0; i < len(es); i++ {
		e := es[i]
		if !keep(e) || e.Value == nil {
			continue
		}
		names := []string{e.Unit}
		for i+1 < len(es) && same(e, es[i+1]) {
			i++
			names = append(names, es[i].Unit)
		}
		names = UnitList(names, limit)
		last := names[len(names)-1] + " " + value(e) + readOutRank(e, len(names) > 1)
		parts = append(append(parts, names[:len(names)-1]...), last)
	}
	return parts
}

// readOutRank is the rank after a value read out: "(并列第1)" for a tie,
// "(并列第4,倒数并列第3)" where the tier comes from the worst end, ""
// for a rank of its own.
func readOutRank(e rank.Entry, group bool) string {
	if e.Rank == nil {
		return ""
	}
	tied := group || len(e.Tie) > 0
	switch {
	case e.ReverseRank != nil:
		return "(" + Place(*e.Rank, tied, nil) + "," + FromWorst(*e.ReverseRank, tied) + ")"
	case tied:
		return "(" + Place(*e.Rank, true, nil) + ")"
	}
	return ""
}

// UnitList is names, or when there are more than limit of them, the first
// limit followed by how many there are in all: "甲、乙、丙等 1000 个单位"
// (as one item, so that a caller breaking the list into lines keeps the
// count with the last name).
func UnitList(names []string, limit int) []string {
	if len(names) <= limit {
		return names
	}
	list := slices.Clone(names[:limit])
	list[limit-1] += rank.MoreUnits(len(names))
	return list
}
