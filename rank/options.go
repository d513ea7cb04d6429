// Package rank turns a data.Dataset into the leaderboard: every indicator
// ranked with ties, tiers (前三 / 中间 / 后三), a per-unit tally of tiers and
// the overall board (总榜). It is pure and deterministic: no I/O, and the
// same input gives the same Result byte for byte once encoded. Every
// decision carries its reason so the report and the Excel can explain it.
package rank

import (
	"errors"
	"fmt"
	"slices"

	"shaipin/data"
)

// TieMode is how tied units share ranks.
type TieMode string

// The two conventions users know.
const (
	// Competition ("美式", 1, 2, 2, 4): ties share the better rank and the
	// next rank is skipped. The default.
	Competition TieMode = "competition"
	// Dense ("中国式", 1, 2, 2, 3): ties share the better rank and the next
	// rank follows on.
	Dense TieMode = "dense"
)

// ScoreMethod is how each indicator's values become points for the
// composite score (docs/methods.md gives each formula with an example).
type ScoreMethod string

// Composite score methods.
const (
	// MinMax: on each indicator the best value scores 100 and the worst 0,
	// linearly, in the indicator's direction.
	MinMax ScoreMethod = "minmax"
	// RankPoints: (n − rank) / (n − 1) × 100 on each indicator.
	RankPoints ScoreMethod = "rank"
	// Efficacy (功效系数法): 60 + 40 × (x − worst) / (best − worst).
	Efficacy ScoreMethod = "efficacy"
	// ZScore (标准分): 50 + 10 × z, z the standardised value, kept in 0–100.
	ZScore ScoreMethod = "zscore"
	// Target (目标值法): value ÷ target (target ÷ value when lower is
	// better) × 100, at most TargetCap.
	Target ScoreMethod = "target"
	// TOPSIS: closeness to the ideal unit over the vector-normalised,
	// weighted matrix, × 100.
	TOPSIS ScoreMethod = "topsis"
)

// ScoreMethods lists every method, in the order the help text gives them.
var ScoreMethods = []ScoreMethod{MinMax, RankPoints, Efficacy, ZScore, Target, TOPSIS}

// WeightMethod is where the indicators' weights come from.
type WeightMethod string

// Weight methods.
const (
	GivenWeights   WeightMethod = "given"   // 权重 of 指标说明
	EqualWeights   WeightMethod = "equal"   // every weighted indicator alike
	EntropyWeights WeightMethod = "entropy" // 熵权法, from the data
)

// WeightMethods lists every weight method, in the order the help text
// gives them.
var WeightMethods = []WeightMethod{GivenWeights, EqualWeights, EntropyWeights}

// MissingPolicy is how a unit's missing value counts in its composite.
type MissingPolicy string

// Missing-value policies.
const (
	// Skip leaves the indicator out of the unit's score and shares its
	// weight among the indicators the unit reported (renormalised).
	Skip MissingPolicy = "skip"
	// Last counts it as the lowest points any unit got on it (不报即末位).
	Last MissingPolicy = "last"
	// Zero counts it as 0 points.
	Zero MissingPolicy = "zero"
)

// MissingPolicies lists every policy, in the order the help text gives them.
var MissingPolicies = []MissingPolicy{Skip, Last, Zero}

// BoardKind is what orders the overall board.
type BoardKind string

// Overall boards.
const (
	ScoreBoard BoardKind = "score" // the composite score
	// TallyBoard orders by 前N位项数 − 后N位项数, then 前N位项数: the counts
	// the speeches quote; it needs no weights.
	TallyBoard BoardKind = "tally"
)

// BoardKinds lists both boards, the default first.
var BoardKinds = []BoardKind{ScoreBoard, TallyBoard}

// DefaultMinCoverage is the share of the weight a unit must have reported
// to be ranked on the overall board.
const DefaultMinCoverage = 0.5

// Options are the rules of a leaderboard.
//
// Score, Weights, Missing, MinCoverage and Board left at their zero value
// ("" or nil) take the period's 参数 setting (data.Settings) and, failing
// that, the default: minmax, given, skip, 0.5, score. So a command line
// sets only the options the user gave, and the precedence is option > 参数
// > default. Result.Rules holds the options as resolved. Earlier periods,
// ranked for movement, are ranked by the current period's rules.
type Options struct {
	Ties    TieMode       `json:"ties"`
	Top     int           `json:"top"`    // size of the top tier (前N)
	Bottom  int           `json:"bottom"` // size of the bottom tier (后N)
	Score   ScoreMethod   `json:"score"`
	Weights WeightMethod  `json:"weights"`
	Missing MissingPolicy `json:"missing"`
	// MinCoverage is the least share (0–1) of the total weight of the
	// ranked indicators a unit must have values on to be ranked on the
	// overall board; 0 ranks every unit with any value.
	MinCoverage *float64  `json:"min_coverage"`
	Board       BoardKind `json:"board"`
	// FlagRules award 红旗 and 黄旗 (see Flags): left nil, the period's
	// 红黄旗规则 sheet, failing that DefaultFlagRules.
	FlagRules []data.FlagRule `json:"flag_rules,omitempty"`
	// Period chooses the current period; the zero Month is the latest.
	Period data.Month `json:"-"`
}

// DefaultOptions are the conventions of the Jinhua meetings; the options
// a 参数 sheet may set are left to it (see Options).
func DefaultOptions() Options {
	return Options{Ties: Competition, Top: 3, Bottom: 3}
}

// Resolve fills the options left unset from the period's 参数 settings
// (p may be nil), then from the defaults.
func (o Options) Resolve(p *data.Period) Options {
	var s data.Settings
	if p != nil {
		s = p.Settings
	}
	if o.Score == "" {
		o.Score = ScoreMethod(s.Score)
	}
	if o.Weights == "" {
		o.Weights = WeightMethod(s.Weights)
	}
	if o.Missing == "" {
		o.Missing = MissingPolicy(s.Missing)
	}
	if o.MinCoverage == nil && s.MinCoverage != nil {
		o.MinCoverage = ptr(*s.MinCoverage)
	}
	if o.Board == "" {
		o.Board = BoardKind(s.Board)
	}
	if o.FlagRules == nil && p != nil {
		o.FlagRules = p.FlagRules
	}
	o = o.withDefaults()
	if o.FlagRules == nil {
		o.FlagRules = DefaultFlagRules(o)
	}
	return o
}

// withDefaults fills what is still unset with the defaults.
func (o Options) withDefaults() Options {
	if o.Score == "" {
		o.Score = MinMax
	}
	if o.Weights == "" {
		o.Weights = GivenWeights
	}
	if o.Missing == "" {
		o.Missing = Skip
	}
	if o.MinCoverage == nil {
		o.MinCoverage = ptr(DefaultMinCoverage)
	}
	if o.Board == "" {
		o.Board = ScoreBoard
	}
	return o
}

// ErrOptions wraps an invalid option.
var ErrOptions = errors.New("参数无效")

// validate checks resolved options.
func (o Options) validate() error {
	bad := func(what, allowed string, v any) error {
		return fmt.Errorf("%w:%s只能是 %s,而不是 %q", ErrOptions, what, allowed, v)
	}
	switch {
	case o.Ties != Competition && o.Ties != Dense:
		return bad("并列规则", "competition 或 dense", o.Ties)
	case !slices.Contains(ScoreMethods, o.Score):
		return bad("综合得分方法", "minmax、rank、efficacy、zscore、target 或 topsis", o.Score)
	case !slices.Contains(WeightMethods, o.Weights):
		return bad("权重方法", "given、equal 或 entropy", o.Weights)
	case !slices.Contains(MissingPolicies, o.Missing):
		return bad("缺失处理", "skip、last 或 zero", o.Missing)
	case !slices.Contains(BoardKinds, o.Board):
		return bad("总榜方式", "score 或 tally", o.Board)
	case o.Top < 0 || o.Bottom < 0:
		return fmt.Errorf("%w:前/后档位数不能为负", ErrOptions)
	case *o.MinCoverage < 0 || *o.MinCoverage > 1 || *o.MinCoverage != *o.MinCoverage:
		return fmt.Errorf("%w:最低覆盖率应在 0 到 1 之间(0.5 即 50%%),而不是 %v", ErrOptions, *o.MinCoverage)
	}
	return nil
}
