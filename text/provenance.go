package text

import (
	"fmt"
	"strings"

	"shaipin/data"
)

// The words that mark figures that are not final (参数/数据性质), so that
// simulated movement is never read as fact.

// ProvenanceNote is the warning for the periods shown whose figures are not
// official, months of one kind running together: "2022年1—3月为模拟数据,仅
// 供演示;2022年4月数据摘自公开报道,以正式数据为准。"; "" when every
// period shown is official. prov holds the periods that are not
// (rank.Result.Provenance).
func ProvenanceNote(periods []data.Month, prov map[data.Month]data.Provenance) string {
	var parts []string
	for _, run := range provenanceRuns(periods, prov) {
		switch run.kind {
		case data.Simulated:
			parts = append(parts, run.label+"为模拟数据,仅供演示")
		case data.Provisional:
			parts = append(parts, run.label+"为初步数据,以正式数据为准")
		case data.Published:
			parts = append(parts, run.label+"数据摘自公开报道,以正式数据为准")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ";") + "。"
}

// Provenances states the 数据性质 of every period: "2022年1—3月:模拟;2022年
// 4月:公开报道".
func Provenances(periods []data.Month, prov map[data.Month]data.Provenance) string {
	var parts []string
	for _, run := range provenanceRuns(periods, prov) {
		parts = append(parts, run.label+":"+run.kind.Label())
	}
	return strings.Join(parts, ";")
}

// provenanceRun is a run of consecutive months of one provenance.
type provenanceRun struct {
	label string
	kind  data.Provenance
}

// provenanceRuns groups periods (oldest first) into runs of consecutive
// months of the same provenance.
func provenanceRuns(periods []data.Month, prov map[data.Month]data.Provenance) []provenanceRun {
	var runs []provenanceRun
	for i := 0; i < len(periods); {
		j := i + 1
		for j < len(periods) && periods[j] == periods[j-1].Next() && prov[periods[j]] == prov[periods[i]] {
			j++
		}
		runs = append(runs, provenanceRun{MonthSpan(periods[i], periods[j-1]), prov[periods[i]]})
		i = j
	}
	return runs
}

// MonthSpan names the months from first to last: "2022年4月", "2022年1—3月",
// "2021年11月—2022年2月".
func MonthSpan(first, last data.Month) string {
	switch {
	case first == last:
		return first.Label()
	case first.Year() == last.Year():
		return fmt.Sprintf("%d年%d—%d月", first.Year(), first.MonthOfYear(), last.MonthOfYear())
	}
	return first.Label() + "—" + last.Label()
}
