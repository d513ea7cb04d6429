package rank

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"shaipin/data"
)

// The robustness analysis asks whether the overall board is a fact of the
// data or an artefact of choices nobody can defend to two decimals: the
// weights, the scoring method, the treatment of missing values. Each draw
// makes the choices at random and ranks the board again (the Monte-Carlo
// uncertainty analysis of the OECD/JRC Handbook on Constructing Composite
// Indicators); a unit's ranks over the draws say how firm its place is.

// Robustness defaults and thresholds.
const (
	DefaultDraws = 1000
	// WeightSpread: each draw multiplies every weight by a factor drawn
	// uniformly from [1 − 0.25, 1 + 0.25].
	WeightSpread = 0.25
	// BorderlineShare: a 红旗 or 黄旗 on the board held in fewer draws
	// than this is 边缘 (borderline).
	BorderlineShare = 0.8
)

var (
	// DefaultRobustMethods are the scoring methods a draw picks from.
	// 功效系数法 is left out: its points are 60 + 0.4 × minmax's, and a
	// weighted mean of them orders units exactly as minmax does, so
	// drawing it would only count minmax twice.
	DefaultRobustMethods = []ScoreMethod{MinMax, ZScore, RankPoints}
	// DefaultRobustPolicies are the missing-value policies a draw picks
	// from. Zero is left out: with minmax and rank points it is Last,
	// and with 标准分 it is a penalty five standard deviations below
	// the mean, a punishment rather than another reading of the rule.
	DefaultRobustPolicies = []MissingPolicy{Skip, Last}
)

// RobustOptions configure Robust.
type RobustOptions struct {
	Draws int // 0: DefaultDraws
	// Seed fixes the draws: the same seed gives the same figures on any
	// number of cores; another seed gives other draws.
	Seed uint64
	// Methods and Policies are what each draw picks from, uniformly;
	// nil for DefaultRobustMethods and DefaultRobustPolicies. 目标值法
	// cannot be drawn (it needs targets, not a normalisation).
	Methods  []ScoreMethod
	Policies []MissingPolicy
}

// Robustness is the outcome of Robust.
type Robustness struct {
	Draws    int             `json:"draws"`
	Seed     uint64          `json:"seed"`
	Spread   float64         `json:"spread"` // WeightSpread
	Methods  []ScoreMethod   `json:"methods"`
	Policies []MissingPolicy `json:"policies"`
	// Reading is one line in Chinese for the report, from the intervals.
	Reading string `json:"reading"`
	// Units are the ranked units in board order (on a Result, each row's
	// Robust holds its own).
	Units []UnitStability `json:"-"`
}

// UnitStability is one unit's figures.
type UnitStability struct {
	Unit string
	Stability
}

// Stability is a unit's standing over the draws. Ranks are nearest-rank
// percentiles, so every figure is a rank some draw gave.
type Stability struct {
	Median int `json:"median"`
	P5     int `json:"p5"`
	P95    int `json:"p95"`
	// TopShare and BottomShare are the shares of draws (3 decimals) in
	// which the unit was in the top or bottom tier.
	TopShare    float64 `json:"top_share"`
	BottomShare float64 `json:"bottom_share"`
	// Borderline (边缘): a 红旗 or 黄旗 on the board held in fewer than
	// BorderlineShare of the draws.
	Borderline bool `json:"borderline"`
}

// Robust runs the Monte-Carlo check of p's overall board under opts: ro.Draws
// draws, each with every weight × uniform[0.75, 1.25], a scoring method
// from ro.Methods and a missing-value policy from ro.Policies. The units
// ranked are those of the board (coverage is not redrawn).
func Robust(p *data.Period, opts Options, ro RobustOptions) (*Robustness, error) {
	opts = opts.Resolve(p)
	ro, err := ro.withDefaults()
	if err != nil {
		return nil, err
	}
	if opts.Board == TallyBoard {
		return nil, fmt.Errorf("%w:红黄旗项数总榜不用权重和得分方法,无需稳健性分析", ErrOptions)
	}
	base, err := computePeriod(p, opts, true)
	if err != nil {
		return nil, err
	}
	sc, err := newScorer(p, Options{Ties: opts.Ties, Weights: opts.Weights})
	if err != nil {
		return nil, err
	}
	d := newDrawer(sc, p.Units, base.Overall, opts, ro)
	d.run()
	rb := &Robustness{Draws: ro.Draws, Seed: ro.Seed, Spread: WeightSpread, Methods: ro.Methods, Policies: ro.Policies}
	rb.Units = d.summarise(base.Overall)
	rb.Reading = reading(rb.Units, base.Overall, opts, ro.Draws)
	return rb, nil
}

func (ro RobustOptions) withDefaults() (RobustOptions, error) {
	if ro.Draws < 0 {
		return ro, fmt.Errorf("%w:抽样次数不能为负", ErrOptions)
	}
	if ro.Draws == 0 {
		ro.Draws = DefaultDraws
	}
	if len(ro.Methods) == 0 {
		ro.Methods = DefaultRobustMethods
	}
	if len(ro.Policies) == 0 {
		ro.Policies = DefaultRobustPolicies
	}
	for _, m := range ro.Methods {
		if m == Target || !slices.Contains(ScoreMethods, m) {
			return ro, fmt.Errorf("%w:稳健性抽样的得分方法不能是 %q", ErrOptions, m)
		}
	}
	for _, pol := range ro.Policies {
		if !slices.Contains(MissingPolicies, pol) {
			return ro, fmt.Errorf("%w:稳健性抽样的缺失处理不能是 %q", ErrOptions, pol)
		}
	}
	return ro, nil
}

// AddRobust puts the figures of rb on the result's overall rows and its
// summary on the result. rb must come from the same period and options.
func (r *Result) AddRobust(rb *Robustness) {
	by := make(map[string]Stability, len(rb.Units))
	for _, u := range rb.Units {
		by[u.Unit] = u.Stability
	}
	for i := range r.Overall {
		if s, ok := by[r.Overall[i].Unit]; ok && r.Overall[i].Rank != nil {
			r.Overall[i].Robust = ptr(s)
		}
	}
	r.Robustness = rb
	r.markBorderlineFlags(by)
}

// markBorderlineFlags marks the flags given for this period's place on the
// overall board (总榜前N / 总榜后N, not 连续N期) to units whose tier the
// draws do not hold, so that wherever a flag is shown its confidence is.
func (r *Result) markBorderlineFlags(by map[string]Stability) {
	board := map[string]bool{}
	for _, fr := range r.Rules.FlagRules {
		if fr.Cond.Kind == data.CondBoard && fr.Cond.Periods <= 1 {
			board[fr.Rule] = true
		}
	}
	for i, f := range r.Flags {
		if s, ok := by[f.Unit]; ok && board[f.Rule] && s.Borderline {
			r.Flags[i].Borderline = true
		}
	}
}

// drawer runs the draws. The points of each method are computed once; a
// draw only re-weights, adds up and ranks the eligible units.
type drawer struct {
	sc       *scorer
	pts      map[ScoreMethod]*points
	eligible []int // unit indices ranked on the board
	o        Options
	ro       RobustOptions
	ranks    []int32 // [draw × eligible]
	tiers    []Tier  // [draw × eligible]
}

func newDrawer(sc *scorer, units []string, board []Overall, o Options, ro RobustOptions) *drawer {
	d := &drawer{sc: sc, pts: map[ScoreMethod]*points{}, o: o, ro: ro}
	at := make(map[string]int, len(units))
	for k, u := range units {
		at[u] = k
	}
	for _, r := range board {
		if r.Rank != nil {
			d.eligible = append(d.eligible, at[r.Unit])
		}
	}
	for _, m := range ro.Methods {
		if m != TOPSIS {
			d.pts[m] = sc.points(m)
		}
	}
	d.ranks = make([]int32, ro.Draws*len(d.eligible))
	d.tiers = make([]Tier, ro.Draws*len(d.eligible))
	return d
}

// run spreads the draws over the cores. Draw i's choices come from its
// own generator, seeded with (Seed, i), and its ranks go to slot i, so
// the outcome does not depend on scheduling.
func (d *drawer) run() {
	workers := max(1, min(runtime.GOMAXPROCS(0), d.ro.Draws/50))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := newDrawBuf(d.sc.units, len(d.sc.cols), len(d.eligible))
			for {
				i := int(next.Add(1) - 1)
				if i >= d.ro.Draws {
					return
				}
				d.draw(i, buf)
			}
		}()
	}
	wg.Wait()
}

// drawBuf is one worker's scratch space.
type drawBuf struct {
	w, score, wsum, keys []float64
	has                  []bool
}

func newDrawBuf(units, cols, eligible int) *drawBuf {
	return &drawBuf{w: make([]float64, cols), score: make([]float64, units), wsum: make([]float64, units),
		keys: make([]float64, eligible), has: make([]bool, units)}
}

// draw makes draw i's choices, scores and ranks the eligible units.
func (d *drawer) draw(i int, b *drawBuf) {
	rng := rand.New(rand.NewPCG(d.ro.Seed, uint64(i)))
	m := d.ro.Methods[rng.IntN(len(d.ro.Methods))]
	pol := d.ro.Policies[rng.IntN(len(d.ro.Policies))]
	total := 0.0
	for j, w := range d.sc.w {
		b.w[j] = w * (1 - WeightSpread + 2*WeightSpread*rng.Float64())
		total += b.w[j]
	}
	for j := range b.w {
		b.w[j] /= total
	}
	d.sc.scores(d.pts[m], m, b.w, pol, b.score, b.wsum, b.has)
	for j, k := range d.eligible {
		b.keys[j] = math.Inf(-1) // cannot happen: eligible units have weight
		if b.has[k] {
			b.keys[j] = data.Round(b.score[k], 2)
		}
	}
	_, pl := place(b.keys, d.o.Ties)
	at := i * len(d.eligible)
	for j := range d.eligible {
		d.ranks[at+j] = int32(pl[j].rank)
		d.tiers[at+j] = tierOf(pl[j], d.o)
	}
}

// summarise turns the draws into each eligible unit's figures, in board
// order.
func (d *drawer) summarise(board []Overall) []UnitStability {
	n := len(d.eligible)
	out := make([]UnitStability, 0, n)
	ranks := make([]int, d.ro.Draws)
	for j := range d.eligible {
		top, bottom := 0, 0
		for i := range d.ro.Draws {
			ranks[i] = int(d.ranks[i*n+j])
			switch d.tiers[i*n+j] {
			case Top:
				top++
			case Bottom:
				bottom++
			}
		}
		slices.Sort(ranks)
		row := board[j] // the eligible units are the first n rows, in order
		s := Stability{
			Median: nearestRank(ranks, 0.5), P5: nearestRank(ranks, 0.05), P95: nearestRank(ranks, 0.95),
			TopShare:    data.Round(float64(top)/float64(d.ro.Draws), 3),
			BottomShare: data.Round(float64(bottom)/float64(d.ro.Draws), 3),
		}
		s.Borderline = row.Tier == Top && s.TopShare < BorderlineShare ||
			row.Tier == Bottom && s.BottomShare < BorderlineShare
		out = append(out, UnitStability{Unit: row.Unit, Stability: s})
	}
	return out
}

// nearestRank is the q-quantile of sorted xs by the nearest-rank rule:
// the smallest x with at least q of the values at or below it.
func nearestRank(xs []int, q float64) int {
	i := int(math.Ceil(q*float64(len(xs)))) - 1
	return xs[min(max(i, 0), len(xs)-1)]
}
