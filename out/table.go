package out

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
	"shaipin/textwidth"
)

// Table writes the result as a readable terminal table in Chinese: the
// overall board with each unit's tally (and its rank interval when the
// robustness draws were run), then every indicator in rank order.
func Table(w io.Writer, res *rank.Result) error {
	b := &strings.Builder{}
	tableHead(b, res)
	moved := !res.Previous.IsZero()
	if moved {
		fmt.Fprintf(b, "变化:与 %s 相比(↑ 进位,↓ 退位)\n\n", res.Previous)
	}
	b.WriteString("【总榜】\n")
	writeAligned(b, boardRows(res, moved))
	boardNotes(b, res)
	for _, ind := range res.Indicators {
		indicatorTable(b, ind, res.Rules, moved)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RobustTable writes the overall board with each unit's standing over the
// robustness draws (res.Robustness must be set): its tier, median rank,
// the 5–95 % interval, the shares of draws in the top and bottom tiers,
// 边缘 when its flag is borderline; then
// the one-line reading and the units not ranked.
func RobustTable(w io.Writer, res *rank.Result) error {
	if res.Robustness == nil {
		return fmt.Errorf("没有稳健性分析结果")
	}
	b := &strings.Builder{}
	tableHead(b, res)
	o := res.Rules
	rows := [][]string{append([]string{"名次", "单位", "综合得分", "档次"}, robustHead(o)...)}
	for _, r := range res.Overall {
		if r.Rank != nil {
			rows = append(rows, append([]string{overallPlace(r), r.Unit, scoreOr(r.Score), text.StyleOf(r.Tier).Name(o)}, robustCells(r.Robust)...))
		}
	}
	writeAligned(b, rows)
	boardNotes(b, res)
	_, err := io.WriteString(w, b.String())
	return err
}

// tableHead writes the title, the source, the provenance of the periods
// shown and the rules.
func tableHead(b *strings.Builder, res *rank.Result) {
	o := res.Rules
	fmt.Fprintf(b, "%s(期间 %s)\n", res.Title, res.Month)
	if res.Source != "" {
		fmt.Fprintf(b, "数据来源:%s\n", res.Source)
	}
	if s := provenance(res); s != "" {
		fmt.Fprintf(b, "数据性质:%s\n", s)
	}
	fmt.Fprintf(b, "规则:前%d / 后%d;%s\n", o.Top, o.Bottom, o.TieLabel())
	if o.Board == rank.TallyBoard {
		fmt.Fprintf(b, "%s;%s\n\n", o.BoardLabel(), o.CoverageLabel())
		return
	}
	fmt.Fprintf(b, "综合得分:%s,%s;%s;%s\n\n", scoreShort(o), o.WeightsLabel(), o.MissingLabel(), o.CoverageLabel())
}

// provenance lists the periods shown whose figures are not official:
// "2022-01、2022-02、2022-03 模拟;2022-04 公开报道".
func provenance(res *rank.Result) string {
	var months []data.Month
	for m := range res.Provenance {
		months = append(months, m)
	}
	if len(months) == 0 {
		return ""
	}
	slices.Sort(months)
	var parts []string
	for i := 0; i < len(months); {
		kind := res.Provenance[months[i]]
		var run []string
		for ; i < len(months) && res.Provenance[months[i]] == kind; i++ {
			run = append(run, months[i].String())
		}
		parts = append(parts, strings.Join(run, "、")+" "+kind.Label())
	}
	return strings.Join(parts, ";")
}

// boardRows are the overall board's header and rows.
func boardRows(res *rank.Result, moved bool) [][]string {
	o := res.Rules
	head := []string{"排名", "单位", text.ScoreHead(o), "档次", fmt.Sprintf("前%d位", o.Top), "中间", fmt.Sprintf("后%d位", o.Bottom), "未报送"}
	if moved {
		head = append(head[:1], append([]string{"变化"}, head[1:]...)...)
	}
	if res.Robustness != nil {
		head = append(head, robustHead(o)...)
	}
	rows := [][]string{head}
	for i, r := range res.Overall {
		t := res.Tally[i]
		row := []string{overallPlace(r), r.Unit, boardScore(r.Score, o), text.StyleOf(r.Tier).Name(o),
			strconv.Itoa(t.Top), strconv.Itoa(t.Middle), strconv.Itoa(t.Bottom), strconv.Itoa(t.Missing)}
		if moved {
			row = append(row[:1], append([]string{rank.ChangeLabel(r.Change)}, row[1:]...)...)
		}
		if res.Robustness != nil {
			row = append(row, robustCells(r.Robust)...)
		}
		rows = append(rows, row)
	}
	return rows
}

// boardNotes writes, under the board, the reading of the robustness draws
// and why each unit not ranked is not.
func boardNotes(b *strings.Builder, res *rank.Result) {
	if res.Robustness != nil {
		fmt.Fprintf(b, "稳健性:%s\n", res.Robustness.Reading)
	}
	var off []string
	for _, r := range res.Overall {
		if r.Rank == nil {
			off = append(off, r.Unit+":"+r.Why)
		}
	}
	if len(off) > 0 {
		b.WriteString("未参与总榜排名:\n  " + strings.Join(off, "\n  ") + "\n")
	}
}

// overallPlace is a board row's rank: 1, 2(并列), 并列第4(倒数并列第3), —.
func overallPlace(r rank.Overall) string {
	return place(rank.Entry{Rank: r.Rank, ReverseRank: r.ReverseRank, Tie: r.Tie})
}

// place is an entry's rank as the tables show it: the number, marked
// (并列) when tied; spelled out where the tier comes from the worst end.
func place(e rank.Entry) string {
	switch {
	case e.Rank == nil:
		return "—"
	case e.ReverseRank != nil:
		return text.Rank(e)
	case len(e.Tie) > 0:
		return strconv.Itoa(*e.Rank) + "(并列)"
	}
	return strconv.Itoa(*e.Rank)
}

// robustHead heads the robustness columns.
func robustHead(o rank.Options) []string {
	return []string{"中位名次", "名次区间(5%—95%)", fmt.Sprintf("居前%d比例", o.Top), fmt.Sprintf("居后%d比例", o.Bottom), "边缘"}
}

// robustCells are a unit's robustness columns; dashes when it has none.
func robustCells(s *rank.Stability) []string {
	if s == nil {
		return []string{"—", "—", "—", "—", ""}
	}
	span := strconv.Itoa(s.P5)
	if s.P95 != s.P5 {
		span += "—" + strconv.Itoa(s.P95)
	}
	edge := ""
	if s.Borderline {
		edge = "边缘"
	}
	return []string{strconv.Itoa(s.Median), span, share(s.TopShare), share(s.BottomShare), edge}
}

// share writes a share of draws as a percentage: 0.492 is 49.2%.
func share(s float64) string {
	return text.Percent(data.Round(s*100, 1))
}

// indicatorTable writes one indicator's ranking.
func indicatorTable(b *strings.Builder, ind rank.Indicator, o rank.Options, moved bool) {
	var tags []string
	if ind.Unit != "" {
		tags = append(tags, ind.Unit)
	}
	tags = append(tags, ind.Direction.Label())
	if !ind.Ranked {
		tags = append(tags, "不参与排名")
	}
	fmt.Fprintf(b, "\n【%s · %s】(%s)\n", ind.Group, ind.Name, strings.Join(tags, ","))
	rows := [][]string{{"排名", "单位", "数值", "档次"}}
	if moved {
		rows[0] = append(rows[0], "变化")
	}
	var missing []string
	for _, e := range ind.Entries {
		if e.Value == nil {
			missing = append(missing, e.Unit)
			continue
		}
		row := []string{place(e), e.Unit, e.Display, text.StyleOf(e.Tier).Name(o)}
		if moved {
			row = append(row, rank.ChangeLabel(e.Change))
		}
		rows = append(rows, row)
	}
	if len(rows) > 1 {
		writeAligned(b, rows)
	}
	if len(missing) > 0 {
		fmt.Fprintf(b, "未报送:%s\n", strings.Join(missing, "、"))
	}
}

// scoreShort names the score method and its scale.
func scoreShort(o rank.Options) string {
	switch o.Score {
	case rank.RankPoints:
		return "名次得分(0—100)"
	case rank.Efficacy:
		return "功效系数法(60—100)"
	case rank.ZScore:
		return "标准分(0—100)"
	case rank.Target:
		return "目标值法(0—" + strconv.Itoa(int(rank.TargetCap*100)) + ")"
	case rank.TOPSIS:
		return "TOPSIS(0—100)"
	}
	return "极差标准化(0—100)"
}

// boardScore is a board row's score; on the tally board, the net count
// of flags (+4, -2).
func boardScore(p *float64, o rank.Options) string {
	if p != nil && o.Board == rank.TallyBoard {
		return strconv.FormatFloat(*p, 'f', 0, 64)
	}
	return scoreOr(p)
}

func scoreOr(p *float64) string {
	if p == nil {
		return "—"
	}
	return strconv.FormatFloat(*p, 'f', 2, 64)
}

// writeAligned pads each column to its widest cell, by display width.
func writeAligned(b *strings.Builder, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], textwidth.Of(c))
		}
	}
	var line strings.Builder
	for _, r := range rows {
		line.Reset()
		for i, c := range r {
			line.WriteString(c)
			if i < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-textwidth.Of(c)+2))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
	}
}
