package check

import "strings"

// countUnits measure things counted one by one: a figure in them is a
// whole number and not negative.
var countUnits = map[string]bool{
	"个": true, "宗": true, "家": true, "项": true, "人": true, "户": true, "件": true,
	"次": true, "人次": true, "户次": true, "辆": true, "座": true, "套": true, "所": true,
	"台": true, "艘": true, "名": true, "位": true, "批": true, "笔": true, "条": true,
	"处": true, "栋": true, "幢": true, "间": true, "头": true, "张": true, "场": true, "起": true,
}

// areaUnits measure land and floor space: never negative, but 36.5 亩 is
// an ordinary figure, so not necessarily whole.
var areaUnits = map[string]bool{
	"亩": true, "公顷": true, "平方米": true, "㎡": true, "m²": true, "m2": true,
	"平方公里": true, "km²": true, "km2": true, "平方千米": true,
}

// magnitudes are the prefixes offices put before a unit: 万人, 万亩, 亿元.
var magnitudes = []string{"十", "百", "千", "万", "十万", "百万", "千万", "亿"}

// base strips a magnitude prefix: 万人 → 人, 亿元 → 元.
func base(u string) string {
	for i := len(magnitudes) - 1; i >= 0; i-- {
		if b, ok := strings.CutPrefix(u, magnitudes[i]); ok && b != "" {
			return b
		}
	}
	return u
}

// isCount reports a unit of things counted one by one (个, 宗, 人), not
// scaled (万人 counts in tens of thousands, so 1.3 万人 is whole enough).
func isCount(u string) bool { return countUnits[u] }

// isAmount reports a unit of money: 元, 万元, 亿元, 美元.
func isAmount(u string) bool { return strings.HasSuffix(u, "元") }

// isSize reports a unit of an extensive quantity — money, counts, areas,
// people — whose figures across units differ by factors (a large county's
// investment is ten times a small one's) rather than by amounts.
func isSize(u string) bool {
	b := base(u)
	return isAmount(u) || countUnits[b] || areaUnits[b] || areaUnits[u]
}

// nonNegative reports a unit whose figures cannot be below zero: counts
// and areas, with or without a magnitude. Money can (a 净增 or a loss).
func nonNegative(u string) bool {
	b := base(u)
	return countUnits[b] || areaUnits[b] || areaUnits[u]
}
