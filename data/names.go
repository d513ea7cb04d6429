package data

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shaipin/places"
)

// rowKind is what the unit cell of a row names.
type rowKind int

const (
	rowUnit    rowKind = iota
	rowBlank           // no name
	rowTotal           // a total, an average, the city or a wider area: 全市, 合计, 金华市
	rowNotUnit         // plainly not a unit name: 填表人:张三, a phone number, a date
)

// Words of rows that sum or average the units rather than name one.
var (
	totalPrefixes = []string{"全市", "全省", "全县", "全区", "全国", "合计", "总计", "小计", "平均", "均值", "汇总"}
	totalSuffixes = []string{"合计", "总计", "小计", "平均", "平均值", "均值", "汇总"}
	totalNames    = map[string]bool{"市区": true, "全部": true, "总体": true}
)

// isTotalName reports whether a cleaned unit cell names a total or an
// average by its words: 全市, 合计, 金华市合计, 全市平均, 市区.
func isTotalName(n string) bool {
	if totalNames[n] {
		return true
	}
	for _, p := range totalPrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	for _, s := range totalSuffixes {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	return false
}

// dateLike matches a date: 2022-04, 2022年4月30日, 4月30日.
var dateLike = regexp.MustCompile(`(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}月\d{1,2}日`)

// longestDigits is the length of the longest run of ASCII digits in s: a
// phone number has one of seven or more (0579-12345678, 13800000000).
func longestDigits(s string) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// maxUnitName is the longest a unit name can be, in characters: the
// longest county-level names have about a dozen.
const maxUnitName = 20

// notUnitName reports whether a cleaned cell is plainly not a unit name:
// it holds a colon (填表人:张三), a phone number, a date, is a bare number,
// or is longer than a unit name can be.
func notUnitName(n string) bool {
	if strings.ContainsAny(n, ":：") || utf8.RuneCountInString(n) > maxUnitName {
		return true
	}
	// Phone numbers and dates have digits; most names have none.
	digits := longestDigits(n)
	return digits > 0 && (digits >= 7 || numeric(n) || (digits >= 4 || strings.Contains(n, "月")) && dateLike.MatchString(n))
}

// amongPrefixes introduce a part of the row above: 其中:婺城区.
var amongPrefixes = []string{"其中:", "其中：", "其中,", "其中，"}

// rowRules classify the unit cells of one table.
type rowRules struct {
	units *unitBook
	// citiesAreUnits is set when most rows name prefecture-level places
	// (a province's table of its cities): then only a province is a
	// wider area.
	citiesAreUnits bool
	wider          map[string]bool // name → places.IsWiderArea, as found
}

// rowRules returns the rules for the unit cells at column col of rows
// from on.
func (r *reader) rowRules(rows [][]string, from, col int) rowRules {
	k := rowRules{units: r.units, wider: map[string]bool{}}
	wider, n := 0, 0
	for i := from; i < len(rows); i++ {
		name := cleanName(cell(rows, i, col))
		if name == "" || notUnitName(name) || isTotalName(name) {
			continue
		}
		n++
		k.wider[name] = places.IsWiderArea(name)
		if k.wider[name] {
			wider++
		}
	}
	k.citiesAreUnits = wider*2 > n
	return k
}

// isWider is places.IsWiderArea, remembered.
func (k rowRules) isWider(n string) bool {
	w, ok := k.wider[n]
	if !ok {
		w = places.IsWiderArea(n)
		k.wider[n] = w
	}
	return w
}

// kind classifies a unit cell as typed, and returns the name to resolve.
// A name the 单位 sheet lists is always a unit.
func (k rowRules) kind(typed string) (rowKind, string) {
	n := cleanName(typed)
	for _, p := range amongPrefixes {
		if rest, ok := strings.CutPrefix(n, p); ok && rest != "" {
			n = rest
		}
	}
	switch {
	case n == "":
		return rowBlank, n
	case k.units.listed(n):
		return rowUnit, n
	case notUnitName(n):
		return rowNotUnit, n
	case isTotalName(n), k.citiesAreUnits && isProvince(n), !k.citiesAreUnits && k.isWider(n):
		return rowTotal, n
	}
	return rowUnit, n
}

// isProvince reports whether a name is only a province's.
func isProvince(n string) bool {
	ps := places.Lookup(n)
	for _, p := range ps {
		if p.Level != places.Province {
			return false
		}
	}
	return len(ps) > 0
}

// leftOut collects the rows (or columns) of a table that were not read as
// units, for one note each kind.
type leftOut struct {
	totals, others []string
}

// add records the unit cell at (row, col); a row that is not a unit is
// named only when it holds figures.
func (l *leftOut) add(kind rowKind, row, col int, typed string, figures bool) {
	ref, _ := excelize.CoordinatesToCellName(col+1, row+1)
	item := fmt.Sprintf("%s「%s」", ref, cleanName(typed))
	switch {
	case kind == rowTotal:
		l.totals = append(l.totals, item)
	case kind == rowNotUnit && figures:
		l.others = append(l.others, item)
	}
}

// noteLeftOut notes what a table left out.
func (r *reader) noteLeftOut(sheet string, l leftOut) {
	if len(l.totals) > 0 {
		r.noteAt(sheet, -1, -1, "", fmt.Errorf("已忽略合计、平均或上级地区(不是单位;如确是单位,请列入「单位」表):%s", strings.Join(l.totals, "、")))
	}
	if len(l.others) > 0 {
		r.noteAt(sheet, -1, -1, "", fmt.Errorf("单位格不是单位名(含冒号、电话、日期,或超过 %d 个字),已跳过:%s", maxUnitName, strings.Join(l.others, "、")))
	}
}

// rowHasNumber reports whether a row holds a number outside column skip.
func rowHasNumber(row []string, skip int) bool {
	for j, c := range row {
		if j == skip || strings.TrimSpace(c) == "" {
			continue
		}
		if p, err := parseText(c, ""); err == nil && !p.missing {
			return true
		}
	}
	return false
}
