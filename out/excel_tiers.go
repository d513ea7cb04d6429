package out

import (
	"fmt"
	"strings"

	"shaipin/rank"
)

// writeTiers fills 前三后三: for every ranked indicator, its top-tier and
// bottom-tier units with their values, in the words read out at the
// meeting ("义乌市 91.86、磐安县 91.17、婺城区 90.80"), and who did not report.
func (b *book) writeTiers(s *sheet) {
	res, o := b.res, b.res.Rules
	const last = 6
	s.heading(last, "前三后三:每项参与排名指标的前、后档次单位及其数值,可直接用于会议通报。"+tierLegend(o))
	s.headers(3, "分组", "指标", "单位(计量)",
		fmt.Sprintf("前%d位(红旗)", o.Top), fmt.Sprintf("后%d位(黄旗)", o.Bottom), "未报送")
	s.limit[2] = [2]float64{12, 30}
	s.limit[4] = [2]float64{24, 46}
	s.limit[5] = [2]float64{24, 46}
	s.limit[6] = [2]float64{12, 40}
	row := 4
	for _, ind := range res.Indicators {
		if !ind.Ranked {
			continue
		}
		s.text(1, row, ind.Group, styleKey{role: roleText})
		s.text(2, row, ind.Name, styleKey{role: roleText})
		s.text(3, row, ind.Unit, styleKey{role: roleCenter})
		for i, tier := range []rank.Tier{rank.Top, rank.Bottom} {
			v := lineUp(readOutParts(ind, tier), s.limit[4+i][1])
			if v == "" {
				v, tier = "—", rank.None // an empty tier is not a flag
			}
			s.text(4+i, row, v, styleKey{role: roleWrap, tier: tier})
		}
		var missing []string
		for _, e := range ind.Entries {
			if e.Value == nil {
				missing = append(missing, e.Unit)
			}
		}
		s.text(6, row, lineUp(missing, s.limit[6][1]), styleKey{role: roleWrap})
		row++
	}
	// Rows of one height: the page is read across, indicator by indicator,
	// and a ragged grid makes the eye lose its row.
	s.finish(layout{lastCol: last, headRows: 3, keepCols: 2, uniform: true})
}

// readOut lists an indicator's units in a tier, in rank order, each with
// its value at the indicator's precision. Units sharing a rank are named
// together once: "婺城区、义乌市 100%(并列第1)".
func readOut(ind rank.Indicator, tier rank.Tier) string {
	parts := readOutParts(ind, tier)
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "、")
}

// readOutParts is readOut's list before it is joined: one part per rank.
func readOutParts(ind rank.Indicator, tier rank.Tier) []string {
	var parts []string
	es := ind.Entries
	for i := 0; i < len(es); i++ {
		e := es[i]
		if e.Tier != tier || e.Rank == nil || e.Value == nil {
			continue
		}
		names := []string{e.Unit}
		for i+1 < len(es) && es[i+1].Tier == tier && es[i+1].Rank != nil && *es[i+1].Rank == *e.Rank {
			i++
			names = append(names, es[i].Unit)
		}
		p := strings.Join(names, "、") + " " + shownValue(ind, *e.Value)
		if len(names) > 1 || len(e.TiedWith) > 0 {
			p += fmt.Sprintf("(并列第%d)", *e.Rank)
		}
		parts = append(parts, p)
	}
	return parts
}

// lineUp joins a list with "、", starting a new line before an item that
// would not fit in a cell width units wide. Left to the reader, a wrapped
// cell breaks Chinese text anywhere, splitting a unit's name over two
// lines ("磐" / "安县"); the separator stays at the end of the line, where
// Chinese typesetting wants it.
func lineUp(items []string, width float64) string {
	// A line fits when textLines counts it as one: up to width − 1 (the
	// cell's padding), less one for a column that comes out narrower than
	// width because nothing in it is that long.
	avail := int(width) - 2
	sep := displayWidth("、")
	var b strings.Builder
	line := 0
	for i, it := range items {
		w := displayWidth(it)
		if i > 0 {
			b.WriteString("、")
			line += sep
			// Room for the item and the separator that may follow it.
			if line+w+sep > avail {
				b.WriteString("\n")
				line = 0
			}
		}
		b.WriteString(it)
		line += w
	}
	return b.String()
}
