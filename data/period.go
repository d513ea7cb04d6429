package data

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

var (
	// 2022-04, 2022-4, 2022/04, 2022.04, 2022_04, 2022年4月, 2022年1—4月, 2022年1-4月
	periodYM = regexp.MustCompile(`(20\d{2}|19\d{2})\s*(?:年|[-/._])\s*(?:(\d{1,2})\s*(?:[-—–~至到])\s*)?(\d{1,2})(?:\s*月)?`)
	// 202204
	periodCompact = regexp.MustCompile(`(?:^|\D)(20\d{2})(0[1-9]|1[0-2])(?:\D|$)`)
)

// ParsePeriod reads a period written as 2022-04, 2022年4月, 2022年1—4月
// (cumulative: the period is its last month) or 202204, and returns "2022-04".
func ParsePeriod(s string) (string, error) {
	s = width.Narrow.String(strings.TrimSpace(s))
	if m := periodYM.FindStringSubmatch(s); m != nil {
		return makePeriod(m[1], m[3])
	}
	if m := periodCompact.FindStringSubmatch(s); m != nil {
		return makePeriod(m[1], m[2])
	}
	return "", ErrBadPeriod
}

func makePeriod(y, m string) (string, error) {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	if month < 1 || month > 12 {
		return "", ErrBadPeriod
	}
	return fmt.Sprintf("%04d-%02d", year, month), nil
}

// periodFromFile reads the period from a file name such as 2022-04.xlsx or
// 金华2022年4月晒拼.xlsx; "" when it holds none.
func periodFromFile(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	p, err := ParsePeriod(base)
	if err != nil {
		return ""
	}
	return p
}

// PeriodLabel writes a period for people: "2022年4月".
func PeriodLabel(p string) string {
	var y, m int
	if _, err := fmt.Sscanf(p, "%d-%d", &y, &m); err != nil {
		return p
	}
	return fmt.Sprintf("%d年%d月", y, m)
}

// MonthOf returns the month number of a period key, 0 if it has none.
func MonthOf(p string) int {
	var y, m int
	if _, err := fmt.Sscanf(p, "%d-%d", &y, &m); err != nil {
		return 0
	}
	return m
}
