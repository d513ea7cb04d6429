package out

import (
	"fmt"

	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
)

// writeBoard fills 总榜: the overall ranking with each unit's tally of
// tiers, and under it a native bar chart of the scores that can be copied
// into a slide and still be edited there. With an earlier period to compare
// with, the rank's 变化, the 连续期数 in the tier and the change of the 前N
// and 后N counts join the table: the lines the units quote at the meeting
// ("比上月上升2个位次", "前3位项数比上月 +2").
func writeBoard(s *sheet) {
	res := s.res
	hist := !res.Previous.IsZero()
	c := boardColumns(res.Rules, hist)
	// One row per unit: only a sheet of more than a million units would
	// not fit, but then it says so rather than fail.
	board := res.Overall
	cut := len(board) - max(0, s.MaxRows()-4)
	if cut > 0 {
		board = board[:len(board)-cut]
	}
	tallies := make(map[string]rank.Tally, len(res.Tally))
	for _, t := range res.Tally {
		tallies[t.Unit] = t
	}
	labels := tierLabels(res.Rules)

	s.Limit(c.at["why"], remarkWidth[0], remarkWidth[1])
	s.heading(c.last(), boardNote(res, hist))
	s.headers(3, c.heads...)
	row := 4
	scored := 0 // the leading rows with a score: the chart's rows
	for i, r := range board {
		if r.Score != nil && scored == i {
			scored++
		}
		t, ok := tallies[r.Unit]
		if !ok {
			t = rank.Tally{Unit: r.Unit}
		}
		s.boardRow(c, row, r, t, labels[r.Tier], hist)
		row++
	}
	if cut > 0 {
		s.overflow(row, c.last(), fmt.Sprintf("注:共 %d 个单位,超出 Excel 单表 %d 行的上限,排名最后的 %d 个单位未列出;完整名单见同时生成的 JSON 文件。",
			len(res.Overall), s.MaxRows(), cut))
	} else if scored > 0 {
		boardChart(s, row+1, scored, c.at["unit"], c.at["score"])
	}
	s.SetLayout(xlsx.Layout{Cols: c.last(), HeadRows: 3, KeepCols: c.at["unit"]})
}

// boardColumns are 总榜's columns; hist adds those comparing with the
// previous period.
func boardColumns(o rank.Options, hist bool) columns {
	var c columns
	c.add("rank", "排名")
	if hist {
		c.add("change", "变化")
	}
	c.add("unit", "单位")
	c.add("score", "综合得分")
	c.add("tier", "档次")
	if hist {
		c.add("streak", "连续期数")
	}
	c.add("top", fmt.Sprintf("前%d位项数", o.Top))
	if hist {
		c.add("topChange", fmt.Sprintf("前%d位较上期", o.Top))
	}
	c.add("middle", "中间项数")
	c.add("bottom", fmt.Sprintf("后%d位项数", o.Bottom))
	if hist {
		c.add("bottomChange", fmt.Sprintf("后%d位较上期", o.Bottom))
	}
	c.add("missing", "未报送项数")
	c.add("why", "说明")
	return c
}

// boardNote is the note under 总榜's title.
func boardNote(res *rank.Result, hist bool) string {
	o := res.Rules
	note := fmt.Sprintf("总榜:按综合得分排名(%s,满分 100)。", scoreShort(o)) + tierLegend(o)
	if hist {
		note += fmt.Sprintf("变化、较上期均与%s相比:↑进位、↓退位、—持平;连续期数为连续处于当前档次的期数(含本期)。",
			res.Previous.Label())
	}
	return note
}

// boardRow writes a unit's row of 总榜: its rank, score, tier, tally of
// tiers and remark.
func (s *sheet) boardRow(c columns, row int, r rank.Overall, t rank.Tally, tier string, hist bool) {
	s.rankCell(c.at["rank"], row, r.Rank, styleKey{role: roleCenter, tier: r.Tier})
	s.Text(c.at["unit"], row, r.Unit, styleKey{role: roleText, tier: r.Tier})
	if r.Score != nil {
		s.number(c.at["score"], row, *r.Score, styleKey{role: roleNumber, numFmt: scoreFormat, tier: r.Tier},
			func() string { return data.Fixed(*r.Score, 2) })
	} else {
		s.Text(c.at["score"], row, "—", styleKey{role: roleCenter})
	}
	s.Text(c.at["tier"], row, tier, styleKey{role: roleCenter, tier: r.Tier})
	s.Int(c.at["top"], row, t.Top, styleKey{role: roleCenter})
	s.Int(c.at["middle"], row, t.Middle, styleKey{role: roleCenter})
	s.Int(c.at["bottom"], row, t.Bottom, styleKey{role: roleCenter})
	s.Int(c.at["missing"], row, t.Missing, styleKey{role: roleCenter})
	if hist {
		s.change(c.at["change"], row, r.Change, styleKey{tier: r.Tier})
		s.streak(c.at["streak"], row, r.Streak, styleKey{})
		var top, bottom *float64
		if t.Change != nil {
			top, bottom = ptrTo(float64(t.Change.Top)), ptrTo(float64(t.Change.Bottom))
		}
		// More 前N is good news, more 后N is bad news.
		s.signed(c.at["topChange"], row, top, deltaFormat, 1, styleKey{})
		s.signed(c.at["bottomChange"], row, bottom, deltaFormat, -1, styleKey{})
	}
	s.Text(c.at["why"], row, remark(r.Why, r.TiedWith), styleKey{role: roleRemark})
	// The board is the page shown on the screen at the meeting: rows
	// with air, as on 排名矩阵.
	s.Height(row, 20)
}

// remarkWidth bounds a 说明 column: wide enough for the usual remark on one
// line, not so wide that a rare long one (a four-way tie) shrinks the
// printed page for everyone; that one shrinks its own text instead.
var remarkWidth = [2]float64{24, 72}
