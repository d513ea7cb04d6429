package rank

import (
	"fmt"
	"strings"

	"shaipin/data"
)

// unsureShare: a unit outside a tier that lands in it in at least this
// share of the draws is contesting its boundary.
const unsureShare = 1 - BorderlineShare

// reading writes the one line the report prints under the board: for the
// top and the bottom tier, which places are not settled by the data —
// units flagged on the board but borderline, and units below the flag
// that take it in a fifth of the draws or more.
func reading(units []UnitStability, board []Overall, o Options, draws int) string {
	head := fmt.Sprintf("%d 次抽样(各指标权重 ±%d%%,得分方法与缺失处理随机):", draws, int(WeightSpread*100))
	top := boundary(units, board, Top, o.Top, func(s Stability) float64 { return s.TopShare })
	bottom := boundary(units, board, Bottom, o.Bottom, func(s Stability) float64 { return s.BottomShare })
	switch {
	case top == "" && bottom == "":
		return head + "红旗、黄旗均稳定,各在 " + percent(BorderlineShare) + " 以上的抽样中保持原档"
	case top == "":
		top = "前" + itoa(o.Top) + "稳定"
	case bottom == "":
		bottom = "后" + itoa(o.Bottom) + "稳定"
	}
	return head + top + ";" + bottom
}

// boundary describes the units whose membership of one tier is unsure,
// or "" when none is.
func boundary(units []UnitStability, board []Overall, tier Tier, size int, share func(Stability) float64) string {
	if size == 0 {
		return ""
	}
	var ranks, names, shares []string
	for j, u := range units {
		s, row := share(u.Stability), board[j]
		if row.Tier == tier && s < BorderlineShare || row.Tier != tier && s >= unsureShare {
			if r := "第" + itoa(*row.Rank); len(ranks) == 0 || ranks[len(ranks)-1] != r {
				ranks = append(ranks, r)
			}
			names = append(names, u.Unit)
			shares = append(shares, percent(data.Round(s, 2)))
		}
	}
	if len(names) == 0 {
		return ""
	}
	label := "前" + itoa(size)
	if tier == Bottom {
		label = "后" + itoa(size)
	}
	each := "分别为"
	if len(names) == 1 {
		each = "为"
	}
	return fmt.Sprintf("%s名(%s)差距在权重与方法变化范围内不稳定,居%s的比例%s %s",
		strings.Join(ranks, "、"), strings.Join(names, "、"), label, each, strings.Join(shares, "、"))
}
