package rank

import "shaipin/data"

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
	Period     string      `json:"period"`
	Title      string      `json:"title"`
	Source     string      `json:"source,omitempty"`
	Rules      Options     `json:"rules"`
	Units      []string    `json:"units"`
	Indicators []Indicator `json:"indicators"`
	Tally      []Tally     `json:"tally"`
	Overall    []Overall   `json:"overall"`
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
	// Entries are in rank order, units without a value last (in unit order).
	Entries []Entry `json:"entries"`
}

// Entry is one unit on one indicator.
type Entry struct {
	Unit  string   `json:"unit"`
	Value *float64 `json:"value"`
	Rank  *int     `json:"rank"`
	Tier  Tier     `json:"tier"`
	// Display is the value as shown to people, at the indicator's precision.
	Display string `json:"display"`
	// TiedWith lists the other units sharing this rank.
	TiedWith []string `json:"tied_with,omitempty"`
	// Why explains the rank and tier in Chinese.
	Why  string `json:"why"`
	Cell string `json:"cell,omitempty"`
}

// Tally counts a unit's tiers over the ranked indicators: the line each
// unit quotes ("前3位的9项,4—7位的7项,后3位的5项").
type Tally struct {
	Unit    string `json:"unit"`
	Top     int    `json:"top"`
	Middle  int    `json:"middle"`
	Bottom  int    `json:"bottom"`
	Missing int    `json:"missing"`
}

// Overall is a unit's row on the overall board (总榜).
type Overall struct {
	Unit  string   `json:"unit"`
	Score *float64 `json:"score"`
	Rank  *int     `json:"rank"`
	Tier  Tier     `json:"tier"`
	// Counted is how many indicators made up the score.
	Counted  int      `json:"counted"`
	TiedWith []string `json:"tied_with,omitempty"`
	Why      string   `json:"why"`
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
