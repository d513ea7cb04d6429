package main

import (
	"fmt"
	"io"

	"shaipin/check"
	"shaipin/data"
)

// unitSummary writes a line per unit of p: how many of the ranked
// indicators it left blank and how many findings question its figures,
// so an office sees at once whom to call.
func unitSummary(w io.Writer, p *data.Period, fs check.Findings) {
	var own check.Findings
	for _, f := range fs {
		if f.Period == p.Month {
			own = append(own, f)
		}
	}
	questioned := map[string]int{}
	for _, c := range own.PerUnit(p.Units) {
		questioned[c.Unit] = c.Count
	}
	ranked, missing := 0, make([]int, len(p.Units))
	for _, ind := range p.Indicators {
		if !ind.Ranked {
			continue
		}
		ranked++
		for k, v := range ind.Values {
			if !v.OK {
				missing[k]++
			}
		}
	}
	fmt.Fprintf(w, "各单位(%s,%d 项参与排名的指标):\n", p.Month, ranked)
	for k, u := range p.Units {
		fmt.Fprintf(w, "  %s:未报送 %d 项,核查提示 %d 条\n", u, missing[k], questioned[u])
	}
}
