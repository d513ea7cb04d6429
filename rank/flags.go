package rank

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"shaipin/data"
)

// Flag is a 红旗 or 黄旗 (or an award) a rule gave a unit, with the rule
// and the facts that fired it.
type Flag struct {
	Unit string        `json:"unit"`
	Flag string        `json:"flag"` // as the rule names it: 红旗, 黄旗(警示), 进步奖
	Kind data.FlagKind `json:"kind"` // red (honour) or yellow (warning)
	// Rule is the rule's condition, as in Options.FlagRules: "连续2期总榜后3".
	Rule string `json:"rule"`
	// Evidence is what fired it, in Chinese: "总榜第 2 名", "连续 2 期居总榜后3
	// 位(2022年3月第 9 名、4月第 10 名)".
	Evidence string `json:"evidence"`
	// Borderline (边缘) marks a flag given for this period's place on the
	// overall board that the robustness draws do not hold (AddRobust): the
	// unit's place could be another under other defensible weights.
	Borderline bool `json:"borderline,omitempty"`
}

// DefaultFlagRules are the rules without a 红黄旗规则 sheet: the overall
// board's top tier gets a 红旗 and its bottom tier a 黄旗, as the board is
// coloured; the indicators keep their own 前N / 后N tiers.
func DefaultFlagRules(o Options) []data.FlagRule {
	rules := []data.FlagRule{}
	add := func(cond, flag, note string) {
		r, err := data.NewFlagRule(cond, flag)
		if err != nil {
			panic("rank: bad default flag rule " + cond) // a defect, not input
		}
		r.Note = note
		rules = append(rules, r)
	}
	if o.Top > 0 {
		add("总榜前"+itoa(o.Top), "红旗", "默认规则:总榜居前"+itoa(o.Top)+"位")
	}
	if o.Bottom > 0 {
		add("总榜后"+itoa(o.Bottom), "黄旗", "默认规则:总榜居后"+itoa(o.Bottom)+"位")
	}
	return rules
}

// addFlags applies the rules of cur.Rules to cur (and its History): every
// unit a rule's condition holds for gets the rule's flag. Red flags come
// first, then yellow; within each, rules in their order and units in
// board order. A rule that names an indicator the period does not have is
// an error at the rule's cell.
func addFlags(cur *Result) error {
	ev := newFlagEval(cur)
	flags := []Flag{}
	var errs data.ErrorList
	for _, r := range cur.Rules.FlagRules {
		fs, err := ev.apply(r)
		if err != nil {
			var ce *data.CellError
			if !errors.As(err, &ce) {
				return err
			}
			errs = append(errs, ce)
			continue
		}
		flags = append(flags, fs...)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	slices.SortStableFunc(flags, func(a, b Flag) int {
		if a.Kind == b.Kind {
			return 0
		}
		if a.Kind == data.FlagRed {
			return -1
		}
		return 1
	})
	cur.Flags = flags
	return nil
}

// apply evaluates one rule for every unit.
func (ev *flagEval) apply(r data.FlagRule) ([]Flag, error) {
	c := r.Cond
	switch c.Kind {
	case data.CondValue:
		return ev.values(r)
	case data.CondMissing:
		return ev.missing(r), nil
	}
	var flags []Flag
	last := len(ev.months) - 1
	if c.Periods > len(ev.months) {
		return nil, nil
	}
	for _, k := range ev.order {
		var each []string
		for p := last - c.Periods + 1; p <= last; p++ {
			ok, what := ev.holds(c, p, k)
			if !ok {
				each = nil
				break
			}
			each = append(each, what)
		}
		if each != nil {
			flags = append(flags, ev.flag(r, k, ev.evidence(c, k, each)))
		}
	}
	return flags, nil
}

// flag is the flag r gives unit k.
func (ev *flagEval) flag(r data.FlagRule, k int, evidence string) Flag {
	return Flag{Unit: ev.res.Units[k], Flag: r.Flag, Kind: r.Kind, Rule: r.Rule, Evidence: evidence}
}

// holds tells whether a rank condition holds for unit k in period p, and
// what was seen: "第 9 名", "7 项", "进位 3 名".
func (ev *flagEval) holds(c data.FlagCond, p, k int) (bool, string) {
	switch c.Kind {
	case data.CondBoard:
		b := ev.board(p)
		if !b.in(k, c.Bottom, c.N, ev.top()) {
			return false, ""
		}
		return true, b.place(k, false)
	case data.CondItems:
		n := 0
		for _, it := range ev.items(p) {
			if it.in(k, c.Bottom, c.N, ev.top()) {
				n++
			}
		}
		return n >= c.AtLeast, itoa(n) + " 项"
	case data.CondMove:
		if p == 0 {
			return false, ""
		}
		now, before := ev.board(p).rank[k], ev.board(p - 1).rank[k]
		if now == 0 || before == 0 {
			return false, ""
		}
		move := before - now
		if c.Bottom {
			return -move >= c.N, "退位 " + itoa(-move) + " 名"
		}
		return move >= c.N, "进位 " + itoa(move) + " 名"
	}
	return false, ""
}

// evidence says in Chinese why a rank condition fired for unit k: what
// was seen in each period (oldest first) under the condition.
func (ev *flagEval) evidence(c data.FlagCond, k int, each []string) string {
	end := "前"
	if c.Bottom {
		end = "后"
	}
	if c.Periods == 1 {
		switch c.Kind {
		case data.CondBoard:
			return "总榜" + ev.board(len(ev.months)-1).place(k, c.Bottom)
		case data.CondItems:
			return "单项居" + end + itoa(c.N) + "位 " + each[0] + ":" + strings.Join(ev.itemNames(c, k), "、")
		}
		last := len(ev.months) - 1
		verb := "升至"
		if c.Bottom {
			verb = "降至"
		}
		return fmt.Sprintf("总榜由第 %d 名%s第 %d 名", ev.board(last - 1).rank[k], verb, ev.board(last).rank[k])
	}
	months := data.MonthLabels(ev.months[len(ev.months)-c.Periods:])
	seen := make([]string, len(months))
	for i, m := range months {
		if c.Kind == data.CondItems {
			m += " "
		}
		seen[i] = m + each[i]
	}
	what := ""
	switch c.Kind {
	case data.CondBoard:
		what = "居总榜" + end + itoa(c.N) + "位"
	case data.CondItems:
		what = "单项居" + end + itoa(c.N) + "位达 " + itoa(c.AtLeast) + " 项以上"
	case data.CondMove:
		what = "总榜进位 " + itoa(c.N) + " 名以上"
		if c.Bottom {
			what = "总榜退位 " + itoa(c.N) + " 名以上"
		}
	}
	return "连续 " + itoa(c.Periods) + " 期" + what + "(" + strings.Join(seen, "、") + ")"
}

// opWords are the comparisons of a value condition in words.
var opWords = map[string]string{"<": "低于", "<=": "不高于", ">": "高于", ">=": "不低于"}

// values applies a value condition (达标线, 警戒线, 时序进度) to the current
// period: every unit with a figure on the indicator is judged, ranked or
// not.
func (ev *flagEval) values(r data.FlagRule) ([]Flag, error) {
	c := r.Cond
	ind, err := ev.indicator(c.Indicator)
	if err != nil {
		return nil, r.Error(err)
	}
	if c.LimitUnit != "" && c.LimitUnit != ind.Unit {
		return nil, r.Error(fmt.Errorf("单位「%s」与指标的单位「%s」不一致", c.LimitUnit, ind.Unit))
	}
	if c.Schedule && ind.ScheduleTarget == nil {
		return nil, r.Error(errors.New("该指标不对照时序进度(指标说明中「时序进度」应为 是)"))
	}
	line := opWords[c.Op] + " " + strconv.FormatFloat(c.Limit, 'f', -1, 64) + ind.Unit
	if c.Schedule {
		line = opWords[c.Op] + "时序进度 " + strconv.FormatFloat(*ind.ScheduleTarget, 'f', -1, 64) + "%"
	}
	var flags []Flag
	for _, e := range ind.Entries {
		if e.Value == nil {
			continue
		}
		held := c.Schedule && e.VsSchedule != nil && c.Holds(*e.VsSchedule, 0) ||
			!c.Schedule && c.Holds(data.Round(*e.Value, ind.Precision), c.Limit)
		if held {
			evidence := ind.Name + " " + e.Display + ind.Unit + "," + line
			flags = append(flags, Flag{Unit: e.Unit, Flag: r.Flag, Kind: r.Kind, Rule: r.Rule, Evidence: evidence})
		}
	}
	ev.inOrder(flags)
	return flags, nil
}

// indicator finds the indicator a value condition names: "指标" or
// "分组/指标".
func (ev *flagEval) indicator(name string) (*Indicator, error) {
	var found []*Indicator
	for i := range ev.res.Indicators {
		ind := &ev.res.Indicators[i]
		if ind.Name == name || ind.Group+"/"+ind.Name == name {
			found = append(found, ind)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("本期没有指标「%s」", name)
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("多个分组都有指标「%s」,请写作 分组/指标", name)
}

// missing applies 未报送≥K项 to the current period's ranked indicators.
func (ev *flagEval) missing(r data.FlagRule) []Flag {
	names := make([][]string, len(ev.res.Units))
	for _, ind := range ev.res.Indicators {
		if !ind.Ranked {
			continue
		}
		for _, e := range ind.Entries {
			if e.Value == nil {
				k := ev.at[e.Unit]
				names[k] = append(names[k], ind.Name)
			}
		}
	}
	var flags []Flag
	for _, k := range ev.order {
		if n := len(names[k]); n >= r.Cond.AtLeast {
			flags = append(flags, ev.flag(r, k, "未报送 "+itoa(n)+" 项:"+strings.Join(names[k], "、")))
		}
	}
	return flags
}

// inOrder puts flags of one rule in board order.
func (ev *flagEval) inOrder(flags []Flag) {
	pos := make(map[int]int, len(ev.order))
	for i, k := range ev.order {
		pos[k] = i
	}
	slices.SortStableFunc(flags, func(a, b Flag) int { return pos[ev.at[a.Unit]] - pos[ev.at[b.Unit]] })
}
