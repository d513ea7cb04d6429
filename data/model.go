// Package data holds shaipin's input model — periods, units, indicators and
// their values — and reads it from the indicator workbooks a city office
// produces (see docs/input.md for the contract users follow).
package data

import "sort"

// Direction says which end of an indicator is better.
type Direction string

// The two directions an indicator can have.
const (
	Higher Direction = "higher" // 正向: larger values rank first
	Lower  Direction = "lower"  // 逆向: smaller values rank first
)

// Label is the Chinese word users see for the direction.
func (d Direction) Label() string {
	if d == Lower {
		return "逆向(越小越好)"
	}
	return "正向(越大越好)"
}

// Dataset is everything read from one or more workbooks: one Period per
// workbook (or per period of a long-format sheet), sorted by period.
type Dataset struct {
	Periods []*Period
	// Warnings are problems that did not stop the data from being used,
	// sorted by position.
	Warnings ErrorList
	// Notes say what the reader left out or read in an unusual way: files
	// and sheets that are not data, total rows, a table read transposed.
	Notes ErrorList
	// Sources are the paths of every file read (workbooks, CSV files, unit
	// lists), also those found in folders and subfolders: what a command
	// that writes must never write over.
	Sources []string
}

// Latest returns the last period, or nil for an empty dataset.
func (d *Dataset) Latest() *Period {
	if d == nil || len(d.Periods) == 0 {
		return nil
	}
	return d.Periods[len(d.Periods)-1]
}

// Find returns the period of the given month, or nil.
func (d *Dataset) Find(m Month) *Period {
	for _, p := range d.Periods {
		if p.Month == m {
			return p
		}
	}
	return nil
}

// Period is one round of the 晒拼: the units, the indicators and every value.
type Period struct {
	Month  Month
	Title  string // from 参数/标题, or made from the month
	Source string // data source note (参数/数据来源), may be empty
	File   string // the workbook it came from (base name)

	// Settings are the ranking rules the 参数 sheet fixes, if any.
	Settings Settings
	// Provenance is 参数/数据性质: official unless the sheet says otherwise.
	Provenance Provenance
	// FlagRules are the rules of the 红黄旗规则 sheet; nil when the
	// workbook has none (the defaults then apply), empty when it has the
	// sheet but no rules (no flags are awarded).
	FlagRules []FlagRule

	// Units in display order: the 单位 sheet's order when there is one,
	// otherwise first appearance in the data sheets.
	Units      []string
	Indicators []*Indicator
}

// Indicator is one measure every unit is ranked on.
type Indicator struct {
	Name      string
	Group     string // family, e.g. 七张问题清单
	Unit      string // unit of measure, "" when none
	Direction Direction
	Weight    float64
	// Decimals is 小数位 from 指标说明, or -1 when not given.
	Decimals int
	Ranked   bool // 参与排名
	Schedule bool // 时序进度: compared with the share of the year elapsed
	Sheet    string
	// Lower and Upper are 下限 and 上限 from 指标说明: the plausible range
	// the check package holds values to, where an office sets one.
	Lower, Upper Limit

	// Target is 目标值 from 指标说明 (nil when not given): what 目标值法
	// scores a value against, in the indicator's unit.
	Target *float64

	// Values has one entry per Period.Units, in the same order.
	Values []Value
}

// Precision is the number of decimals values are compared at: 小数位 when
// given, otherwise the most decimals any unit reported.
func (ind *Indicator) Precision() int {
	if ind.Decimals >= 0 {
		return ind.Decimals
	}
	p := 0
	for _, v := range ind.Values {
		if v.OK && v.Decimals > p {
			p = v.Decimals
		}
	}
	return p
}

// Limit is one end of an indicator's plausible range. The zero Limit is
// unset (the check package then applies its default for the kind of
// indicator); 不限 sets it, to -Inf or +Inf.
type Limit struct {
	Set   bool
	Value float64
}

// Value is one unit's figure on one indicator.
type Value struct {
	OK       bool    // false: not reported (未报送)
	Number   float64 // the value as reported (percent cells already ×100)
	Decimals int     // decimals as reported
	Cell     string  // where it came from, e.g. "城市更新!D7"
}

// Key identifies an indicator within a period: its group and name.
func (ind *Indicator) Key() string { return ind.Group + "/" + ind.Name }

// sortPeriods orders periods in time.
func sortPeriods(ps []*Period) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Month < ps[j].Month })
}
