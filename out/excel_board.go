package out

import (
	"fmt"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
	"shaipin/text"
)

// writeBoard fills 总榜: the overall ranking with each unit's tally of
// tiers, the units not ranked after it with the reason, and under it a
// native bar chart of the scores that can be copied into a slide and still
// be edited there. With an earlier period to compare with, the rank's 变化,
// the 连续期数 in the tier and the change of the 前N and 后N counts join the
// table: the lines the units quote at the meeting ("比上月上升2个位次",
// "前3位项数比上月 +2"). With the robustness check, each unit's 名次区间 and
// its shares of draws in the top and bottom tiers follow its tier, and a
// borderline flag is marked 边缘.
func writeBoard(s *sheet) {
	res := s.res
	hist := !res.Previous.IsZero()
	c := boardColumns(res, hist)
	periods := shownPeriods(res, hist)
	// One row per unit: only a sheet of more than a million units would
	// not fit, but then it says so rather than fail, in its last row.
	board := res.Overall
	cut := len(board) - max(0, s.MaxRows()-s.headRow(periods)-1)
	if cut > 0 {
		board = board[:len(board)-cut]
	}
	tallies := make(map[string]rank.Tally, len(res.Tally))
	for _, t := range res.Tally {
		tallies[t.Unit] = t
	}
	printed := c.last() - 1 // all but 说明

	s.Limit(c.at["why"], remarkWidth[0], remarkWidth[1])
	s.Limit(c.at["unit"], 6, 11) // a longer name shrinks, not the page
	head := s.heading(printed, boardNote(res, hist), periods...)
	s.headers(head, c.heads...)
	row := head + 1
	counted := fmt.Sprintf("/%d", compositeCount(res))
	for _, r := range board {
		t, ok := tallies[r.Unit]
		if !ok {
			t = rank.Tally{Unit: r.Unit}
		}
		s.boardRow(c, row, r, t, counted)
		row++
	}
	if cut > 0 {
		s.overflow(row, printed, fmt.Sprintf("注:共 %d 个单位,超出 Excel 单表 %d 行的上限,排名最后的 %d 个单位未列出;完整名单见同时生成的 JSON 文件。",
			len(res.Overall), s.MaxRows(), cut))
		row++
	}
	for _, note := range boardFootnotes(res) {
		if row <= s.MaxRows() {
			s.footnote(row, printed, note)
			row++
		}
	}
	if scored := scoredRows(board); scored > 0 && cut <= 0 && res.Rules.Board != rank.TallyBoard {
		boardCharts(s, row+1, head, scored, c.at["unit"], c.at["score"], printed)
	}
	s.SetLayout(xlsx.Layout{Cols: c.last(), TitleRows: head - 1, HeadRows: head, KeepCols: c.at["unit"], PrintCols: printed})
}

// scoredRows counts the leading rows of the board that have a score: the
// chart's.
func scoredRows(board []rank.Overall) int {
	n := 0
	for n < len(board) && board[n].Score != nil {
		n++
	}
	return n
}

// boardColumns are 总榜's columns; hist adds those comparing with the
// previous period, and the robustness check its figures.
func boardColumns(res *rank.Result, hist bool) columns {
	o := res.Rules
	var c columns
	c.add("rank", "排名")
	if hist {
		c.add("change", "变化")
	}
	c.add("unit", "单位")
	c.add("score", scoreHead(o))
	c.add("tier", "档次")
	if hist {
		c.add("streak", "连续\n期数")
	}
	if res.Robustness != nil {
		c.add("interval", "名次\n区间")
		c.add("topShare", fmt.Sprintf("前%d\n概率", o.Top))
		c.add("bottomShare", fmt.Sprintf("后%d\n概率", o.Bottom))
	}
	c.add("top", fmt.Sprintf("前%d位\n项数", o.Top))
	if hist {
		c.add("topChange", fmt.Sprintf("前%d位\n较上期", o.Top))
	}
	c.add("middle", "中间\n项数")
	c.add("bottom", fmt.Sprintf("后%d位\n项数", o.Bottom))
	if hist {
		c.add("bottomChange", fmt.Sprintf("后%d位\n较上期", o.Bottom))
	}
	c.add("missing", "未报送\n项数")
	c.add("counted", "计分\n指标")
	c.add("why", "说明")
	return c
}

// scoreHead is the head of the column the board is ordered by
// (text.ScoreHead), on two lines.
func scoreHead(o rank.Options) string {
	h := text.ScoreHead(o)
	if o.Board == rank.TallyBoard {
		return strings.Replace(h, "减", "减\n", 1)
	}
	return "综合\n得分"
}

// boardNote is the note under 总榜's title.
func boardNote(res *rank.Result, hist bool) string {
	o := res.Rules
	note := o.BoardLabel()
	if o.Board != rank.TallyBoard {
		note += "(" + o.ScoreLabel() + ",满分 100)"
	}
	note += "。" + tierLegend(o)
	if hist {
		note += fmt.Sprintf("变化、较上期均与%s相比:↑进位、↓退位、—持平;连续期数为连续处于当前档次的期数(含本期)。",
			res.Previous.Label())
	}
	return note
}

// boardFootnotes are the notes under 总榜's table: who is not ranked and
// why, and how firm the flags are.
func boardFootnotes(res *rank.Result) []string {
	var notes []string
	for _, r := range res.Overall {
		if r.Rank == nil {
			notes = append(notes, "注:"+res.Rules.CoverageLabel()+";"+res.Rules.MissingLabel()+"。")
			break
		}
	}
	if rb := res.Robustness; rb != nil && rb.Reading != "" {
		notes = append(notes, "稳健性:"+strings.TrimSuffix(rb.Reading, "。")+"。")
	}
	return notes
}

// compositeCount is how many indicators the composite could count: those
// ranked with a figure from some unit (a unit's 计分指标 is out of them).
func compositeCount(res *rank.Result) int {
	n := 0
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		for _, e := range ind.Entries {
			if e.Value != nil {
				n++
				break
			}
		}
	}
	return n
}

// boardRow writes a unit's row of 总榜: its rank, score, tier, standing
// over the robustness draws, tally of tiers and remark.
func (s *sheet) boardRow(c columns, row int, r rank.Overall, t rank.Tally, counted string) {
	s.rankCell(c.at["rank"], row, r.Rank, styleKey{role: roleCenter, tier: r.Tier})
	s.Text(c.at["unit"], row, r.Unit, styleKey{role: roleShrink, tier: r.Tier})
	if r.Score != nil {
		// The tally board's "score" is a net count of flags: +5, −2.
		format, shown := scoreFormat, func() string { return data.Fixed(*r.Score, 2) }
		if s.res.Rules.Board == rank.TallyBoard {
			format, shown = deltaFormat, func() string { return "+" + data.Fixed(*r.Score, 0) }
		}
		s.number(c.at["score"], row, *r.Score, styleKey{role: roleNumber, numFmt: format, tier: r.Tier}, shown)
	} else {
		s.Text(c.at["score"], row, "—", styleKey{role: roleCenter})
	}
	// "不参与排名" and "前3位(边缘)" on two lines: the column stays as
	// narrow as "前3位".
	tier := text.BoardTier(r, s.res.Rules)
	if r.Rank == nil {
		tier = strings.Replace(tier, "参与", "参与\n", 1)
	}
	s.Text(c.at["tier"], row, strings.Replace(tier, "(", "\n(", 1), styleKey{role: roleCenterWrap, tier: r.Tier})
	if col := c.at["interval"]; col > 0 {
		s.stability(c, row, r.Robust)
	}
	s.Int(c.at["top"], row, t.Top, styleKey{role: roleCenter})
	s.Int(c.at["middle"], row, t.Middle, styleKey{role: roleCenter})
	s.Int(c.at["bottom"], row, t.Bottom, styleKey{role: roleCenter})
	s.Int(c.at["missing"], row, t.Missing, styleKey{role: roleCenter})
	s.Text(c.at["counted"], row, strconv.Itoa(r.Counted)+counted, styleKey{role: roleCenter})
	if c.at["change"] > 0 {
		s.boardChanges(c, row, r, t)
	}
	s.Text(c.at["why"], row, r.Why, styleKey{role: roleRemark})
	// The board is the page shown on the screen at the meeting: rows
	// with air, as on 排名矩阵.
	s.Height(row, 20)
}

// boardChanges writes a unit's moves since the previous period: its rank's
// change, its streak in the tier and the change of its 前N and 后N counts.
func (s *sheet) boardChanges(c columns, row int, r rank.Overall, t rank.Tally) {
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

// stability writes a unit's standing over the robustness draws: its rank
// interval and its shares of draws in the top and bottom tiers, as
// percentages; blank for a unit not ranked.
func (s *sheet) stability(c columns, row int, st *rank.Stability) {
	k := styleKey{role: roleCenter, numFmt: shareFormat}
	if st == nil {
		for _, key := range []string{"interval", "topShare", "bottomShare"} {
			s.Blank(c.at[key], row, k)
		}
		return
	}
	s.Text(c.at["interval"], row, text.Interval(*st), styleKey{role: roleCenter})
	for _, sh := range []struct {
		key   string
		share float64
	}{{"topShare", st.TopShare}, {"bottomShare", st.BottomShare}} {
		v := data.Round(sh.share*100, 1)
		s.number(c.at[sh.key], row, v, k, func() string { return shownShare(v) })
	}
}

// shownShare is a share of draws, in per cent, as shareFormat shows it.
func shownShare(v float64) string {
	if v == 0 || v == 100 {
		return data.Fixed(v, 0) + "%"
	}
	return data.Fixed(v, 1) + "%"
}

// remarkWidth bounds a 说明 column: wide enough for the usual remark on one
// line, not so wide that a rare long one (a four-way tie) takes the screen;
// that one shrinks its own text instead. The column is not printed.
var remarkWidth = [2]float64{24, 72}
