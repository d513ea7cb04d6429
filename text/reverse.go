package text

import (
	"fmt"
	"strconv"

	"shaipin/rank"
)

// FromWorst is the rank counted from the worst end, for an entry whose
// bottom tier comes from it rather than from its rank: "倒数并列第3" (a tie
// group reaching into the last places is wholly 后N); "" for any other.
func FromWorst(e rank.Entry) string {
	if e.ReverseRank == nil {
		return ""
	}
	return "倒数并列第" + strconv.Itoa(*e.ReverseRank)
}

// RankBothEnds is Rank, and when the tier comes from the other end, the
// rank from there too: "并列第4(倒数并列第3)", so that a unit told it is 后3
// while "ranked 4th" sees why.
func RankBothEnds(e rank.Entry) string {
	if w := FromWorst(e); w != "" {
		return Rank(e) + "(" + w + ")"
	}
	return Rank(e)
}

// ReverseRule explains, with the worked example, why a unit ranked 4th
// can be 后3: the rule that puts a whole tie group in the bottom tier.
func ReverseRule(o rank.Options) string {
	l := TierLabels(o)
	return fmt.Sprintf("并列的单位同属一档:并列组伸入最后 %d 个名次时整组居%s,名次后另注从末位数起的名次。"+
		"如 9 个单位中 3 个并列第1、4 个并列第4、2 个并列第8,并列第4的 4 个单位为“并列第4(倒数并列第3)”,居%s。",
		o.Bottom, l.Bottom, l.Bottom)
}
