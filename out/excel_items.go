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
func (b *book) writeItems() {
	res, o := b.res, b.res.Rules
	hist := !res.Previous.IsZero()
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
	// The columns of the 850,000 rows of a national sheet, looked up once.
	group, name, unit, who, value, rnk, tier, why := c.at["分组"], c.at["指标"], c.at["单位(计量)"], c.at["单位名称"],
		c.at["数值"], c.at["排名"], c.at["tier"], c.at["why"]
	change, streak, schedule := c.at["change"], c.at["streak"], c.at["schedule"]

	// Rows 4 … sheetRows−1 hold entries; the last row, if needed, says
	// how many did not fit.
	total := 0
	for _, ind := range res.Indicators {
		total += len(ind.Entries)
	}
	room := max(0, sheetRows-4)
	note := "分项排名:每项指标按名次排列,未报送的单位列在最后;可用表头的筛选按钮按分组、指标或单位筛选。" + tierLegend(o)
	if hist {
		note += fmt.Sprintf("变化与%s相比:↑进位、↓退位、—持平;连续期数为连续处于当前档次的期数(含本期)。", res.Previous.Label())
	}
	if target != nil {
		note += fmt.Sprintf("较时序进度 = 完成率 − 时序进度 %s%%,红色为超过、深黄色为落后。", data.Fixed(*target, 1))
	}
	if total > room {
		note += fmt.Sprintf("本表共 %d 行,超出 Excel 单表上限,只列出前 %d 行(见表末说明)。", total, room)
	}
	labels := tierLabels(o)

	b.write(sheetItems, func(s *sheet) {
		s.limit[name] = [2]float64{12, 36}
		s.limit[why] = remarkWidth
		s.heading(c.last(), note)
		s.headers(3, c.heads...)
		row := 4
	fill:
		for _, ind := range res.Indicators {
			format := numFormat(ind.Unit, ind.Precision)
			for i, e := range ind.Entries {
				if row-4 == room {
					break fill
				}
				first := i == 0
				s.text(group, row, ind.Group, styleKey{role: roleText, first: first})
				s.text(name, row, ind.Name, styleKey{role: roleText, first: first})
				s.text(unit, row, ind.Unit, styleKey{role: roleCenter, first: first})
				s.text(who, row, e.Unit, styleKey{role: roleText, tier: e.Tier, first: first})
				if e.Value != nil {
					s.number(value, row, *e.Value, styleKey{role: roleNumber, numFmt: format, tier: e.Tier, first: first},
						func() string { return shownValue(ind, *e.Value) })
				} else {
					s.text(value, row, "—", styleKey{role: roleCenter, first: first})
				}
				s.rankCell(rnk, row, e.Rank, styleKey{role: roleCenter, tier: e.Tier, first: first})
				s.text(tier, row, labels.of(ind, e), styleKey{role: roleCenter, tier: e.Tier, first: first})
				if hist {
					s.change(change, row, e.Change, styleKey{tier: e.Tier, first: first})
					s.streak(streak, row, e.Streak, styleKey{first: first})
				}
				if target != nil {
					s.signed(schedule, row, e.VsSchedule, pointsFormat, 1, styleKey{first: first})
				}
				s.text(why, row, remark(e.Why, e.TiedWith), styleKey{role: roleRemark, first: first})
				row++
			}
		}
		if row > 4 {
			s.autoFilter(1, 3, c.last(), row-1)
		}
		if total > room {
			s.overflow(row, c.last(), fmt.Sprintf("注:本表共 %d 行,超出 Excel 单表 %d 行的上限,以上只列出前 %d 行,其余 %d 行未列出;"+
				"各单位的全部名次见“排名矩阵”,全部数值见同时生成的 JSON 文件。", total, sheetRows, room, total-room))
		}
		s.finish(layout{lastCol: c.last(), headRows: 3, keepCols: who})
	})
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

// tierNames are the labels of 档次, made once: 分项排名 labels every entry.
type tierNames map[rank.Tier]string

// of names an entry's tier, saying why when it has none.
func (t tierNames) of(ind rank.Indicator, e rank.Entry) string {
	switch {
	case e.Value == nil:
		return "未报送"
	case !ind.Ranked:
		return "不参与排名"
	}
	return t[e.Tier]
}

// tierLabels are the tiers' labels ("前3", "中间", "后3", "—").
func tierLabels(o rank.Options) tierNames {
	t := tierNames{}
	for _, tier := range []rank.Tier{rank.None, rank.Top, rank.Middle, rank.Bottom} {
		t[tier] = tier.Label(o)
	}
	return t
}
