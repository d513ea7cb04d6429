package rank

import (
	"shaipin/check"
	"shaipin/data"
)

// Tier is a unit's band on an indicator or on the overall board.
type Tier string

// The tiers. Red (top) is honour, yellow (bottom) marks the laggards.
const (
	Top    Tier = "top"    // 前三 (红旗)
	Middle Tier = "middle" // 中间
	Bottom Tier = "bottom" // 后三 (黄旗)
	None   Tier = "none"   // not ranked: 未报送, or the indicator does not rank
)

// Label is the tier's Chinese name for the given tier sizes.
func (t Tier) Label(o Options) string {
	switch t {
	case Top:
		return "前" + itoa(o.Top)
	case Bottom:
		return "后" + itoa(o.Bottom)
	case Middle:
		return "中间"
	}
	return "—"
}

// Result is the leaderboard of one period.
type Result struct {
	Month      data.Month  `json:"period"`
	Title      string      `json:"title"`
	Source     string      `json:"source,omitempty"`
	Rules      Options     `json:"rules"`
	Units      []string    `json:"units"`
	Indicators []Indicator `json:"indicators"`
	Tally      []Tally     `json:"tally"`
	Overall    []Overall   `json:"overall"`
	// Previous is the period changes are measured from ("" when none).
	Previous data.Month `json:"previous,omitempty"`
	// History holds every period's ranks up to this one, oldest first
	// (nil with a single period).
	History *History `json:"history,omitempty"`
	// Robustness summarises the Monte-Carlo check of the overall board
	// (nil unless AddRobust was called); each unit's figures are on its
	// Overall row.
	Robustness *Robustness `json:"robustness,omitempty"`
	// Provenance lists the periods shown (this one and those in History)
	// whose figures are not official: 初步, 模拟 or 公开报道 (参数/数据性质).
	// Every output marks them, so invented movement is never read as fact.
	Provenance map[data.Month]data.Provenance `json:"provenance,omitempty"`
	// Checks are the plausibility findings (package check) on the periods
	// shown, filled in by the caller that ran them; the outputs list them
	// as 数据核查. The command line sets an empty list when nothing was
	// found, so the JSON tells "checked, nothing found" ([]) from "not
	// checked" (null).
	Checks check.Findings `json:"checks"`
	// Flags are the 红旗 and 黄旗 the flag rules (Rules.FlagRules) gave,
	// red first; each names its rule and its evidence.
	Flags []Flag `json:"flags"`
}

// Simulated reports whether any period shown is simulated (模拟).
func (r *Result) Simulated() bool {
	for _, p := range r.Provenance {
		if p == data.Simulated {
			return true
		}
	}
	return false
}

// Indicator is one indicator's ranking.
type Indicator struct {
	Name      string         `json:"name"`
	Group     string         `json:"group"`
	Unit      string         `json:"unit"`
	Direction data.Direction `json:"direction"`
	Weight    float64        `json:"weight"`
	Ranked    bool           `json:"ranked"`
	// Precision is the number of decimals values were compared at.
	Precision int  `json:"precision"`
	Schedule  bool `json:"schedule,omitempty"`
	// ScheduleTarget is the share of the year elapsed (时序进度, in %) for
	// an indicator compared with it, at the 2 decimals VsSchedule is
	// computed from: 33.33 for April.
	ScheduleTarget *float64 `json:"schedule_target,omitempty"`
	// WeightUsed is the indicator's share of the composite's weight as
	// actually used (given, equal or entropy weights; the ranked
	// indicators' shares sum to 1); 0 when it is not in the composite.
	WeightUsed float64 `json:"weight_used"`
	// Target is 目标值 from 指标说明, or under 目标值法 the target used;
	// TargetSource says where the latter came from (目标值, 时序进度, 最优值).
	Target       *float64 `json:"target,omitempty"`
	TargetSource string   `json:"target_source,omitempty"`
	// Entries are in rank order, units without a value last (in unit order).
	Entries []Entry `json:"entries"`
}

// Entry is one unit on one indicator.
type Entry struct {
	Unit  string   `json:"unit"`
	Value *float64 `json:"value"`
	Rank  *int     `json:"rank"`
	Tier  Tier     `json:"tier"`
	// ReverseRank is the rank counted from the worst end, given only when
	// it, not Rank, puts the unit in the bottom tier: a tie group that
	// reaches into the last N positions is wholly 后N, so 并列第4 of 9 with
	// two units below is 倒数并列第3.
	ReverseRank *int `json:"reverse_rank,omitempty"`
	// Display is the value as shown to people, at the indicator's precision.
	Display string `json:"display"`
	// Tie lists every unit sharing this rank, this one included, in rank
	// order; nil when the rank is not shared. The members of a tie group
	// share one slice (at national scale groups of dozens of units are
	// common): read it, never modify it. The JSON names the others
	// (tied_with, see MarshalJSON).
	Tie []string `json:"-"`
	// Why explains the rank and tier in Chinese.
	Why  string `json:"why"`
	Cell string `json:"cell,omitempty"`
	// Change is the previous rank minus this one (positive: moved up,
	// 进位); null when either period has no rank.
	Change *int `json:"change"`
	// Streak is how many consecutive periods, ending with this one, the
	// unit has been in this tier on this indicator (1: just arrived; 0
	// when not ranked).
	Streak int `json:"streak"`
	// VsSchedule is value − 时序进度 in percentage points for indicators
	// compared with the schedule; null otherwise.
	VsSchedule *float64 `json:"vs_schedule"`
}

// Tally counts a unit's tiers over the ranked indicators: the line each
// unit quotes ("前3位的9项,4—7位的7项,后3位的5项").
type Tally struct {
	Unit    string `json:"unit"`
	Top     int    `json:"top"`
	Middle  int    `json:"middle"`
	Bottom  int    `json:"bottom"`
	Missing int    `json:"missing"`
	// Change is this tally minus the previous period's; null when the unit
	// was not in the previous period.
	Change *TallyChange `json:"change"`
}

// TallyChange is the change of each count since the previous period.
type TallyChange struct {
	Top     int `json:"top"`
	Middle  int `json:"middle"`
	Bottom  int `json:"bottom"`
	Missing int `json:"missing"`
}

// Overall is a unit's row on the overall board (总榜).
type Overall struct {
	Unit string `json:"unit"`
	// Score is the composite score (2 decimals); on the tally board,
	// 前N位项数 − 后N位项数. Null when the unit is not ranked.
	Score *float64 `json:"score"`
	Rank  *int     `json:"rank"`
	Tier  Tier     `json:"tier"`
	// ReverseRank as on an Entry.
	ReverseRank *int `json:"reverse_rank,omitempty"`
	// Counted is how many ranked indicators the unit reported.
	Counted int `json:"counted"`
	// Coverage is their share of the total weight (4 decimals); below
	// Options.MinCoverage the unit is not ranked.
	Coverage float64 `json:"coverage"`
	// Tie as on an Entry.
	Tie []string `json:"-"`
	Why string   `json:"why"`
	// Change and Streak as on an Entry, for the overall board.
	Change *int `json:"change"`
	Streak int  `json:"streak"`
	// Robust is the unit's standing over the robustness draws (nil
	// unless AddRobust was called, and for units not ranked).
	Robust *Stability `json:"robust,omitempty"`
}

// History is the ranks of every period up to the current one.
type History struct {
	Periods    []data.Month   `json:"periods"` // oldest first, the current one last
	Overall    []Trend        `json:"overall"` // one per unit, in Result.Units order
	Indicators []TrendByIndic `json:"indicators"`
}

// Trend is one unit's rank in each period (null where it had none).
type Trend struct {
	Unit  string `json:"unit"`
	Ranks []*int `json:"ranks"`
}

// TrendByIndic is every unit's rank over the periods on one indicator of
// the current period.
type TrendByIndic struct {
	Name  string  `json:"name"`
	Group string  `json:"group"`
	Units []Trend `json:"units"`
}

// TallyOf returns the tally row of a unit.
func (r *Result) TallyOf(unit string) Tally {
	for _, t := range r.Tally {
		if t.Unit == unit {
			return t
		}
	}
	return Tally{Unit: unit}
}

// Groups returns the indicator groups in order of first appearance.
func (r *Result) Groups() []string {
	var gs []string
	seen := map[string]bool{}
	for _, ind := range r.Indicators {
		if !seen[ind.Group] {
			seen[ind.Group] = true
			gs = append(gs, ind.Group)
		}
	}
	return gs
}

// ChangeLabel writes a rank change as people read it: ↑2 (进位), ↓1 (退位),
// — (no change), and "" when there is nothing to compare with.
func ChangeLabel(change *int) string {
	switch {
	case change == nil:
		return ""
	case *change > 0:
		return "↑" + itoa(*change)
	case *change < 0:
		return "↓" + itoa(-*change)
	}
	return "—"
}

// RankedCount is how many of the indicators are ranked (参与排名).
func (r *Result) RankedCount() int {
	n := 0
	for _, ind := range r.Indicators {
		if ind.Ranked {
			n++
		}
	}
	return n
}
