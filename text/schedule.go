package text

import (
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/rank"
)

// 时序进度 is the share of the year that has passed (by the end of April,
// 4/12 = 33.33%); completion rates are judged against it. The target is
// shown at the 2 decimals the differences are computed at (rank's
// addSchedule), and the differences as computed, so that every printed
// difference checks by hand: 59.35 − 41.67 = 17.68.

// The 时序进度 phrases, with {n} for the figure; the page's script gets the
// same templates (ScriptWords).
const (
	scheduleAhead  = "超时序进度 {n} 个百分点"
	scheduleBehind = "落后时序进度 {n} 个百分点"
	scheduleEven   = "与时序进度持平"
	scheduleLine   = "时序进度 {n}%"
)

// fill puts a figure into a phrase template.
func fill(template, n string) string { return strings.Replace(template, "{n}", n, 1) }

// ScheduleShare is the 时序进度 (in %, at 2 decimals, as shown) that an
// indicator is compared with: the target rank compared it with, else the
// period's share of the year; false when the indicator is not compared
// with it or the period has no month.
func ScheduleShare(res *rank.Result, ind rank.Indicator) (float64, bool) {
	if !ind.Schedule {
		return 0, false
	}
	if ind.ScheduleTarget != nil {
		return data.Round(*ind.ScheduleTarget, 2), true
	}
	if res.Month.IsZero() {
		return 0, false
	}
	return data.Round(res.Month.YearShare(), 2), true
}

// Percent writes a share as people read it: "33.33%", "50%".
func Percent(share float64) string {
	return strconv.FormatFloat(share, 'f', -1, 64) + "%"
}

// ScheduleLine names the 时序进度 line of a chart: "时序进度 41.67%".
func ScheduleLine(share float64) string {
	return fill(scheduleLine, strconv.FormatFloat(share, 'f', -1, 64))
}

// Schedule is a completion rate against 时序进度 (vs: the value minus
// 时序进度, in percentage points, at 2 decimals as rank computes it):
// "超时序进度 19.37 个百分点", "落后时序进度 5.9 个百分点", "与时序进度持平";
// "" when not compared.
func Schedule(vs *float64) string {
	if vs == nil {
		return ""
	}
	v := data.Round(*vs, 2)
	switch {
	case v > 0:
		return fill(scheduleAhead, strconv.FormatFloat(v, 'f', -1, 64))
	case v < 0:
		return fill(scheduleBehind, strconv.FormatFloat(-v, 'f', -1, 64))
	}
	return scheduleEven
}
