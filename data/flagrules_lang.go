package data

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// The language of 红黄旗规则 conditions (docs/flags.md):
//
//	总榜前3 / 总榜后3                  the overall board's top or bottom N
//	单项前3 / 单项后3累计≥5项           top or bottom N on at least K indicators
//	进位≥3 / 退位≥2                    the overall rank moved by at least N
//	未报送≥3项                          at least K ranked indicators without a figure
//	管控力量化指数<88                    a value against a line (达标线, 警戒线)
//	年度投资完成率<时序进度              a completion rate against 时序进度
//	连续2期总榜后3                      a rank condition held in each of the last N periods
//
// Numbers may be written in Chinese (前三, 连续两期); full-width symbols and
// ≥ ≤ >= <= 以上 不低于 低于 … are all understood.

// CondKind is what a flag condition looks at.
type CondKind string

// The kinds of condition.
const (
	CondBoard   CondKind = "board"   // 总榜前N / 总榜后N
	CondItems   CondKind = "items"   // 单项前N / 单项后N, on at least K indicators
	CondMove    CondKind = "move"    // 进位≥N / 退位≥N on the overall board
	CondMissing CondKind = "missing" // 未报送≥K项
	CondValue   CondKind = "value"   // 指标 <op> 数值 or 时序进度
)

// FlagCond is a parsed condition of a flag rule.
type FlagCond struct {
	Kind CondKind
	// Bottom is 后N for a rank condition and 退位 for a move.
	Bottom bool
	// N is the tier size (前N, 后N) or the least move (进位≥N).
	N int
	// AtLeast is the least number of indicators (累计≥K项, 未报送≥K项); 1
	// for a bare 单项前N.
	AtLeast int
	// Periods is the N of 连续N期: 1 for the current period alone.
	Periods int
	// Indicator is the indicator of a value condition, "分组/指标" when the
	// rule names its group.
	Indicator string
	// Op is "<", "<=", ">" or ">=".
	Op string
	// Limit is the line, in the indicator's unit; LimitUnit the unit
	// written after it ("%", "分"; "" when none); Schedule replaces Limit
	// with 时序进度.
	Limit     float64
	LimitUnit string
	Schedule  bool
}

// Errors of the rule language; a rule's error wraps one of them.
var (
	ErrBadRule = errors.New("无法识别的条件;应如 总榜前3、单项后3累计≥5项、连续2期总榜后3、进位≥3、未报送≥3项、管控力量化指数<88 或 年度投资完成率<时序进度")
	ErrBadFlag = errors.New("旗帜应为 红旗、黄旗(可加括注,如 黄旗(警示)),或以「奖」结尾的奖项(如 进步奖)")
	ErrNoFlag  = errors.New("缺少旗帜:在「旗帜」列填写 红旗 或 黄旗,或写作 总榜前3 → 红旗")
)

// opWords are the comparison words, longest first so that 不低于 is not
// read as 低于.
var opWords = []struct{ word, op string }{
	{"<=", "<="}, {">=", ">="}, {"<", "<"}, {">", ">"},
	{"不低于", ">="}, {"不少于", ">="}, {"不高于", "<="}, {"不超过", "<="},
	{"未达到", "<"}, {"低于", "<"}, {"少于", "<"}, {"高于", ">"}, {"超过", ">"}, {"达到", ">="},
}

// normRule narrows full-width characters, removes white space and writes
// ≥ and ≤ as >= and <=, so that the parser sees one spelling.
func normRule(s string) string {
	s = width.Narrow.String(stripSpace(s))
	return strings.NewReplacer("≥", ">=", "≧", ">=", "≤", "<=", "≦", "<=", "=>", ">=", "=<", "<=").Replace(s)
}

// ParseFlagCond reads one condition of the rule language.
func ParseFlagCond(s string) (FlagCond, error) {
	s = normRule(s)
	c := FlagCond{Periods: 1, AtLeast: 1}
	if rest, ok := strings.CutPrefix(s, "连续"); ok {
		n, after, ok := leadingCount(rest)
		if !ok || n < 1 {
			return c, ErrBadRule
		}
		unit, found := cutAny(after, "个月", "期", "月")
		if !found {
			return c, ErrBadRule
		}
		c.Periods, s = n, unit
	}
	var err error
	switch {
	case hasAnyPrefix(s, "总榜进位", "总榜退位", "进位", "退位"):
		err = c.parseMove(strings.TrimPrefix(s, "总榜"))
	case strings.HasPrefix(s, "总榜"):
		c.Kind = CondBoard
		err = c.parseTier(strings.TrimPrefix(s, "总榜"), false)
	case strings.HasPrefix(s, "单项"):
		c.Kind = CondItems
		err = c.parseTier(strings.TrimPrefix(s, "单项"), true)
	case strings.HasPrefix(s, "未报送"):
		c.Kind = CondMissing
		c.AtLeast, err = parseAtLeast(strings.TrimPrefix(s, "未报送"), true)
	default:
		err = c.parseValue(s)
	}
	if err == nil && c.Periods > 1 && (c.Kind == CondMissing || c.Kind == CondValue) {
		err = errors.New("「连续N期」只能用于总榜、单项名次和进位/退位条件")
	}
	return c, err
}

// parseTier reads 前3 / 后3 and, for 单项, the count after it.
func (c *FlagCond) parseTier(s string, items bool) error {
	end, rest, ok := cutAny2(s, "前", "后")
	if !ok {
		return ErrBadRule
	}
	c.Bottom = end == "后"
	n, rest, ok := leadingCount(rest)
	if !ok || n < 1 {
		return ErrBadRule
	}
	c.N = n
	rest, _ = cutAny(rest, "位", "名")
	if rest == "" {
		return nil
	}
	if !items {
		return ErrBadRule
	}
	var err error
	c.AtLeast, err = parseAtLeast(strings.TrimPrefix(strings.TrimPrefix(rest, "累计"), "达"), true)
	return err
}

// parseMove reads 进位≥3 / 退位≥2.
func (c *FlagCond) parseMove(s string) error {
	c.Kind = CondMove
	c.Bottom = strings.HasPrefix(s, "退位")
	n, err := parseAtLeast(s[len("进位"):], false)
	c.N = n
	return err
}

// parseAtLeast reads a least count: ">=5项", ">4项", "5项以上", "至少5项";
// items says whether the count is of 项 (indicators) or of 名 (places).
func parseAtLeast(s string, items bool) (int, error) {
	strict := false
	switch {
	case strings.HasPrefix(s, ">="):
		s = s[2:]
	case strings.HasPrefix(s, ">"):
		s, strict = s[1:], true
	default:
		s = strings.TrimPrefix(s, "至少")
	}
	n, rest, ok := leadingCount(s)
	if !ok {
		return 0, ErrBadRule
	}
	if items {
		rest, _ = cutAny(rest, "项")
	} else {
		rest, _ = cutAny(rest, "个位次", "位次", "名", "位")
	}
	rest, _ = cutAny(rest, "及以上", "以上")
	if rest != "" || n < 1 && !strict {
		return 0, ErrBadRule
	}
	if strict {
		n++
	}
	return n, nil
}

// leadingNumber is the number at the start of a line: "88", "-1.5".
var leadingNumber = regexp.MustCompile(`^[+-]?\d+(?:\.\d+)?`)

// parseValue reads 指标 <op> 数值[单位] or 指标 <op> 时序进度.
func (c *FlagCond) parseValue(s string) error {
	c.Kind = CondValue
	at, op := -1, ""
	for _, w := range opWords {
		if i := strings.Index(s, w.word); i > 0 && (at < 0 || i < at) {
			at, op = i, w.word
		}
	}
	if at < 0 {
		return ErrBadRule
	}
	c.Indicator, c.Op = s[:at], opOf(op)
	rhs := s[at+len(op):]
	if rhs == "时序进度" {
		c.Schedule = true
		return nil
	}
	num := leadingNumber.FindString(rhs)
	if num == "" {
		return fmt.Errorf("%w(比较的应是数字或 时序进度)", ErrBadRule)
	}
	c.Limit, _ = strconv.ParseFloat(num, 64)
	c.LimitUnit = rhs[len(num):]
	return nil
}

// opOf is the symbol of a comparison word.
func opOf(word string) string {
	for _, w := range opWords {
		if w.word == word {
			return w.op
		}
	}
	return word
}

// String writes the condition in its one canonical spelling: "总榜前3",
// "单项后3累计≥5项", "连续2期总榜后3", "进位≥3", "管控力量化指数<88分".
func (c FlagCond) String() string {
	var b strings.Builder
	if c.Periods > 1 {
		fmt.Fprintf(&b, "连续%d期", c.Periods)
	}
	end := "前"
	if c.Bottom {
		end = "后"
	}
	switch c.Kind {
	case CondBoard:
		fmt.Fprintf(&b, "总榜%s%d", end, c.N)
	case CondItems:
		fmt.Fprintf(&b, "单项%s%d", end, c.N)
		if c.AtLeast > 1 {
			fmt.Fprintf(&b, "累计≥%d项", c.AtLeast)
		}
	case CondMove:
		word := "进位"
		if c.Bottom {
			word = "退位"
		}
		fmt.Fprintf(&b, "%s≥%d", word, c.N)
	case CondMissing:
		fmt.Fprintf(&b, "未报送≥%d项", c.AtLeast)
	case CondValue:
		b.WriteString(c.Indicator + OpSymbol(c.Op) + c.LimitText())
	}
	return b.String()
}

// LimitText is the line of a value condition as written: "88分", "60%",
// "时序进度".
func (c FlagCond) LimitText() string {
	if c.Schedule {
		return "时序进度"
	}
	return strconv.FormatFloat(c.Limit, 'f', -1, 64) + c.LimitUnit
}

// OpSymbol writes an operator for people: "<=" as "≤", ">=" as "≥".
func OpSymbol(op string) string {
	switch op {
	case "<=":
		return "≤"
	case ">=":
		return "≥"
	}
	return op
}

// Holds compares a value with a line by the condition's operator.
func (c FlagCond) Holds(v, line float64) bool {
	switch c.Op {
	case "<":
		return v < line
	case "<=":
		return v <= line
	case ">":
		return v > line
	}
	return v >= line
}

// chineseDigits are the numerals of counts written in Chinese.
var chineseDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// leadingCount reads a whole number at the start of s, in Arabic numerals
// or in Chinese ones up to 九十九 ("3", "三", "十二", "二十").
func leadingCount(s string) (int, string, bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		n, err := strconv.Atoi(s[:i])
		return n, s[i:], err == nil
	}
	digit := func() (int, bool) {
		for w, d := range chineseDigits {
			if rest, ok := strings.CutPrefix(s, string(w)); ok {
				s = rest
				return d, true
			}
		}
		return 0, false
	}
	n, ok := digit()
	if rest, ten := strings.CutPrefix(s, "十"); ten {
		s, ok = rest, true
		n = max(n, 1) * 10
		if d, more := digit(); more {
			n += d
		}
	}
	return n, s, ok
}

// cutAny removes the first of prefixes that s starts with.
func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

// cutAny2 is cutAny that also says which prefix it removed.
func cutAny2(s string, prefixes ...string) (string, string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return p, rest, true
		}
	}
	return "", s, false
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	_, ok := cutAny(s, prefixes...)
	return ok
}
