package text

import (
	"strings"

	"shaipin/rank"
)

// ScriptWords are the phrases the report's script (charts/init.js) writes
// when it builds a chart in the browser, as templates with {n} for a
// figure (and {m} for a count of units), so that the script holds no
// wording of its own and says what the Go side says.
type ScriptWords struct {
	// Ahead, Behind and Even compare a completion rate with 时序进度
	// (Schedule); Line names the chart's 时序进度 line (ScheduleLine).
	Ahead, Behind, Even, Line string
	// Up and Down prefix a rank change (rank.ChangeLabel: "↑2", "↓1").
	Up, Down string
	// Rank and Tied are a rank (Place: "第4", "并列第4"); Among places it
	// among the units ranked: "9 个单位中并列第4".
	Rank, Tied, Among string
}

// Words are the script's phrases.
func Words() ScriptWords {
	one := 1
	up := rank.ChangeLabel(&one)
	one = -1
	down := rank.ChangeLabel(&one)
	return ScriptWords{
		Ahead: scheduleAhead, Behind: scheduleBehind, Even: scheduleEven, Line: scheduleLine,
		Up: strings.TrimSuffix(up, "1"), Down: strings.TrimSuffix(down, "1"),
		Rank: placeRank, Tied: placeTied, Among: placeAmong,
	}
}
