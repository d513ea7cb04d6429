package text

import (
	"strings"
	"testing"

	"shaipin/check"
	"shaipin/data"
	"shaipin/rank"
)

func TestPlace(t *testing.T) {
	for _, c := range []struct {
		e    rank.Entry
		want string
	}{
		{rank.Entry{Rank: ptr(4)}, "第4"},
		{rank.Entry{Rank: ptr(4), Tie: []string{"甲", "乙"}}, "并列第4"},
		// 9 units: 3 并列第1, 4 并列第4, 2 并列第8.
		{rank.Entry{Rank: ptr(4), Tie: []string{"甲", "乙", "丙", "丁"}, ReverseRank: ptr(3)}, "并列第4(倒数并列第3)"},
	} {
		if got := Rank(c.e); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	if got := FromWorst(2, false); got != "倒数第2" {
		t.Errorf("FromWorst: %q", got)
	}
}

func TestOverallBoundaryAndBorderline(t *testing.T) {
	o := rank.DefaultOptions()
	for _, c := range []struct {
		ov   rank.Overall
		want string
	}{
		{rank.Overall{Score: ptr(45.0), Rank: ptr(6), Tier: rank.Bottom, Tie: []string{"甲", "乙"}, ReverseRank: ptr(3)},
			"总榜并列第 6 名(倒数并列第3),居后3位"},
		{rank.Overall{Score: ptr(49.13), Rank: ptr(3), Tier: rank.Top, Robust: &rank.Stability{Borderline: true}},
			"总榜第 3 名,居前3位(边缘)"},
		{rank.Overall{Score: ptr(49.13), Rank: ptr(3), Tier: rank.Top, Robust: &rank.Stability{}}, "总榜第 3 名,居前3位"},
	} {
		if got := Overall(c.ov, o); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}

func TestStability(t *testing.T) {
	o := rank.DefaultOptions()
	top := rank.Overall{Unit: "金东区", Score: ptr(55.93), Rank: ptr(1), Tier: rank.Top,
		Robust: &rank.Stability{Median: 3, P5: 1, P95: 6, TopShare: 0.538, BottomShare: 0.158, Borderline: true}}
	mid := rank.Overall{Unit: "东阳市", Score: ptr(45.54), Rank: ptr(5), Tier: rank.Middle,
		Robust: &rank.Stability{Median: 5, P5: 3, P95: 6, TopShare: 0.129, BottomShare: 0.223}}
	fixed := rank.Overall{Unit: "磐安县", Score: ptr(16.63), Rank: ptr(8), Tier: rank.Bottom,
		Robust: &rank.Stability{Median: 8, P5: 8, P95: 8, BottomShare: 1}}
	for _, c := range []struct {
		ov         rank.Overall
		want, cell string
	}{
		{top, "名次在第 1—6 名之间(中位第 3 名),居前3位的比例为 53.8%,不足 80%,红旗为边缘。", "第1—6名 边缘"},
		{mid, "居前3位、后3位的比例分别为 12.9%、22.3%。", "第3—6名"},
		{fixed, "名次多为第 8 名,居后3位的比例为 100%。", "第8名"},
	} {
		if got := Stability(c.ov, o, 1000); !strings.HasPrefix(got, "在 1000 次抽样") || !strings.HasSuffix(got, c.want) {
			t.Errorf("%s: %q, want …%q", c.ov.Unit, got, c.want)
		}
		if got := IntervalLabel(c.ov); got != c.cell {
			t.Errorf("%s: label %q, want %q", c.ov.Unit, got, c.cell)
		}
	}
	if Stability(rank.Overall{Tier: rank.Top}, o, 1000) != "" || IntervalLabel(rank.Overall{}) != "" {
		t.Error("no robustness figures, no sentence")
	}
}

func TestMonths(t *testing.T) {
	m := data.NewMonth
	for _, c := range []struct {
		ms   []data.Month
		want string
	}{
		{[]data.Month{m(2022, 3), m(2022, 1), m(2022, 2)}, "2022年1—3月"},
		{[]data.Month{m(2022, 4)}, "2022年4月"},
		{[]data.Month{m(2022, 1), m(2022, 2), m(2022, 4)}, "2022年1—2月、4月"},
		{[]data.Month{m(2021, 12), m(2022, 1), m(2022, 2)}, "2021年12月—2022年2月"},
		{[]data.Month{m(2021, 5), m(2022, 5)}, "2021年5月、2022年5月"},
		{nil, ""},
	} {
		if got := Months(c.ms); got != c.want {
			t.Errorf("%v: %q, want %q", c.ms, got, c.want)
		}
	}
}

func TestProvenance(t *testing.T) {
	m := data.NewMonth
	res := &rank.Result{Month: m(2022, 4), Previous: m(2022, 3), Provenance: map[data.Month]data.Provenance{
		m(2022, 1): data.Simulated, m(2022, 2): data.Simulated, m(2022, 3): data.Simulated, m(2022, 4): data.Published,
	}}
	if got, want := SimulatedBanner(res), "2022年1—3月为模拟数据,仅供演示;趋势与进退位仅作演示。"; got != want {
		t.Errorf("banner %q, want %q", got, want)
	}
	if got, want := PreviousNote(res), "上期(2022年3月)为模拟数据,进退位仅作演示"; got != want {
		t.Errorf("previous %q, want %q", got, want)
	}
	if got := strings.Join(ProvenanceNotes(res), "|"); got != "2022年4月的数据取自公开报道,并非各单位正式报送。" {
		t.Errorf("notes %q", got)
	}
	if ProvenanceMark(data.Simulated) != "(模拟)" || ProvenanceMark(data.Official) != "" {
		t.Error("marks")
	}
	// The current period simulated: the ranking itself is a demonstration.
	res.Provenance[m(2022, 4)] = data.Simulated
	if got := SimulatedBanner(res); !strings.HasPrefix(got, "2022年1—4月为模拟数据") || !strings.Contains(got, "本期排名") {
		t.Errorf("all simulated: %q", got)
	}
	res.Provenance = map[data.Month]data.Provenance{m(2022, 3): data.Provisional}
	if SimulatedBanner(res) != "" || PreviousNote(res) != "上期(2022年3月)为初步数据,进退位可能随修订变化" {
		t.Errorf("provisional: %q %q", SimulatedBanner(res), PreviousNote(res))
	}
	if got := ProvenanceNotes(res); len(got) != 1 || got[0] != "2022年3月为初步数据,可能修订。" {
		t.Errorf("provisional notes %q", got)
	}
}

func TestFindings(t *testing.T) {
	if got := FindingsSummary(nil, nil); got != "未发现需要核查的数据。" {
		t.Errorf("none: %q", got)
	}
	scale := &check.Finding{Kind: check.Scale, Period: data.NewMonth(2022, 4), File: "2022-04.xlsx", Sheet: "城市更新",
		Cell: "C8", Value: "0.527", Indicator: "年度投资完成率", Units: []string{"义乌市"}, Reason: "疑似把百分数填成了小数"}
	copied := &check.Finding{Kind: check.DuplicateColumn, File: "2022-04.xlsx", Sheet: "专项债", Cell: "D3:D12", Indicator: "需求金额"}
	fs := check.Findings{scale, copied}
	if got, want := FindingsSummary(fs, []string{"婺城区", "义乌市"}), "共 2 条核查提示,涉及义乌市 1 条;排名按填报值计算,核实更正后请重新生成报告。"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got := FindingPlace(scale); got != "2022-04.xlsx 城市更新!C8" {
		t.Errorf("place %q", got)
	}
	if FindingUnits(copied) != "整列" || FindingUnits(scale) != "义乌市" {
		t.Errorf("units %q %q", FindingUnits(copied), FindingUnits(scale))
	}
	many := &check.Finding{Units: []string{"甲", "乙", "丙", "丁", "戊", "己"}}
	if got := FindingUnits(many); got != "甲、乙、丙、丁、戊等 6 个单位" {
		t.Errorf("many units %q", got)
	}
}

// The script's templates give the same words as the Go phrases.
func TestScriptWords(t *testing.T) {
	w := Words()
	say := func(tpl, n string) string { return strings.Replace(tpl, "{n}", n, 1) }
	for _, c := range [][2]string{
		{say(w.Ahead, "19.37"), Schedule(ptr(19.37))},
		{say(w.Behind, "5.9"), Schedule(ptr(-5.9))},
		{w.Even, Schedule(ptr(0.0))},
		{say(w.Line, "41.67"), ScheduleLine(41.67)},
		{w.Up + "2", rank.ChangeLabel(ptr(2))},
		{w.Down + "1", rank.ChangeLabel(ptr(-1))},
		{say(w.Rank, "4"), Place(4, false, nil)},
		{say(w.Tied, "4"), Place(4, true, nil)},
	} {
		if c[0] != c[1] {
			t.Errorf("script says %q, Go says %q", c[0], c[1])
		}
	}
	if got := strings.Replace(say(w.Among, "并列第4"), "{m}", "9", 1); got != "9 个单位中并列第4" {
		t.Errorf("Among: %q", got)
	}
}

// A profile says why a unit is off the board, both ranks of a bottom tier
// reached from the worst end, and how firm the unit's place is.
func TestProfileVerdict(t *testing.T) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := rank.DefaultOptions()
	o.MinCoverage = ptr(0.4)
	res, err := rank.Compute(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := rank.Robust(ds.Latest(), o, rank.RobustOptions{Draws: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	res.AddRobust(rb)
	by := ByUnit(res)
	profile := map[string]string{}
	for _, ov := range res.Overall {
		profile[ov.Unit] = strings.Join(Profile(res, ov, by[ov.Unit]), "")
	}
	for unit, want := range map[string]string{
		"义乌市": "义乌市计分指标不足(11/32,低于最低覆盖率 40%),不参与总榜排名。",
		"婺城区": "盯引项目数(并列第5,倒数并列第3)",
		"磐安县": "在 200 次抽样(权重、得分方法与缺失处理随机变化)中",
	} {
		if !strings.Contains(profile[unit], want) {
			t.Errorf("%s: %q lacks %q", unit, profile[unit], want)
		}
	}
	if strings.Contains(profile["义乌市"], "抽样") {
		t.Errorf("a unit off the board has no robustness figures: %q", profile["义乌市"])
	}
}
