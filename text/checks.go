package text

import (
	"strconv"
	"strings"

	"shaipin/check"
)

// The 数据核查 section: the figures the plausibility checks question.

// NoFindings is the 数据核查 line when the checks found nothing, so that
// the meeting sees they ran.
const NoFindings = "未发现需要核查的数据"

// FindingsSummary is the line above the findings: "共 2 条核查提示,涉及
// 义乌市 1 条、兰溪市 1 条;排名按填报值计算,请核实后更正。"; NoFindings
// when there are none. units orders the units named.
func FindingsSummary(fs check.Findings, units []string) string {
	if len(fs) == 0 {
		return NoFindings + "。"
	}
	s := "共 " + strconv.Itoa(len(fs)) + " 条核查提示"
	var per []string
	for _, c := range fs.PerUnit(units) {
		per = append(per, c.Unit+" "+strconv.Itoa(c.Count)+" 条")
	}
	if len(per) > 0 {
		s += ",涉及" + namesOf(per, 5, "个单位")
	}
	return s + ";排名按填报值计算,核实更正后请重新生成报告。"
}

// FindingPlace is where a finding's figure is: "2022-04.xlsx 城市更新!C8";
// a whole column is a range ("城市更新!D3:D12").
func FindingPlace(f *check.Finding) string {
	parts := []string{f.File}
	if f.Sheet != "" {
		parts = append(parts, f.Sheet+"!"+f.Cell)
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// FindingUnits names the units a finding questions, or "整列" for a
// column questioned as a whole (a copy of another column or of last
// month's).
func FindingUnits(f *check.Finding) string {
	if len(f.Units) == 0 {
		return "整列"
	}
	return namesOf(f.Units, 5, "个单位")
}
