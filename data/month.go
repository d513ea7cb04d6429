package data

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// Month is one period of the 晒拼: a calendar month. The zero Month is "no
// month" (a result with no previous period, an option left unset).
//
// It is a count of months so that periods compare with < and ==, key maps,
// and a zero value is omitted by `json:",omitempty"`; it is written as
// "2022-04" in JSON and everywhere a machine reads it, and as "2022年4月"
// for people.
type Month int32

// NewMonth returns the month of year y, month m (1–12); the zero Month when
// m is out of range or y is not positive.
func NewMonth(y, m int) Month {
	if y < 1 || m < 1 || m > 12 {
		return 0
	}
	return Month(y*12 + m)
}

// Year is the calendar year, 0 for the zero Month.
func (m Month) Year() int {
	if m <= 0 {
		return 0
	}
	return (int(m) - 1) / 12
}

// MonthOfYear is the month number 1–12, 0 for the zero Month.
func (m Month) MonthOfYear() int {
	if m <= 0 {
		return 0
	}
	return (int(m)-1)%12 + 1
}

// IsZero reports whether m is the zero Month.
func (m Month) IsZero() bool { return m <= 0 }

// Next is the following month (2022-12 → 2023-01).
func (m Month) Next() Month {
	if m <= 0 {
		return 0
	}
	return m + 1
}

// String writes the month as machines read it: "2022-04"; "" for the zero
// Month.
func (m Month) String() string {
	if m <= 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), m.MonthOfYear())
}

// Label writes the month for people: "2022年4月"; "" for the zero Month.
func (m Month) Label() string {
	if m <= 0 {
		return ""
	}
	return fmt.Sprintf("%d年%d月", m.Year(), m.MonthOfYear())
}

// MonthLabels writes months for a list, the year said once for each run
// of months in one year: 2022年3月, 4月, 2023年1月.
func MonthLabels(ms []Month) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Label()
		if i > 0 && ms[i-1].Year() == m.Year() {
			out[i] = strconv.Itoa(m.MonthOfYear()) + "月"
		}
	}
	return out
}

// YearShare is the share of the year elapsed by the end of the month, in
// percent (时序进度): 4/12 × 100 for April.
func (m Month) YearShare() float64 {
	return float64(m.MonthOfYear()) / 12 * 100
}

// MarshalText writes "2022-04".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads any form ParseMonth accepts; "" is the zero Month.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = 0
		return nil
	}
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

var (
	// 2022-04, 2022-4, 2022/04, 2022.04, 2022_04, 2022年4月, 2022年1—4月, 2022年1-4月
	periodYM = regexp.MustCompile(`(20\d{2}|19\d{2})\s*(?:年|[-/._])\s*(?:(\d{1,2})\s*(?:[-—–~至到])\s*)?(\d{1,2})(?:\s*月)?`)
	// 202204
	periodCompact = regexp.MustCompile(`(?:^|\D)(20\d{2})(0[1-9]|1[0-2])(?:\D|$)`)
)

// ParseMonth reads a period written as 2022-04, 2022年4月, 2022年1—4月
// (cumulative: the period is its last month) or 202204.
func ParseMonth(s string) (Month, error) {
	s = width.Narrow.String(strings.TrimSpace(s))
	if m := periodYM.FindStringSubmatch(s); m != nil {
		return makeMonth(m[1], m[3])
	}
	if m := periodCompact.FindStringSubmatch(s); m != nil {
		return makeMonth(m[1], m[2])
	}
	return 0, ErrBadPeriod
}

func makeMonth(y, m string) (Month, error) {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	if month < 1 || month > 12 {
		return 0, ErrBadPeriod
	}
	return NewMonth(year, month), nil
}

// monthFromFile reads the period from a file name such as 2022-04.xlsx or
// 金华2022年4月晒拼.xlsx; the zero Month when it holds none.
func monthFromFile(path string) Month {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	m, err := ParseMonth(base)
	if err != nil {
		return 0
	}
	return m
}

// monthOnly matches a month without a year in a file name: 5月, 12月份,
// 1-5月 (cumulative: its last month), 五月.
var monthOnly = regexp.MustCompile(`(?:^|[^\d])(\d{1,2}|十[一二]?|[一二三四五六七八九十])\s*月`)

// chineseMonths are the months written in Chinese numerals.
var chineseMonths = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}

// monthOfYearFromFile reads a month without a year from a file name (5月
// 报表.xlsx): 1–12, or 0 when it names none. The last one counts: 1-5月.
func monthOfYearFromFile(path string) int {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	all := monthOnly.FindAllStringSubmatch(width.Narrow.String(base), -1)
	if len(all) == 0 {
		return 0
	}
	m := all[len(all)-1][1]
	if n, ok := chineseMonths[m]; ok {
		return n
	}
	n, _ := strconv.Atoi(m)
	if n < 1 || n > 12 {
		return 0
	}
	return n
}
