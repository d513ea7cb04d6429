// Package rank turns a data.Dataset into the leaderboard: every indicator
// ranked with ties, tiers (前三 / 中间 / 后三), a per-unit tally of tiers and
// the overall board (总榜). It is pure and deterministic: no I/O, and the
// same input gives the same Result byte for byte once encoded. Every
// decision carries its reason so the report and the Excel can explain it.
package rank

import (
	"errors"
	"fmt"

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

// ScoreMethod is how the overall composite score is computed.
type ScoreMethod string

// Composite score methods.
const (
	// MinMax: on each indicator the best value scores 100 and the worst 0,
	// linearly, in the indicator's direction.
	MinMax ScoreMethod = "minmax"
	// RankPoints: (n − rank) / (n − 1) × 100 on each indicator.
	RankPoints ScoreMethod = "rank"
)

// Options are the rules of a leaderboard.
type Options struct {
	Ties   TieMode     `json:"ties"`
	Top    int         `json:"top"`    // size of the top tier (前N)
	Bottom int         `json:"bottom"` // size of the bottom tier (后N)
	Score  ScoreMethod `json:"score"`
	// Period chooses the current period; the zero Month is the latest.
	Period data.Month `json:"-"`
}

// DefaultOptions are the conventions of the Jinhua meetings.
func DefaultOptions() Options {
	return Options{Ties: Competition, Top: 3, Bottom: 3, Score: MinMax}
}

// ErrOptions wraps an invalid option.
var ErrOptions = errors.New("参数无效")

func (o Options) validate() error {
	switch o.Ties {
	case Competition, Dense:
	default:
		return fmt.Errorf("%w:并列规则只能是 competition 或 dense,而不是 %q", ErrOptions, o.Ties)
	}
	switch o.Score {
	case MinMax, RankPoints:
	default:
		return fmt.Errorf("%w:综合得分方法只能是 minmax 或 rank,而不是 %q", ErrOptions, o.Score)
	}
	if o.Top < 0 || o.Bottom < 0 {
		return fmt.Errorf("%w:前/后档位数不能为负", ErrOptions)
	}
	return nil
}

// TieLabel describes the tie rule in Chinese.
func (o Options) TieLabel() string {
	if o.Ties == Dense {
		return "并列占同一名次,下一名次连续(中国式:1、2、2、3)"
	}
	return "并列占较好名次,下一名次跳过(美式:1、2、2、4)"
}

// ScoreLabel describes the score method in Chinese.
func (o Options) ScoreLabel() string {
	if o.Score == RankPoints {
		return "名次得分:每项 (参与排名单位数 − 名次) ÷ (参与排名单位数 − 1) × 100,按权重加权平均"
	}
	return "极差标准化:每项最优值 100 分、最差值 0 分、其间线性,按方向计算,按权重加权平均;未报送的指标不计入,权重重新归一"
}
