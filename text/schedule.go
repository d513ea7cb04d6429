package text

import (
	"strconv"

	"shaipin/data"
	"shaipin/rank"
)

// 时序进度 is the share of the year that has passed (by the end of April,
// 4/12 = 33.3%); completion rates are judged against it.

// ScheduleShare is the 时序进度 (in %, to one decimal, as shown) that an
// indicator is compared with: its own target, else the period's share of
// the year; false when the indicator is not compared with it or the
// period has no month.
func ScheduleShare(res *rank.Result, ind rank.Indicator) (float64, bool) {
	if !ind.Schedule {
		return 0, false
	}
	if ind.ScheduleTarget != nil {
		return data.Round(*ind.ScheduleTarget, 1), true
	}
	if res.Month.IsZero() {
		return 0, false
	}
	return data.Round(res.Month.YearShare(), 1), true
}

// Percent writes a share as people read it: "33.3%", "50%".
func Percent(share float64) string {
	return strconv.FormatFloat(share, 'f', -1, 64) + "%"
}

// Schedule is a completion rate against 时序进度 (vs: the value minus
// 时序进度, in percentage points): "超时序进度 19.4 个百分点", "落后时序进度
// 5.9 个百分点", "与时序进度持平"; "" when not compared.
func Schedule(vs *float64) string {
	if vs == nil {
		return ""
	}
	v := data.Round(*vs, 1)
	switch {
	case v > 0:
		return "超时序进度 " + strconv.FormatFloat(v, 'f', -1, 64) + " 个百分点"
	case v < 0:
		return "落后时序进度 " + strconv.FormatFloat(-v, 'f', -1, 64) + " 个百分点"
	}
	return "与时序进度持平"
}
