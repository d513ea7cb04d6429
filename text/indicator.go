package text

import (
	"fmt"

	"shaipin/data"
	"shaipin/rank"
)

// IndicatorNote is what to know before reading an indicator's ranking, as
// short parts to join: its unit, "越小越好" when lower is better (higher
// is the norm and goes unsaid), and how many units were ranked ("6 个单位
// 排名") or "仅展示,不排名".
func IndicatorNote(ind rank.Indicator) []string {
	var note []string
	if ind.Unit != "" {
		note = append(note, "单位:"+ind.Unit)
	}
	if ind.Direction == data.Lower {
		note = append(note, "越小越好")
	}
	if !ind.Ranked {
		return append(note, "仅展示,不排名")
	}
	ranked := 0
	for _, e := range ind.Entries {
		if e.Rank != nil {
			ranked++
		}
	}
	return append(note, fmt.Sprintf("%d 个单位排名", ranked))
}

// Span is the periods a history covers: "2022年1月—2022年4月,共 4 期".
func Span(periods []data.Month) string {
	if len(periods) == 0 {
		return ""
	}
	return fmt.Sprintf("%s—%s,共 %d 期", periods[0].Label(), periods[len(periods)-1].Label(), len(periods))
}
