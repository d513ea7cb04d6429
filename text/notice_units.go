package text

import (
	"fmt"
	"slices"
	"strings"

	"shaipin/check"
	"shaipin/data"
	"shaipin/rank"
)

// unitParagraphMax is how many units get a paragraph each; beyond it (a
// province, the nation) only the overall board's top and bottom tiers and
// the units with a flag do.
const unitParagraphMax = 100

// unitSections are 各单位情况: one paragraph per unit, in board order,
// from the unit's profile (the HTML's 单位画像) and its tally's change.
func unitSections(res *rank.Result) []Block {
	var out []Block
	flagged := map[string]bool{}
	for _, f := range res.Flags {
		flagged[f.Unit] = true
	}
	few := len(res.Overall) <= unitParagraphMax
	if !few {
		l := TierLabels(res.Rules)
		out = append(out, para(fmt.Sprintf("参加晒拼的单位较多(%d 个),以下仅列总榜%s、%s和获评红黄旗的单位,其余单位情况见 Excel 汇总表。", len(res.Overall), l.Top, l.Bottom)))
	}
	byUnit := ByUnit(res)
	n := 0
	for _, ov := range res.Overall {
		if !few && ov.Tier != rank.Top && ov.Tier != rank.Bottom && !flagged[ov.Unit] {
			continue
		}
		n++
		out = append(out, Block{Kind: Paragraph, Lead: "(" + Numeral(n) + ")" + ov.Unit + "。", Text: unitText(res, ov, byUnit[ov.Unit])})
	}
	return out
}

// unitText is a unit's paragraph: its profile, the unit's name left to the
// paragraph's lead, with the change of its tally after the tiers.
func unitText(res *rank.Result, ov rank.Overall, items []Item) string {
	ss := Profile(res, ov, items)
	ss[0] = strings.TrimPrefix(ss[0], ov.Unit)
	if s := TallyChange(res.TallyOf(ov.Unit), res.Rules); s != "" {
		ss = append(ss[:2], append([]string{s}, ss[2:]...)...)
	}
	return strings.Join(ss, "")
}

// TallyChange is the change of a unit's top and bottom counts since the
// previous period: "居前3位的指标较上期增加 2 项,居后3位的减少 1 项。";
// "" without a previous period.
func TallyChange(t rank.Tally, o rank.Options) string {
	if t.Change == nil {
		return ""
	}
	l := TierLabels(o)
	c := t.Change
	if c.Top == 0 && c.Bottom == 0 {
		return "居" + l.Top + "、" + l.Bottom + "的指标项数与上期持平。"
	}
	word := func(d int) string {
		switch {
		case d > 0:
			return fmt.Sprintf("增加 %d 项", d)
		case d < 0:
			return fmt.Sprintf("减少 %d 项", -d)
		}
		return "持平"
	}
	return "居" + l.Top + "的指标较上期" + word(c.Top) + ",居" + l.Bottom + "的" + word(c.Bottom) + "。"
}

// flagSection is 红黄旗情况: the rules, how many flags of each kind, and
// the list with each flag's evidence and rule.
func flagSection(res *rank.Result) []Block {
	out := []Block{para(FlagSummary(res))}
	if len(res.Flags) == 0 {
		return out
	}
	t := &Table{Header: []string{"单位", "旗帜", "依据", "规则"}}
	for _, f := range res.Flags {
		t.Rows = append(t.Rows, []string{f.Unit, FlagName(f), f.Evidence, f.Rule})
	}
	return append(out, Block{Kind: TableBlock, Table: t})
}

// FlagSummary states the flag rules and how many flags of each kind they
// gave: "按默认红黄旗规则(总榜前3为红旗,总榜后3为黄旗),本期共评出红旗 3 面、
// 黄旗 3 面。"
func FlagSummary(res *rank.Result) string {
	rules := res.Rules.FlagRules
	if len(rules) == 0 {
		return "本期未设红黄旗规则,不评红黄旗。"
	}
	said := make([]string, len(rules))
	for i, r := range rules {
		said[i] = r.Rule + "为" + r.Flag
	}
	head := "按红黄旗规则(" + strings.Join(said, ",") + ")"
	same := func(a, b data.FlagRule) bool { return a.Rule == b.Rule && a.Flag == b.Flag }
	if slices.EqualFunc(rules, rank.DefaultFlagRules(res.Rules), same) {
		head = "按默认红黄旗规则(" + strings.Join(said, ",") + ")"
	}
	if len(res.Flags) == 0 {
		return head + ",本期没有单位获评。"
	}
	count := map[string]int{}
	var names []string
	for _, f := range res.Flags {
		if count[f.Flag] == 0 {
			names = append(names, f.Flag)
		}
		count[f.Flag]++
	}
	counts := make([]string, len(names))
	for i, name := range names {
		measure := "项"
		if strings.Contains(name, "旗") {
			measure = "面"
		}
		counts[i] = fmt.Sprintf("%s %d %s", name, count[name], measure)
	}
	s := head + ",本期共评出" + strings.Join(counts, "、")
	var edge []string
	for _, f := range res.Flags {
		if f.Borderline {
			edge = append(edge, f.Unit+"的"+f.Flag)
		}
	}
	if len(edge) > 0 {
		s += ";其中" + strings.Join(edge, "、") + "为" + BorderlineWord + "(稳健性抽样中不足八成保持)"
	}
	return s + "。"
}

// FlagName is a flag as every output shows it: "红旗", and "红旗(边缘)"
// when the robustness draws do not hold the place that gave it.
func FlagName(f rank.Flag) string {
	if f.Borderline {
		return f.Flag + "(" + BorderlineWord + ")"
	}
	return f.Flag
}

// checksAppendix lists the 数据核查 findings for the units to verify.
func checksAppendix(res *rank.Result) Appendix {
	t := &Table{Header: []string{"单位", "指标", "位置", "提示"}}
	for _, f := range res.Checks {
		t.Rows = append(t.Rows, []string{findingUnits(f), f.Indicator, findingPlace(f), f.Reason})
	}
	return Appendix{Title: "数据核查提示", Body: []Block{
		para(fmt.Sprintf("以下 %d 处数据经自动核查存在疑问,请有关单位核实后更正或说明。", len(res.Checks))),
		{Kind: TableBlock, Table: t},
	}}
}

func findingUnits(f *check.Finding) string {
	if len(f.Units) == 0 {
		return "—"
	}
	return strings.Join(UnitList(f.Units, noticeListMax), "、")
}

// findingPlace is where a finding is: "2022年4月,城市更新!D7", or the
// workbook for a finding about the whole file.
func findingPlace(f *check.Finding) string {
	where := f.File
	if f.Sheet != "" {
		where = f.Sheet + "!" + f.Cell
	}
	if f.Period.IsZero() {
		return where
	}
	return f.Period.Label() + "," + where
}
