package text

import (
	"fmt"

	"shaipin/data"
	"shaipin/rank"
)

// Streak is how long a unit has held a top or bottom tier: "连续 4 个月居
// 前3位" for at least two periods; "" otherwise. unit is StreakUnit's.
func Streak(streak int, t rank.Tier, o rank.Options, unit string) string {
	if streak < 2 || (t != rank.Top && t != rank.Bottom) {
		return ""
	}
	return fmt.Sprintf("连续 %d %s居%s", streak, unit, StyleOf(t).Name(o))
}

// StreakUnit is how streaks are counted: "个月" when the periods follow
// each other month by month, else "期".
func StreakUnit(res *rank.Result) string {
	if HasHistory(res) && Monthly(res.History.Periods) {
		return "个月"
	}
	return "期"
}

// Monthly tells whether periods follow month after month, so that a
// streak can be said in months.
func Monthly(periods []data.Month) bool {
	for i := 1; i < len(periods); i++ {
		if periods[i] != periods[i-1].Next() {
			return false
		}
	}
	return true
}

// HasHistory tells whether there are earlier periods to compare with, so
// that moves and streaks can be spoken of.
func HasHistory(res *rank.Result) bool {
	return res.History != nil && len(res.History.Periods) >= 2
}
