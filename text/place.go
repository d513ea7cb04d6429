package text

import (
	"strconv"

	"shaipin/rank"
)

// Boundary ties: a tie group that reaches into the last N positions is
// wholly 后N, so a unit can be 后3位 while "ranked 4th". Wherever that
// happens the rank from the worst end is said beside the rank, so that
// the county told it is 后三 sees why.

// The rank phrases, with {n} for the rank; the page's script gets the
// same templates (ScriptWords).
const (
	placeRank = "第{n}"
	placeTied = "并列第{n}"
	// placeAmong places a rank ({n}) among the {m} units ranked.
	placeAmong = "{m} 个单位中{n}"
)

// Place is a rank as people say it, with the rank from the worst end when
// that is what puts the unit in the bottom tier: "第4", "并列第4",
// "并列第4(倒数并列第3)".
func Place(r int, tied bool, reverse *int) string {
	s := fill(placeRank, strconv.Itoa(r))
	if tied {
		s = fill(placeTied, strconv.Itoa(r))
	}
	if reverse != nil {
		s += "(" + FromWorst(*reverse, tied) + ")"
	}
	return s
}

// FromWorst is a rank counted from the worst end: "倒数并列第3",
// "倒数第3".
func FromWorst(r int, tied bool) string {
	if tied {
		return "倒数并列第" + strconv.Itoa(r)
	}
	return "倒数第" + strconv.Itoa(r)
}

// BoundaryRule states the rule for a tie group that reaches into the
// bottom tier, with the worked example when the bottom tier is 3 (the
// example's numbers are for 3); "" when ties cannot do that (dense ranks
// count tie groups, so a bottom rank is always among the last N).
func BoundaryRule(o rank.Options) string {
	if o.Ties == rank.Dense || o.Bottom <= 0 {
		return ""
	}
	l := TierLabels(o)
	s := "并列的一组只要有一个名次落入最后 " + strconv.Itoa(o.Bottom) + " 位,整组都居" + l.Bottom +
		",名次后注明从后往前数的名次。"
	if o.Bottom == 3 {
		s += "例如 9 个单位中 3 个并列第1、4 个并列第4、2 个并列第8:并列第4 的一组占第4—7位," +
			"从后往前数是倒数并列第3,伸入后3位,四个单位都居" + l.Bottom + ",显示为“并列第4(倒数并列第3)”。"
	}
	return s
}
