package out

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"shaipin/check"
	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
	"shaipin/text"
)

// writeNotes fills 说明: what the workbook is, where the figures came from
// and how far they can be trusted, the rules that made the ranks, and every
// indicator's direction and weight (as given and as used), so a forwarded
// copy explains itself.
func writeNotes(s *sheet) {
	widths := []float64{11, 12, 28, 7, 11, 7, 9, 7, 7, 7, 9}
	last := len(widths)
	for col, w := range widths {
		s.Limit(col+1, w, w)
	}
	head := s.heading(last, "说明:数据来源、数据性质、排名规则和每项指标的方向、权重。", allPeriods(s.res)...)
	row := head
	for _, f := range notesFacts(s.res, s.opts) {
		s.Text(1, row, f[0], styleKey{role: roleKey})
		s.Text(2, row, f[1], styleKey{role: roleText})
		s.Merge(2, row, last, row, styleKey{role: roleWrap})
		// A merged cell does not grow with its text, so its row is
		// sized for the text across the whole merged width.
		s.Wrap(row, 2, last, f[1], bodyPoints)
		row++
	}
	row++
	s.Text(1, row, "指标一览", styleKey{role: roleNote})
	// The list's title, header and first rows print together.
	s.Keep(row, row+min(len(s.res.Indicators), 3)+1)
	row++
	s.headers(row, "序号", "分组", "指标", "单位(计量)", "方向", "权重", "实际\n权重", "参与\n排名", "小数位", "时序\n进度", "报送\n单位数")
	row++
	inds := s.res.Indicators
	shown := inds
	if cut := len(inds) - (s.MaxRows() - row + 1); cut > 0 {
		shown = inds[:max(0, len(inds)-cut-1)] // and a row for the note
	}
	for i := range shown {
		s.indicatorRow(row, i+1, &shown[i])
		row++
	}
	if len(shown) < len(inds) {
		s.overflow(row, last, fmt.Sprintf("注:共 %d 项指标,超出 Excel 单表 %d 行的上限,其余 %d 项未列出。", len(inds), s.MaxRows(), len(inds)-len(shown)))
	}
	s.SetLayout(xlsx.Layout{Cols: last, TitleRows: head - 1, HeadRows: head - 1})
}

// allPeriods are the periods of the result, oldest first.
func allPeriods(res *rank.Result) []data.Month {
	if hasHistory(res) {
		return res.History.Periods
	}
	return []data.Month{res.Month}
}

// indicatorRow writes the nth indicator's row of 说明's 指标一览.
func (s *sheet) indicatorRow(row, n int, ind *rank.Indicator) {
	reported := 0
	for _, e := range ind.Entries {
		if e.Value != nil {
			reported++
		}
	}
	s.Int(1, row, n, styleKey{role: roleCenter})
	s.Text(2, row, ind.Group, styleKey{role: roleText})
	s.Text(3, row, ind.Name, styleKey{role: roleText})
	s.Text(4, row, ind.Unit, styleKey{role: roleCenter})
	s.Text(5, row, ind.Direction.Label(), styleKey{role: roleCenter})
	s.number(6, row, ind.Weight, styleKey{role: roleCenter, numFmt: "General"},
		func() string { return strconv.FormatFloat(ind.Weight, 'f', -1, 64) })
	if ind.WeightUsed > 0 {
		used := data.Round(ind.WeightUsed*100, 2)
		s.number(7, row, used, styleKey{role: roleCenter, numFmt: weightFormat},
			func() string { return data.Fixed(used, 2) + "%" })
	} else {
		s.Text(7, row, "—", styleKey{role: roleCenter})
	}
	s.Text(8, row, yesNo(ind.Ranked), styleKey{role: roleCenter})
	s.Int(9, row, ind.Precision, styleKey{role: roleCenter})
	if ind.ScheduleTarget != nil {
		s.number(10, row, *ind.ScheduleTarget, styleKey{role: roleCenter, numFmt: weightFormat},
			func() string { return text.Percent(*ind.ScheduleTarget) })
	} else {
		s.Text(10, row, yesNo(ind.Schedule), styleKey{role: roleCenter})
	}
	s.Text(11, row, fmt.Sprintf("%d / %d", reported, len(ind.Entries)), styleKey{role: roleCenter})
}

// weightFormat shows a weight's share of the composite, and 时序进度, as
// percentages at 2 decimals: 3.13%, 33.33%.
const weightFormat = `0.00"%"`

// notesFacts are the facts at the top of 说明: a label and its text each.
func notesFacts(res *rank.Result, opts ExcelOptions) [][2]string {
	ranked := res.RankedCount()
	source := res.Source
	if source == "" {
		source = "—"
	}
	facts := [][2]string{
		{"标题", res.Title},
		{"期间", res.Month.Label() + "(" + res.Month.String() + ")"},
		{"数据来源", source},
		{"数据性质", text.Provenances(allPeriods(res), res.Provenance) + "。" + text.ProvenanceNote(allPeriods(res), res.Provenance)},
		{"参与单位", unitsFact(res.Units)},
		{"指标", fmt.Sprintf("%d 项,其中参与排名 %d 项;分 %d 组:%s", len(res.Indicators), ranked, len(res.Groups()),
			strings.Join(groupList(res.Groups(), notesListMax), "、"))},
	}
	facts = append(facts, ruleFacts(res)...)
	facts = append(facts, historyFacts(res)...)
	facts = append(facts, [2]string{"数据核查", checksFact(res.Checks)})
	generated := "—"
	if t := opts.Generated; !t.IsZero() {
		generated = t.Format("2006年1月2日 15:04:05(UTC-07:00)")
	}
	return append(facts, [2]string{"生成时间", generated}, [2]string{"生成工具", "shaipin"})
}

// ruleFacts are 说明's facts on the rules: the tiers, ties and the
// composite in the words of the report's rules box, then how the board is
// ordered, weighted and filled in, and how firm it is.
func ruleFacts(res *rank.Result) [][2]string {
	o := res.Rules
	var facts [][2]string
	// The rules box of the report, in its words; historyFacts says 变化
	// for the Excel's columns.
	for _, r := range text.Rules(res) {
		switch r.Term {
		case "变化":
			continue
		case "权重":
			r.Text += "各指标实际计入综合得分的权重见下方指标一览的“实际权重”。"
		}
		facts = append(facts, [2]string{r.Term, r.Text})
	}
	if !slices.ContainsFunc(facts, func(f [2]string) bool { return f[0] == "总榜" }) {
		facts = append(facts, [2]string{"总榜", o.BoardLabel() + "。"})
	}
	if rb := res.Robustness; rb != nil {
		facts = append(facts, [2]string{"稳健性", text.RobustRule(rb, o)})
	}
	return append(facts, [2]string{"数值", "数值按报送值存储,可排序、计算;显示位数为该指标的小数位。百分比存为百分数本身(52.7 表示 52.7%),可直接计算百分点差,如与时序进度比较。"})
}

// checksFact is 说明's line on the plausibility checks.
func checksFact(fs check.Findings) string {
	if len(fs) == 0 {
		return "未发现需要核查的数据。"
	}
	return fmt.Sprintf("共 %d 条核查提示,见“数据核查”表;核查提示不改变排名,请核实后再用于通报。", len(fs))
}

// historyFacts are 说明's facts on the periods compared with: 变化, 历史
// and 时序进度, for those the result has.
func historyFacts(res *rank.Result) [][2]string {
	o := res.Rules
	var facts [][2]string
	if !res.Previous.IsZero() {
		facts = append(facts, [2]string{"变化", fmt.Sprintf("与%s比较:变化 = 上期名次 − 本期名次,↑为进位(红色)、↓为退位(深黄色)、—为持平,两期中有一期没有名次则空白;"+
			"连续期数为连续处于当前档次的期数(含本期);前%d位、后%d位较上期为项数的增减。", res.Previous.Label(), o.Top, o.Bottom)})
	}
	if h := res.History; hasHistory(res) {
		facts = append(facts, [2]string{"历史", fmt.Sprintf("共 %d 期:%s。“历史”表列出各期名次。", len(h.Periods), periodList(h.Periods))})
	}
	if t := scheduleTarget(res); t != nil {
		facts = append(facts, [2]string{"时序进度", fmt.Sprintf("%s时序进度为 %s(已过月数 ÷ 12,保留 2 位小数);标为时序进度的指标另列"+
			"较时序进度 = 完成率 − 时序进度,单位为百分点,按所列时序进度计算,可逐项手算核对。", res.Month.Label(), text.Percent(*t))})
	}
	return facts
}

// notesListMax is how many units or groups 说明 names before it counts the
// rest: a province's 90 units fit in a few lines, the nation's 2,844 would
// need two hundred.
const notesListMax = 100

// unitsFact is 说明's 参与单位: how many, and their names, or when there
// are very many, the first of them and where to find the rest.
func unitsFact(units []string) string {
	if len(units) <= notesListMax {
		return fmt.Sprintf("%d 个:%s", len(units), strings.Join(units, "、"))
	}
	return fmt.Sprintf("%d 个,完整名单见“总榜”:%s", len(units), strings.Join(text.UnitList(units, notesListMax), "、"))
}

// groupList is text.UnitList for groups: "甲、乙等 300 组".
func groupList(groups []string, max int) []string {
	if len(groups) <= max {
		return groups
	}
	list := slices.Clone(groups[:max])
	list[max-1] += fmt.Sprintf("等 %d 组", len(groups))
	return list
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// periodList names periods for people: "2022年1月、2022年2月、2022年3月".
func periodList(ps []data.Month) string {
	labels := make([]string, len(ps))
	for i, p := range ps {
		labels[i] = p.Label()
	}
	return strings.Join(labels, "、")
}
