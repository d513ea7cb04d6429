package check

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"shaipin/data"
)

// Words in an indicator's name that decide its default plausible range.
var (
	// changeWords name a change, which may be negative or exceed 100 %.
	changeWords = []string{"增速", "增长", "增幅", "增量", "增加", "增减", "减少", "下降", "降幅", "涨幅",
		"变动", "变化", "同比", "环比", "净增", "差额", "差值", "偏差", "比上年", "比去年"}
	// progressWords name progress against a plan, which cannot be negative
	// but may exceed 100 % (ahead of plan, or late in the year).
	progressWords = []string{"完成", "进度"}
	// shareWords name a share of a whole: 0 to 100 %.
	shareWords = []string{"率", "占比", "比重", "比例", "覆盖", "活跃度", "达标"}
	// averageWords name an average, which need not be whole in a count unit.
	averageWords = []string{"平均", "人均", "户均", "均", "每"}
)

// bound is one end of an indicator's plausible range and what set it.
type bound struct {
	set   bool
	value float64
	// why says what is wrong with a figure beyond it.
	why string
}

// rangeOf is an indicator's plausible range: 指标说明's 下限/上限 where
// given, else the default for its unit and name (see docs/checks.md).
func rangeOf(ind *data.Indicator) (lo, hi bound) {
	name := ind.Name
	switch {
	case hasAny(name, changeWords):
	case ind.Unit == "%" && hasAny(name, progressWords):
		lo = bound{true, 0, "完成率、进度不能为负数"}
	case ind.Unit == "%" && hasAny(name, shareWords):
		lo = bound{true, 0, "比率不能为负数"}
		hi = bound{true, 100, "比率不能超过 100%(如本指标确可超过,请在「指标说明」的「上限」填 不限 或具体数值)"}
	case nonNegative(ind.Unit):
		lo = bound{true, 0, fmt.Sprintf("以「%s」计的数量不能为负数", ind.Unit)}
	}
	if l := ind.Lower; l.Set {
		lo = bound{!math.IsInf(l.Value, 0), l.Value, "低于「指标说明」中的下限 " + fixed(l.Value)}
	}
	if u := ind.Upper; u.Set {
		hi = bound{!math.IsInf(u.Value, 0), u.Value, "高于「指标说明」中的上限 " + fixed(u.Value)}
	}
	return lo, hi
}

// impossible questions figures outside the indicator's plausible range and
// fractional figures of a count.
func impossible(c *column, es []entry, _ Options) []flag {
	lo, hi := rangeOf(c.ind)
	whole := isCount(c.ind.Unit) && !hasAny(c.ind.Name, averageWords)
	var flags []flag
	for i, e := range es {
		x := e.x()
		switch {
		case lo.set && x < lo.value:
			flags = append(flags, flag{i, lo.why})
		case hi.set && x > hi.value:
			flags = append(flags, flag{i, hi.why})
		case whole && x != math.Trunc(x):
			flags = append(flags, flag{i, fmt.Sprintf("以「%s」计的数量应为整数", c.ind.Unit)})
		}
	}
	return flags
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// fixed writes a limit as typed: 100, 0.5, -50.
func fixed(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
