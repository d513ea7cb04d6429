package rank

import (
	"errors"
	"strings"
	"testing"

	"shaipin/data"
)

// flagData is two periods of six units: in March the board is A B F E D C,
// in April A B C D E F; F has no figure on z in April; "rate" is a
// completion rate, shown but not ranked.
func flagData() *data.Dataset {
	u := []string{"A", "B", "C", "D", "E", "F"}
	mk := func(key, x, z, rate string) *data.Period {
		r := ind("rate")
		r.Ranked, r.Schedule, r.Unit = false, true, "%"
		p := period([]*data.Indicator{ind("x"), ind("y"), ind("z"), r}, rowsFor(u, x, x, z, rate), u...)
		p.Month = ym(key)
		return p
	}
	return &data.Dataset{Periods: []*data.Period{
		mk("2022-03", "6 5 1 2 3 4", "6 5 1 2 3 4", "50 40 30 20 10 5"),
		mk("2022-04", "6 5 4 3 2 1", "6 5 4 3 2 -", "50 40 30 20 10 5"),
	}}
}

// rules parses rules written as "条件→旗帜".
func rules(t *testing.T, lines ...string) []data.FlagRule {
	t.Helper()
	var out []data.FlagRule
	for i, l := range lines {
		cond, flag, _ := strings.Cut(l, "→")
		r, err := data.NewFlagRule(cond, flag)
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		r.File, r.Where = "2022-04.xlsx", "红黄旗规则!A"+itoa(i+2)
		out = append(out, r)
	}
	return out
}

// flagLines writes flags as "unit flag rule: evidence".
func flagLines(fs []Flag) string {
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.Unit+" "+f.Flag+" "+f.Rule+": "+f.Evidence)
	}
	return strings.Join(lines, "\n")
}

// Each kind of rule, one over two periods, in the order flags are listed:
// red first, then rule order, then board order.
func TestFlagRules(t *testing.T) {
	for _, c := range []struct {
		rule string
		want string
	}{
		{"总榜前3→红旗", "A 红旗 总榜前3: 总榜第 1 名\nB 红旗 总榜前3: 总榜第 2 名\nC 红旗 总榜前3: 总榜第 3 名"},
		{"总榜后2→黄旗", "E 黄旗 总榜后2: 总榜第 5 名(倒数第 2 名)\nF 黄旗 总榜后2: 总榜第 6 名(倒数第 1 名)"},
		{"连续2期总榜后3→黄旗(警示)", "D 黄旗(警示) 连续2期总榜后3: 连续 2 期居总榜后3位(2022年3月第 5 名、4月第 4 名)\n" +
			"E 黄旗(警示) 连续2期总榜后3: 连续 2 期居总榜后3位(2022年3月第 4 名、4月第 5 名)"},
		{"连续3期总榜后3→黄旗", ""},
		{"进位≥3→进步奖", "C 进步奖 进位≥3: 总榜由第 6 名升至第 3 名"},
		{"退位≥3→黄旗", "F 黄旗 退位≥3: 总榜由第 3 名降至第 6 名"},
		{"连续2期进位≥1→红旗", ""},
		{"单项后3累计≥3项→黄旗", "D 黄旗 单项后3累计≥3项: 单项居后3位 3 项:x、y、z\nE 黄旗 单项后3累计≥3项: 单项居后3位 3 项:x、y、z"},
		{"单项前1→红旗", "A 红旗 单项前1: 单项居前1位 3 项:x、y、z"},
		{"连续2期单项前2累计≥2项→红旗", "A 红旗 连续2期单项前2累计≥2项: 连续 2 期单项居前2位达 2 项以上(2022年3月 3 项、4月 3 项)\n" +
			"B 红旗 连续2期单项前2累计≥2项: 连续 2 期单项居前2位达 2 项以上(2022年3月 3 项、4月 3 项)"},
		{"未报送≥1项→黄旗", "F 黄旗 未报送≥1项: 未报送 1 项:z"},
		{"x<3→黄旗", "E 黄旗 x<3: x 2,低于 3\nF 黄旗 x<3: x 1,低于 3"},
		{"x不低于5→红旗", "A 红旗 x≥5: x 6,不低于 5\nB 红旗 x≥5: x 5,不低于 5"},
		{"rate<时序进度→黄旗", "C 黄旗 rate<时序进度: rate 30%,低于时序进度 33.33%\nD 黄旗 rate<时序进度: rate 20%,低于时序进度 33.33%\n" +
			"E 黄旗 rate<时序进度: rate 10%,低于时序进度 33.33%\nF 黄旗 rate<时序进度: rate 5%,低于时序进度 33.33%"},
	} {
		o := DefaultOptions()
		o.FlagRules = rules(t, c.rule)
		res, err := Compute(flagData(), o)
		if err != nil {
			t.Fatalf("%s: %v", c.rule, err)
		}
		if got := flagLines(res.Flags); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.rule, got, c.want)
		}
	}
}

func TestFlagOrder(t *testing.T) {
	o := DefaultOptions()
	o.FlagRules = rules(t, "总榜后1→黄旗", "进位≥3→进步奖", "总榜前1→红旗")
	res, err := Compute(flagData(), o)
	if err != nil {
		t.Fatal(err)
	}
	want := "C 进步奖 进位≥3: 总榜由第 6 名升至第 3 名\nA 红旗 总榜前1: 总榜第 1 名\nF 黄旗 总榜后1: 总榜第 6 名(倒数第 1 名)"
	if got := flagLines(res.Flags); got != want {
		t.Errorf("\n%s\nwant\n%s", got, want)
	}
}

// A rule that does not fit the period is an error at its cell; all are
// reported.
func TestFlagRuleErrors(t *testing.T) {
	o := DefaultOptions()
	o.FlagRules = rules(t, "总榜前3→红旗", "不存在<3→黄旗", "x<3%→黄旗", "x<时序进度→黄旗")
	_, err := Compute(flagData(), o)
	var list data.ErrorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("%v", err)
	}
	for i, want := range []string{
		`2022-04.xlsx: 红黄旗规则!A3: "不存在<3" 本期没有指标「不存在」`,
		`2022-04.xlsx: 红黄旗规则!A4: "x<3%" 单位「%」与指标的单位「」不一致`,
		`2022-04.xlsx: 红黄旗规则!A5: "x<时序进度" 该指标不对照时序进度`,
	} {
		if !strings.HasPrefix(list[i].Error(), want) {
			t.Errorf("%d: %q, want %q…", i, list[i].Error(), want)
		}
	}
}

// Without rules of its own a period gets the defaults: the board's tiers.
// The period's sheet comes next, and the command line's rules win.
func TestFlagRulesResolve(t *testing.T) {
	ds := flagData()
	res, err := Compute(ds, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := len(res.Rules.FlagRules); got != 2 || res.Rules.FlagRules[0].Rule != "总榜前3" || res.Rules.FlagRules[1].Rule != "总榜后3" {
		t.Errorf("defaults: %+v", res.Rules.FlagRules)
	}
	if len(res.Flags) != 6 {
		t.Errorf("default flags:\n%s", flagLines(res.Flags))
	}
	ds.Latest().FlagRules = rules(t, "总榜前1→红旗")
	if res, _ := Compute(ds, DefaultOptions()); flagLines(res.Flags) != "A 红旗 总榜前1: 总榜第 1 名" {
		t.Errorf("sheet:\n%s", flagLines(res.Flags))
	}
	o := DefaultOptions()
	o.FlagRules = rules(t, "总榜后1→黄旗")
	if res, _ := Compute(ds, o); flagLines(res.Flags) != "F 黄旗 总榜后1: 总榜第 6 名(倒数第 1 名)" {
		t.Errorf("option:\n%s", flagLines(res.Flags))
	}
	ds.Latest().FlagRules = []data.FlagRule{}
	if res, _ := Compute(ds, DefaultOptions()); res.Flags == nil || len(res.Flags) != 0 {
		t.Errorf("empty sheet: %v", res.Flags)
	}
	o.Top, o.Bottom, o.FlagRules = 0, 2, nil
	if d := DefaultFlagRules(o); len(d) != 1 || d[0].Rule != "总榜后2" {
		t.Errorf("no top tier: %+v", d)
	}
}

// Ranks from the worst end follow the tie rule, as place counts them.
func TestStanding(t *testing.T) {
	for _, c := range []struct {
		dense       bool
		rank, worst []int
	}{
		{false, []int{1, 2, 2, 4, 0}, []int{4, 2, 2, 1, 0}},
		{true, []int{1, 2, 2, 3, 0}, []int{3, 2, 2, 1, 0}},
	} {
		s := newStanding(c.rank, c.dense)
		for k := range c.rank {
			if s.worst[k] != c.worst[k] {
				t.Errorf("dense %v: worst %v, want %v", c.dense, s.worst, c.worst)
				break
			}
		}
		if !s.tied[1] || s.tied[0] || s.place(2, true) != "并列第 2 名(倒数并列第 2 名)" {
			t.Errorf("ties: %v %q", s.tied, s.place(2, true))
		}
		// A unit in the red tier is never in a 后N, however small the board.
		if s.in(0, true, 4, 2) || !s.in(3, true, 1, 2) || s.in(4, false, 3, 2) {
			t.Errorf("in: %+v", s)
		}
	}
}
