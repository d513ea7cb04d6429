package text

import (
	"fmt"
	"sort"
	"strings"

	"shaipin/data"
	"shaipin/rank"
)

// groupSections are 分项情况: a heading per group of indicators and a
// paragraph per indicator.
func groupSections(res *rank.Result) []Block {
	var out []Block
	byGroup := map[string][]int{}
	for i, ind := range res.Indicators {
		byGroup[ind.Group] = append(byGroup[ind.Group], i)
	}
	for g, name := range res.Groups() {
		out = append(out, Block{Kind: Heading2, Text: "(" + Numeral(g+1) + ")" + name})
		for _, i := range byGroup[name] {
			out = append(out, para(IndicatorSentence(res, res.Indicators[i])))
		}
	}
	return out
}

// IndicatorSentence says how the units placed on one indicator: all of
// them in rank order when there are few ("管控力量化指数排名由高到低依次为:
// 义乌市 91.86分、磐安县 91.17分、…"), else the top and bottom tiers ("完成投
// 资额共 8 个单位排名,居前3位的是…;居后3位的是…"); then who did not report
// and, for a completion rate, how the units stand against 时序进度.
func IndicatorSentence(res *rank.Result, ind rank.Indicator) string {
	o, l := res.Rules, TierLabels(res.Rules)
	name := ind.Name
	if ind.Direction == data.Lower {
		name += "(越小越好)"
	}
	value := func(e rank.Entry) string { return e.Display + ind.Unit }
	list := func(keep func(rank.Entry) bool) string {
		return strings.Join(ReadOut(ind, keep, value, noticeListMax), "、")
	}
	n := 0
	for _, e := range ind.Entries {
		if e.Rank != nil {
			n++
		}
	}
	var s string
	switch {
	case !ind.Ranked && n == 0:
		if all := list(func(rank.Entry) bool { return true }); all != "" {
			s = name + "不参与排名,各单位数值为:" + all
		} else {
			s = name + "不参与排名,各单位均未报送"
		}
	case n == 0:
		s = name + "各单位均未报送"
	case n <= o.Top+o.Bottom+1:
		s = name + "排名由高到低依次为:" + list(func(e rank.Entry) bool { return e.Rank != nil })
	default:
		s = fmt.Sprintf("%s共 %d 个单位排名,居%s的是%s", name, n, l.Top, list(func(e rank.Entry) bool { return e.Tier == rank.Top }))
		if b := list(func(e rank.Entry) bool { return e.Tier == rank.Bottom }); b != "" {
			s += ";居" + l.Bottom + "的是" + b
		}
	}
	parts := []string{s}
	if m := unreported(ind); ind.Ranked && n > 0 && len(m) > 0 {
		parts = append(parts, strings.Join(UnitList(m, noticeListMax), "、")+"未报送")
	}
	if sch := scheduleSentence(res, ind); sch != "" {
		parts = append(parts, sch)
	}
	return strings.Join(parts, ";") + "。"
}

// unreported are the units without a figure on ind.
func unreported(ind rank.Indicator) []string {
	var names []string
	for _, e := range ind.Entries {
		if e.Value == nil {
			names = append(names, e.Unit)
		}
	}
	return names
}

// behindListMax is how many units behind 时序进度 a sentence names.
const behindListMax = 5

// scheduleSentence sets an indicator's completion rates against 时序进度:
// "对照时序进度 33.3%,5 个单位超过时序进度,其中义乌市超时序进度 19.4 个百分
// 点,为最多;金华开发区落后时序进度 5.9 个百分点"; "" when it is not
// compared with it.
func scheduleSentence(res *rank.Result, ind rank.Indicator) string {
	share, ok := ScheduleShare(res, ind)
	if !ok {
		return ""
	}
	var ahead, behind []rank.Entry
	for _, e := range ind.Entries {
		if e.VsSchedule == nil {
			continue
		}
		switch v := data.Round(*e.VsSchedule, 1); {
		case v > 0:
			ahead = append(ahead, e)
		case v < 0:
			behind = append(behind, e)
		}
	}
	if len(ahead)+len(behind) == 0 {
		return ""
	}
	by := func(es []rank.Entry, desc bool) {
		sort.SliceStable(es, func(i, j int) bool { return (*es[i].VsSchedule > *es[j].VsSchedule) == desc })
	}
	by(ahead, true)
	by(behind, false)
	s := "对照时序进度 " + Percent(share)
	switch len(ahead) {
	case 0:
		s += ",没有单位超过时序进度"
	case 1:
		s += "," + ahead[0].Unit + Schedule(ahead[0].VsSchedule)
	default:
		s += fmt.Sprintf(",%d 个单位超过时序进度,其中%s%s,为最多", len(ahead), ahead[0].Unit, Schedule(ahead[0].VsSchedule))
	}
	if len(behind) == 0 {
		return s
	}
	var named []string
	for _, e := range behind[:min(len(behind), behindListMax)] {
		named = append(named, e.Unit+Schedule(e.VsSchedule))
	}
	s += ";" + strings.Join(named, "、")
	if len(behind) > behindListMax {
		s += fmt.Sprintf(",共 %d 个单位落后时序进度", len(behind))
	}
	return s
}
