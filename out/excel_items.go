package out

import (
	"shaipin/rank"
)

// writeItems fills 分项排名: one row per (indicator, unit), in rank order
// within each indicator, units without a figure last, with an autofilter
// so staff can cut it by group, indicator or unit.
func (b *book) writeItems(s *sheet) {
	res, o := b.res, b.res.Rules
	const last = 8
	s.heading(last, "分项排名:每项指标按名次排列,未报送的单位列在最后;可用表头的筛选按钮按分组、指标或单位筛选。"+tierLegend(o))
	s.headers(3, "分组", "指标", "计量单位", "单位名称", "数值", "排名", "档次", "说明")
	row := 4
	for _, ind := range res.Indicators {
		format := numFormat(ind.Unit, ind.Precision)
		for i, e := range ind.Entries {
			first := i == 0
			s.text(1, row, ind.Group, styleKey{role: roleText, first: first})
			s.text(2, row, ind.Name, styleKey{role: roleText, first: first})
			s.text(3, row, ind.Unit, styleKey{role: roleCenter, first: first})
			s.text(4, row, e.Unit, styleKey{role: roleText, tier: e.Tier, first: first})
			if e.Value != nil {
				s.number(5, row, *e.Value, shownValue(ind, *e.Value), styleKey{role: roleNumber, numFmt: format, tier: e.Tier, first: first})
			} else {
				s.text(5, row, "—", styleKey{role: roleCenter, first: first})
			}
			s.rankCell(6, row, e.Rank, styleKey{role: roleCenter, tier: e.Tier, first: first})
			s.text(7, row, entryTier(ind, e, o), styleKey{role: roleCenter, tier: e.Tier, first: first})
			s.text(8, row, e.Why, styleKey{role: roleWrap, first: first})
			row++
		}
	}
	s.limit[2] = [2]float64{12, 36}
	s.limit[8] = [2]float64{20, 56}
	if row > 4 {
		b.fail(b.f.AutoFilter(s.name, s.cell(1, 3)+":"+s.cell(last, row-1), nil))
	}
	s.finish(layout{lastCol: last, headRows: 3, keepCols: 4})
}

// entryTier names an entry's tier, saying why when it has none.
func entryTier(ind rank.Indicator, e rank.Entry, o rank.Options) string {
	switch {
	case e.Value == nil:
		return "未报送"
	case !ind.Ranked:
		return "不参与排名"
	}
	return e.Tier.Label(o)
}
