package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// BlankPeriod is the period of a fill-in template: src's units and
// indicators with no values, for month m, its title moved to m (see
// retitle). It keeps the ranking rules src's 参数 sets, so a city's
// settings carry from month to month, but not its 数据性质: a new month's
// figures are not yet known to be anything but official.
func BlankPeriod(src *Period, m Month) *Period {
	p := &Period{Month: m, Title: retitle(src.Title, src.Month, m), Source: src.Source, Settings: src.Settings,
		Units: append([]string(nil), src.Units...)}
	for _, ind := range src.Indicators {
		c := *ind
		c.Values = make([]Value, len(p.Units))
		p.Indicators = append(p.Indicators, &c)
	}
	return p
}

// titleMonths finds a period in a title: 2022年4月, 2022年1—4月.
var titleMonths = regexp.MustCompile(`(\d{4})年(?:(\d{1,2})\s*[—–-]+\s*)?(\d{1,2})月`)

// WithoutPeriod is a title with the period it names (2022年4月,
// 2022年1—4月) taken out: 金华市2022年1—4月晒拼 gives 金华市晒拼.
func WithoutPeriod(title string) string {
	return titleMonths.ReplaceAllString(title, "")
}

// retitle moves a title from one period to another: 金华市2022年1—4月晒拼
// becomes 金华市2022年1—5月晒拼. A title naming no period, or another one,
// is replaced by the default.
func retitle(title string, from, to Month) string {
	if from == to && title != "" {
		return title
	}
	def := to.Label() + "晒拼指标排名"
	m := titleMonths.FindStringSubmatchIndex(title)
	if m == nil {
		return def
	}
	y, _ := strconv.Atoi(title[m[2]:m[3]])
	mo, _ := strconv.Atoi(title[m[6]:m[7]])
	if NewMonth(y, mo) != from {
		return def
	}
	ty, tm := to.Year(), to.MonthOfYear()
	label := to.Label()
	if m[4] >= 0 {
		start, _ := strconv.Atoi(title[m[4]:m[5]])
		dash := strings.TrimSpace(strings.TrimLeft(title[m[4]:m[6]], "0123456789"))
		if ty != y {
			start = 1
		}
		if start < tm {
			label = fmt.Sprintf("%d年%d%s%d月", ty, start, dash, tm)
		}
	}
	return title[:m[0]] + label + title[m[1]:]
}
