package charts

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"shaipin/check"
	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// verdictResult is the sample as a meeting would get it with every
// safeguard on: 2022年1—3月 simulated, 义乌市's 年度投资完成率 typed as the
// fraction 0.527 (a 数据核查 finding), units below 40 % coverage off the
// board, and the robustness draws.
func verdictResult(t testing.TB) *rank.Result {
	t.Helper()
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ds.Periods {
		if p.Month < data.NewMonth(2022, 4) {
			p.Provenance = data.Simulated
		}
	}
	setValue(t, ds.Latest(), "年度投资完成率", "义乌市", 0.527, 3)
	o := rank.DefaultOptions()
	o.MinCoverage = new(0.4)
	res, err := rank.Compute(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := rank.Robust(ds.Latest(), o, rank.RobustOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	res.AddRobust(rb)
	res.Checks = check.Dataset(ds, check.Options{})
	return res
}

// setValue replaces one unit's figure on one indicator.
func setValue(t testing.TB, p *data.Period, indicator, unit string, v float64, decimals int) {
	t.Helper()
	for _, ind := range p.Indicators {
		for k, u := range p.Units {
			if ind.Name == indicator && u == unit {
				ind.Values[k] = data.Value{OK: true, Number: v, Decimals: decimals, Cell: ind.Values[k].Cell}
				return
			}
		}
	}
	t.Fatalf("没有 %s 的 %s", unit, indicator)
}

func TestVerdictSections(t *testing.T) {
	res := verdictResult(t)
	html := render(t, res)
	for _, want := range []string{
		// Provenance: the banner, the axis marks, the movers' note.
		`<p class="banner" role="note">2022年1—3月为模拟数据,仅供演示;趋势与进退位仅作演示。</p>`,
		"上期(2022年3月)为模拟数据,进退位仅作演示",
		// 数据核查, in the nav and as a card.
		`<a href="#checks">数据核查</a>`, `<section id="checks">`,
		`<span class="badge">数量级不符</span>义乌市 · 年度投资完成率`,
		"<dd>2022-04.xlsx 城市更新!C8</dd>", "<dt>填报值</dt><dd>0.527</dd>",
		"共 1 条核查提示,涉及义乌市 1 条",
		// Coverage: the rule, the unranked rows and caption.
		"<dt>覆盖率</dt><dd>已报送指标的权重之和不足全部参与排名指标权重的 40% 的单位",
		`<td class="why" colspan="3">计分指标不足(11/32,低于最低覆盖率 40%),不参与总榜排名</td>`,
		"<li><b>义乌市</b>计分指标不足(11/32,低于最低覆盖率 40%),不参与总榜排名</li>",
		// Boundary ties: the worked example, bar labels, profiles.
		"<dt>倒数</dt>", "显示为“并列第4(倒数并列第3)”",
		`6宗  并列第4(倒数并列第3) ↑4`, "盯引项目数(并列第5,倒数并列第3)",
		// Robustness: the chart, the reading, 边缘 in table, labels, profiles.
		"总榜名次区间", `<p class="reading">1000 次抽样`, `<small class="edge-word">边缘</small>`,
		`55.93 ↑5 边缘`, "总榜第 1 名,居前3位(边缘)", "红旗为边缘。", "总榜前3位:金东区(边缘)、",
		// 时序进度 at 2 decimals.
		"虚线:时序进度 33.33%", `"name":"时序进度 33.33%","xAxis":33.33`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("报告缺少 %q", want)
		}
	}
	d := island(t, html)
	if got := strings.Join(d.Axis, "|"); got != "2022年1月\n(模拟)|2月\n(模拟)|3月\n(模拟)|4月\n(公开报道)" {
		t.Errorf("走势图横轴 %q", got)
	}
	if d.SimNote != "2022年1—3月为模拟数据" || d.Words != text.Words() {
		t.Errorf("数据岛: %q %+v", d.SimNote, d.Words)
	}
	if n := len(html); n > 1_100_000 {
		t.Errorf("示例报告 %d 字节,超出 1.1 MB", n)
	}
	t.Logf("示例报告(含稳健性、核查与模拟月份)%d 字节", len(html))
}

// Provisional and published periods get a smaller note, not the banner.
func TestProvenanceNote(t *testing.T) {
	res := sampleResult(t)
	res.Provenance = map[data.Month]data.Provenance{data.NewMonth(2022, 4): data.Published, data.NewMonth(2022, 3): data.Provisional}
	html := render(t, res)
	for _, want := range []string{
		`<p class="prov-note">2022年3月为初步数据,可能修订。</p>`,
		`<p class="prov-note">2022年4月的数据取自公开报道,并非各单位正式报送。</p>`,
		"上期(2022年3月)为初步数据,进退位可能随修订变化",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("报告缺少 %q", want)
		}
	}
	if strings.Contains(html, "模拟数据") {
		t.Error("没有模拟期间时不应有模拟数据提示")
	}
}

// Without findings the section still says the check ran; without
// robustness figures there is no interval chart, reading or 边缘.
func TestVerdictQuiet(t *testing.T) {
	res := sampleResult(t)
	res.Provenance = nil // as official returns: no banner
	html := render(t, res)
	if !strings.Contains(html, `<p class="checks-none">未发现需要核查的数据。</p>`) {
		t.Error("没有核查提示时应说明已核查")
	}
	for _, bad := range []string{"总榜名次区间", `class="reading"`, "边缘", `class="banner"`} {
		if strings.Contains(html, bad) {
			t.Errorf("不应含有 %q", bad)
		}
	}
}

// The interval chart: one capped whisker per ranked unit from its 5th to
// its 95th percentile rank, in board order, and this period's rank as a
// dot; a borderline flag's label is bold and says 边缘.
func TestRobustChart(t *testing.T) {
	res := verdictResult(t)
	o, h := robustChart(res, 0, 0)
	if o == nil || h < 200 {
		t.Fatalf("名次区间图: %v, 高 %d", o, h)
	}
	ranked := 0
	for y, ov := range res.Overall {
		if ov.Rank == nil {
			continue
		}
		ranked++
		s := o.Series[y]
		if s.Name != ov.Unit || len(s.Data) != 2 || s.Symbol != "rect" {
			t.Fatalf("第 %d 条: %+v", y, s)
		}
		lo, hi := s.Data[0].Value.([]int), s.Data[1].Value.([]int)
		if lo[0] != ov.Robust.P5 || hi[0] != ov.Robust.P95 || lo[1] != y || hi[1] != y {
			t.Errorf("%s: %v—%v, 应为 %d—%d 于第 %d 行", ov.Unit, lo, hi, ov.Robust.P5, ov.Robust.P95, y)
		}
		if label := s.Data[1].Label; strings.Contains(label.Formatter, "边缘") != ov.Robust.Borderline ||
			(label.FontWeight == "bold") != ov.Robust.Borderline {
			t.Errorf("%s: 标签 %q (%s), 边缘=%v", ov.Unit, label.Formatter, label.FontWeight, ov.Robust.Borderline)
		}
	}
	dots := o.Series[len(o.Series)-1]
	if len(dots.Data) != ranked || dots.MarkLine == nil || len(dots.MarkLine.Data) != 2 {
		t.Errorf("本期名次 %d 个点(应为 %d),档次分界 %+v", len(dots.Data), ranked, dots.MarkLine)
	}
	res.Robustness = nil
	if o, _ := robustChart(res, 0, 0); o != nil {
		t.Error("没有稳健性结果时不应有名次区间图")
	}
}

// The compact layout carries the same safeguards: the interval column
// and chart, 倒数 in the lists and in the island, the findings.
func TestVerdictCompact(t *testing.T) {
	res := verdictResult(t)
	// A bottom tier reached from the worst end on the board too (the
	// sample's board has none).
	last := &res.Overall[7]
	last.Tie, last.ReverseRank = []string{"武义县", last.Unit}, new(1)
	var buf bytes.Buffer
	if err := Write(&buf, res, Options{Generated: fixedTime, Layout: LayoutCompact}); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{
		`<button type="button">名次区间</button>`, `data-value="3">1—6</td>`, "总榜名次区间",
		"<small>(倒数并列第3)</small>", `<section id="checks">`, `<p class="banner" role="note">`,
		`<small class="reverse">倒数并列第1</small>`, "计分指标不足或没有可计分的指标",
		"总榜并列第 8 名(倒数并列第1),居后3位",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("精简版缺少 %q", want)
		}
	}
	d := island(t, html)
	for _, p := range d.Inds {
		if p.Name == "谋划制造业项目地块数" {
			got, _ := json.Marshal(p.RV)
			if string(got) != `[3,"并列第4(倒数并列第3)",4,"并列第4(倒数并列第3)",5,"并列第4(倒数并列第3)",6,"并列第4(倒数并列第3)"]` {
				t.Errorf("倒数名次: %s", got)
			}
		}
	}
	checkRoundTrip(t, res, html)
}

// Many findings: the first few open, the rest folded, and past the cap
// only counted.
func TestChecksView(t *testing.T) {
	var fs check.Findings
	for range checksMax + 5 {
		fs = append(fs, &check.Finding{Kind: check.Outlier, File: "a.xlsx", Sheet: "s", Cell: "B2", Units: []string{"甲"}})
	}
	cv := newChecksView(fs, []string{"甲"})
	if len(cv.Items) != checksShown || len(cv.More) != checksMax-checksShown || cv.Omitted != 5 {
		t.Errorf("%d 条展开、%d 条折叠、%d 条略去", len(cv.Items), len(cv.More), cv.Omitted)
	}
	if !regexp.MustCompile(`^共 305 条核查提示,涉及甲 305 条`).MatchString(cv.Summary) {
		t.Errorf("%q", cv.Summary)
	}
}
