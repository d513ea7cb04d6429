package out

import (
	"fmt"

	"shaipin/data"
	"shaipin/rank"
)

// writeItems fills 分项排名: one row per (indicator, unit), in rank order
// within each indicator, units without a figure last, with an autofilter
// so staff can cut it by group, indicator or unit. With an earlier period
// the rank's 变化 and the 连续期数 in the tier follow; indicators judged
// against 时序进度 add 较时序进度, in percentage points. Columns with
// nothing to show are left out rather than left empty.
func (b *book) writeItems(s *sheet) {
	res, o := b.res, b.res.Rules
	hist := res.Previous != ""
	target := scheduleTarget(res)
	var c columns
	for _, h := range []string{"分组", "指标", "单位(计量)", "单位名称", "数值", "排名"} {
		c.add(h, h)
	}
	if hist {
		c.add("change", "变化")
	}
	c.add("tier", "档次")
	if hist {
		c.add("streak", "连续期数")
	}
	if target != nil {
		c.add("schedule", "较时序进度(百分点)")
	}
	c.add("why", "说明")

	note := "分项排名:每项指标按名次排列,未报送的单位列在最后;可用表头的筛选按钮按分组、指标或单位筛选。" + tierLegend(o)
	if hist {
		note += fmt.Sprintf("变化与%s相比:↑进位、↓退位、—持平;连续期数为连续处于当前档次的期数(含本期)。", data.PeriodLabel(res.Previous))
	}
	if target != nil {
		note += fmt.Sprintf("较时序进度 = 完成率 − 时序进度 %s%%,红色为超过、深黄色为落后。", fixed(*target, 1))
	}
	s.heading(c.last(), note)
	s.headers(3, c.heads...)
	row := 4
	for _, ind := range res.Indicators {
		format := numFormat(ind.Unit, ind.Precision)
		for i, e := range ind.Entries {
			first := i == 0
			s.text(c.at["分组"], row, ind.Group, styleKey{role: roleText, first: first})
			s.text(c.at["指标"], row, ind.Name, styleKey{role: roleText, first: first})
			s.text(c.at["单位(计量)"], row, ind.Unit, styleKey{role: roleCenter, first: first})
			s.text(c.at["单位名称"], row, e.Unit, styleKey{role: roleText, tier: e.Tier, first: first})
			if e.Value != nil {
				s.number(c.at["数值"], row, *e.Value, shownValue(ind, *e.Value), styleKey{role: roleNumber, numFmt: format, tier: e.Tier, first: first})
			} else {
				s.text(c.at["数值"], row, "—", styleKey{role: roleCenter, first: first})
			}
			s.rankCell(c.at["排名"], row, e.Rank, styleKey{role: roleCenter, tier: e.Tier, first: first})
			s.text(c.at["tier"], row, entryTier(ind, e, o), styleKey{role: roleCenter, tier: e.Tier, first: first})
			if hist {
				s.change(c.at["change"], row, e.Change, styleKey{tier: e.Tier, first: first})
				s.streak(c.at["streak"], row, e.Streak, styleKey{first: first})
			}
			if target != nil {
				s.signed(c.at["schedule"], row, e.VsSchedule, pointsFormat, 1, styleKey{first: first})
			}
			s.text(c.at["why"], row, e.Why, styleKey{role: roleRemark, first: first})
			row++
		}
	}
	s.limit[c.at["指标"]] = [2]float64{12, 36}
	s.limit[c.at["why"]] = remarkWidth
	if row > 4 {
		b.fail(b.f.AutoFilter(s.name, s.cell(1, 3)+":"+s.cell(c.last(), row-1), nil))
	}
	s.finish(layout{lastCol: c.last(), headRows: 3, keepCols: c.at["单位名称"]})
}

// scheduleTarget is the period's 时序进度 (33.3 for April) when some
// indicator is judged against it, else nil.
func scheduleTarget(res *rank.Result) *float64 {
	for _, ind := range res.Indicators {
		if ind.ScheduleTarget != nil {
			return ind.ScheduleTarget
		}
	}
	return nil
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
