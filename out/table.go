package out

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"shaipin/rank"
	"shaipin/textwidth"
)

// Table writes the result as a readable terminal table in Chinese: the
// overall board with each unit's tally, then every indicator in rank order.
func Table(w io.Writer, res *rank.Result) error {
	o := res.Rules
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s(期间 %s)\n", res.Title, res.Month)
	if res.Source != "" {
		fmt.Fprintf(b, "数据来源:%s\n", res.Source)
	}
	fmt.Fprintf(b, "规则:前%d / 后%d;%s;综合得分:%s\n\n", o.Top, o.Bottom, o.TieLabel(), scoreShort(o))

	moved := !res.Previous.IsZero()
	if moved {
		fmt.Fprintf(b, "变化:与 %s 相比(↑ 进位,↓ 退位)\n\n", res.Previous)
	}
	b.WriteString("【总榜】\n")
	head := []string{"排名", "单位", "综合得分", "档次", fmt.Sprintf("前%d位", o.Top), "中间", fmt.Sprintf("后%d位", o.Bottom), "未报送"}
	if moved {
		head = append(head[:1], append([]string{"变化"}, head[1:]...)...)
	}
	rows := [][]string{head}
	for i, r := range res.Overall {
		t := res.Tally[i]
		row := []string{intOr(r.Rank), r.Unit, scoreOr(r.Score), r.Tier.Label(o),
			strconv.Itoa(t.Top), strconv.Itoa(t.Middle), strconv.Itoa(t.Bottom), strconv.Itoa(t.Missing)}
		if moved {
			row = append(row[:1], append([]string{rank.ChangeLabel(r.Change)}, row[1:]...)...)
		}
		rows = append(rows, row)
	}
	writeAligned(b, rows)

	for _, ind := range res.Indicators {
		head := ind.Group + " · " + ind.Name
		var tags []string
		if ind.Unit != "" {
			tags = append(tags, ind.Unit)
		}
		tags = append(tags, ind.Direction.Label())
		if !ind.Ranked {
			tags = append(tags, "不参与排名")
		}
		fmt.Fprintf(b, "\n【%s】(%s)\n", head, strings.Join(tags, ","))
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
			rk := intOr(e.Rank)
			if len(e.TiedWith) > 0 {
				rk += "(并列)"
			}
			row := []string{rk, e.Unit, e.Display, e.Tier.Label(o)}
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
	_, err := io.WriteString(w, b.String())
	return err
}

func scoreShort(o rank.Options) string {
	if o.Score == rank.RankPoints {
		return "名次得分"
	}
	return "极差标准化(0—100)"
}

func intOr(p *int) string {
	if p == nil {
		return "—"
	}
	return strconv.Itoa(*p)
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
	for _, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-textwidth.Of(c)+2))
			}
		}
		b.WriteString("\n")
	}
}
