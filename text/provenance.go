package text

import (
	"fmt"
	"slices"
	"strings"

	"shaipin/data"
	"shaipin/rank"
)

// Provenance: periods whose figures are simulated, provisional or taken
// from public reports are said to be so wherever they are shown, so that
// invented movement is never read as fact.

// Months writes a set of months compactly: "2022年1—3月", "2022年1—2月、
// 4月", "2021年12月—2022年2月".
func Months(ms []data.Month) string {
	ms = slices.Clone(ms)
	slices.Sort(ms)
	ms = slices.Compact(ms)
	var parts []string
	year := 0
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && ms[j+1] == ms[j].Next() {
			j++
		}
		a, b := ms[i], ms[j]
		head := fmt.Sprintf("%d月", a.MonthOfYear())
		if a.Year() != year {
			head = a.Label()
		}
		switch {
		case i == j:
			parts = append(parts, head)
		case a.Year() == b.Year():
			parts = append(parts, strings.TrimSuffix(head, "月")+"—"+fmt.Sprintf("%d月", b.MonthOfYear()))
		default:
			parts = append(parts, head+"—"+b.Label())
		}
		year = b.Year()
		i = j + 1
	}
	return strings.Join(parts, "、")
}

// monthsOf lists the months of res marked p, oldest first.
func monthsOf(res *rank.Result, p data.Provenance) []data.Month {
	var ms []data.Month
	for m, q := range res.Provenance {
		if q == p {
			ms = append(ms, m)
		}
	}
	slices.Sort(ms)
	return ms
}

// SimulatedNote names the simulated periods for a chart: "2022年1—3月为
// 模拟数据"; "" when none is.
func SimulatedNote(res *rank.Result) string {
	ms := monthsOf(res, data.Simulated)
	if len(ms) == 0 {
		return ""
	}
	return Months(ms) + provenanceSays[data.Simulated]
}

// trendDemo is what follows from simulated months in a report.
const trendDemo = "趋势与进退位仅作演示"

// provenanceSays is what is said of the months of each kind that is not
// official, after their names.
var provenanceSays = map[data.Provenance]string{
	data.Simulated:   "为模拟数据",
	data.Provisional: "为初步数据,可能修订",
	data.Published:   "的数据取自公开报道,并非各单位正式报送",
}

// SimulatedBanner is the warning at the top of a report that shows
// simulated periods: "2022年1—3月为模拟数据,仅供演示;趋势与进退位仅作
// 演示。"; "" when none is simulated.
func SimulatedBanner(res *rank.Result) string {
	if SimulatedNote(res) == "" {
		return ""
	}
	if res.Provenance[res.Month] == data.Simulated {
		return SimulatedNote(res) + ",仅供演示;本期排名、趋势与进退位均不反映实际情况。"
	}
	return SimulatedNote(res) + ",仅供演示;" + trendDemo + "。"
}

// ProvenanceNotes are the smaller notes on provisional periods and on
// periods taken from public reports.
func ProvenanceNotes(res *rank.Result) []string {
	var out []string
	for _, k := range []data.Provenance{data.Provisional, data.Published} {
		if ms := monthsOf(res, k); len(ms) > 0 {
			out = append(out, Months(ms)+provenanceSays[k]+"。")
		}
	}
	return out
}

// ProvenanceMark is the mark of a period on a chart axis or in a list:
// "(模拟)", "(初步)", "(公开报道)"; "" for official figures.
func ProvenanceMark(p data.Provenance) string {
	if p == data.Official {
		return ""
	}
	return "(" + p.Label() + ")"
}

// PreviousNote says that the period changes are measured from is not
// official: "上期(2022年3月)为模拟数据,进退位仅作演示"; "" when it is
// official or there is none.
func PreviousNote(res *rank.Result) string {
	if res.Previous.IsZero() {
		return ""
	}
	switch res.Provenance[res.Previous] {
	case data.Simulated:
		return "上期(" + res.Previous.Label() + ")为模拟数据,进退位仅作演示"
	case data.Provisional:
		return "上期(" + res.Previous.Label() + ")为初步数据,进退位可能随修订变化"
	}
	return ""
}

// ProvenanceNote is the note for a table that shows periods (oldest
// first) of which some are not official, in the words of the report's
// notes: "2022年1—3月为模拟数据,仅供演示;2022年4月的数据取自公开报道,并非
// 各单位正式报送。"; "" when every period shown is official. prov holds the
// periods that are not (rank.Result.Provenance).
func ProvenanceNote(periods []data.Month, prov map[data.Month]data.Provenance) string {
	var parts []string
	for _, k := range []data.Provenance{data.Simulated, data.Provisional, data.Published} {
		var ms []data.Month
		for _, m := range periods {
			if prov[m] == k {
				ms = append(ms, m)
			}
		}
		if len(ms) == 0 {
			continue
		}
		s := Months(ms) + provenanceSays[k]
		if k == data.Simulated {
			s += ",仅供演示"
		}
		parts = append(parts, s)
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
	for i := 0; i < len(periods); {
		j := i + 1
		for j < len(periods) && periods[j] == periods[j-1].Next() && prov[periods[j]] == prov[periods[i]] {
			j++
		}
		parts = append(parts, Months(periods[i:j])+":"+prov[periods[i]].Label())
		i = j
	}
	return strings.Join(parts, ";")
}
