package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"shaipin/data"
	"shaipin/rank"
)

var fixedTime = time.Date(2022, 5, 6, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// sampleResult ranks the embedded sample (Jinhua, 2022年1—4月).
func sampleResult(t testing.TB) *rank.Result {
	t.Helper()
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Every unit on the board, as these tests were written for.
	o := rank.DefaultOptions()
	o.MinCoverage = new(0.0)
	res, err := rank.Compute(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// renameUnit renames a unit everywhere in a result.
func renameUnit(res *rank.Result, from, to string) {
	fix := func(s *string) {
		if *s == from {
			*s = to
		}
	}
	for i := range res.Units {
		fix(&res.Units[i])
	}
	for i := range res.Indicators {
		for j := range res.Indicators[i].Entries {
			e := &res.Indicators[i].Entries[j]
			fix(&e.Unit)
			for k := range e.Tie {
				fix(&e.Tie[k])
			}
		}
	}
	for i := range res.Tally {
		fix(&res.Tally[i].Unit)
	}
	for i := range res.Overall {
		fix(&res.Overall[i].Unit)
		for k := range res.Overall[i].Tie {
			fix(&res.Overall[i].Tie[k])
		}
	}
	if h := res.History; h != nil {
		for i := range h.Overall {
			fix(&h.Overall[i].Unit)
		}
		for i := range h.Indicators {
			for j := range h.Indicators[i].Units {
				fix(&h.Indicators[i].Units[j].Unit)
			}
		}
	}
}

func render(t testing.TB, res *rank.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res, Options{Generated: fixedTime}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// province builds a province-sized period: units × indicators in ten
// groups, with about one value in six missing, from a fixed seed.
func province(units, indicators int) *data.Period {
	return provincePeriod(units, indicators, "2023-09", 1)
}

// provincePeriod is one period of a synthetic province: every third
// indicator is a completion rate compared with 时序进度, every seventh is
// lower-is-better, values have two decimals (so ties occur).
func provincePeriod(units, indicators int, period string, seed uint32) *data.Period {
	m, err := data.ParseMonth(period)
	if err != nil {
		panic(err)
	}
	p := &data.Period{Month: m, Title: "省级晒拼压力测试"}
	for u := range units {
		p.Units = append(p.Units, fmt.Sprintf("单位%02d", u+1))
	}
	next := func() uint32 { seed = seed*1664525 + 1013904223; return seed >> 8 }
	for i := range indicators {
		ind := &data.Indicator{
			Name: fmt.Sprintf("指标%03d", i+1), Group: fmt.Sprintf("第%d组", i%10+1),
			Unit: "%", Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true,
			Schedule: i%3 == 1,
		}
		if i%7 == 0 {
			ind.Direction = data.Lower
		}
		for range units {
			if next()%6 == 0 {
				ind.Values = append(ind.Values, data.Value{})
				continue
			}
			ind.Values = append(ind.Values, data.Value{OK: true, Number: float64(next()%10000) / 100, Decimals: 2})
		}
		p.Indicators = append(p.Indicators, ind)
	}
	return p
}

// provinceResult ranks several monthly periods of a synthetic province,
// the last one current.
func provinceResult(t testing.TB, units, indicators, periods int) *rank.Result {
	t.Helper()
	ds := &data.Dataset{}
	for m := range periods {
		ds.Periods = append(ds.Periods, provincePeriod(units, indicators, fmt.Sprintf("2023-%02d", m+1), uint32(m+1)))
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestDeterministic(t *testing.T) {
	a := render(t, sampleResult(t))
	b := render(t, sampleResult(t))
	if a != b {
		t.Fatal("同一输入两次生成的报告不一致")
	}
	if !strings.Contains(a, "<b>生成时间</b>2022年5月6日 09:30") {
		t.Error("报告没有显示传入的生成时间")
	}
	later := &bytes.Buffer{}
	if err := Write(later, sampleResult(t), Options{Generated: fixedTime.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if later.String() == a {
		t.Error("生成时间不同,报告却完全相同")
	}
}

// scriptRE matches every script element with its attributes and text.
var scriptRE = regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`)

func TestHostileNamesAreData(t *testing.T) {
	res := sampleResult(t)
	const script = `</script><script>alert(1)</script>`
	const markup = `<img src=x onerror=alert(2)>{b}`
	renameUnit(res, "义乌市", script)
	renameUnit(res, "东阳市", markup)
	res.Indicators[0].Name = `"><svg onload=alert(3)>`
	res.Title = `<title>x</title><script>alert(4)</script>`
	html := render(t, res)

	for _, bad := range []string{"alert(1)</script>", "<img src=x", "<svg onload", "<script>alert(4)", "<title>x"} {
		if strings.Contains(html, bad) {
			t.Errorf("页面原样包含了数据中的标记 %q", bad)
		}
	}
	// Only the page's own scripts: two code scripts and JSON islands.
	code := 0
	for _, m := range scriptRE.FindAllStringSubmatch(html, -1) {
		attrs, body := m[1], m[2]
		if strings.Contains(attrs, `type="application/json"`) {
			var v any
			if err := json.Unmarshal([]byte(body), &v); err != nil {
				t.Errorf("数据岛不是合法 JSON: %v", err)
			}
			if strings.ContainsAny(body, "<>") {
				t.Error("数据岛含有未转义的 < 或 >")
			}
			continue
		}
		code++
		if strings.Contains(body, "alert(") {
			t.Error("数据进入了可执行脚本")
		}
	}
	if code != 2 {
		t.Errorf("页面有 %d 个可执行脚本,应为 2 个(ECharts 与初始化脚本)", code)
	}
	// The names still reach the charts, as data.
	if !strings.Contains(html, `\u003c/script\u003e\u003cscript\u003ealert(1)`) {
		t.Error("图表数据中找不到转义后的单位名")
	}
}

var schedLineRE = regexp.MustCompile(`\n\{s\|(超|落后)?(与)?时序进度[^{}]*\}$`)

// Label formatters are ECharts templates: braces coming from data (here a
// unit of measure) must not become template variables.
func TestFormattersKeepDataLiteral(t *testing.T) {
	res := sampleResult(t)
	res.Indicators[0].Unit = "{a}分"
	html := render(t, res)
	var walk func(v any)
	n := 0
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if f, ok := x.(string); ok && k == "formatter" {
					n++
					// The report's own rich-text line for 时序进度.
					f = schedLineRE.ReplaceAllString(f, "")
					if strings.Contains(f, "{") && f != "{b}" {
						t.Errorf("格式模板含有来自数据的花括号: %q", f)
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, m := range scriptRE.FindAllStringSubmatch(html, -1) {
		if strings.Contains(m[1], "application/json") {
			var v any
			if err := json.Unmarshal([]byte(m[2]), &v); err != nil {
				t.Fatal(err)
			}
			walk(v)
		}
	}
	if n == 0 {
		t.Fatal("没有找到任何格式模板")
	}
	if !strings.Contains(html, "｛a｝分") {
		t.Error("计量单位中的花括号应显示为全角字符")
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	page := render(t, sampleResult(t))
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("缺少 Content-Security-Policy")
	}
	// The browser reads the attribute unescaped (html/template writes '
	// and + as entities).
	csp := html.UnescapeString(m[1])
	for _, want := range []string{"default-src 'none'", "img-src data:", "style-src 'unsafe-inline'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP 缺少 %q: %s", want, csp)
		}
	}
	if strings.Contains(csp, "script-src 'unsafe-inline'") {
		t.Error("CSP 允许任意内联脚本")
	}
	// Every executable inline script is allowed by its hash.
	for _, s := range scriptRE.FindAllStringSubmatch(page, -1) {
		if strings.Contains(s[1], "application/json") || strings.Contains(s[1], "src=") {
			continue
		}
		if h := cspHash(s[2]); !strings.Contains(csp, h) {
			t.Errorf("内联脚本的哈希 %s 不在 CSP 中", h)
		}
	}
	if strings.Index(page, "Content-Security-Policy") > strings.Index(page, "<script") {
		t.Error("CSP 必须在第一个脚本之前")
	}
}

// xmlNamespaces are the namespace names of ECharts' SVG renderer.
var xmlNamespaces = map[string]bool{"http://www.w3.org/2000/svg": true, "http://www.w3.org/1999/xlink": true,
	"http://www.w3.org/2000/xmlns/": true, "http://www.w3.org/XML/1998/namespace": true}

func TestOfflinePageNamesNoURL(t *testing.T) {
	if !Offline() {
		t.Skip("ECharts 未内嵌(未运行 make assets)")
	}
	html := render(t, sampleResult(t))
	for _, u := range regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^"'\s]*`).FindAllString(html, -1) {
		// The SVG renderer names XML namespaces, which are never fetched.
		if !xmlNamespaces[u] {
			t.Errorf("离线报告含有外部地址 %q", u)
		}
	}
	// The budget of a file forwarded in a chat message (issue 16): the
	// SVG renderer and the map series are in the bundle since.
	if n := len(html); n > 1_100_000 {
		t.Errorf("示例报告 %d 字节,超出 1.1 MB 预算", n)
	}
	t.Logf("示例报告 %d 字节,其中 ECharts %d 字节", len(html), len(echartsJS))
}

func TestWithoutBundleUsesCDN(t *testing.T) {
	saved := echartsJS
	echartsJS = ""
	defer func() { echartsJS = saved }()
	if Offline() {
		t.Fatal("没有内嵌 ECharts 时 Offline 应为 false")
	}
	html := render(t, sampleResult(t))
	if !strings.Contains(html, `<script src="`+cdnURL+`"></script>`) {
		t.Error("没有内嵌 ECharts 时应从 CDN 加载")
	}
	if !strings.Contains(html, "script-src 'sha256-") && !strings.Contains(html, "script-src &#39;sha256-") {
		t.Error("CSP 仍应限制内联脚本")
	}
	if !strings.Contains(html, cdnURL+"; style-src") {
		t.Error("CSP 应只放行 CDN 脚本")
	}
}

func TestChartIDsAndIslands(t *testing.T) {
	res := sampleResult(t)
	html := render(t, res)
	ids := regexp.MustCompile(`<div class="chart" id="(chart-\d{3})" data-option="(chart-\d{3})-option"`).FindAllStringSubmatch(html, -1)
	// 总榜, 档次统计, 排名矩阵, two trend charts, one per indicator, one
	// per unit with ranks.
	if want := 5 + len(res.Indicators) + len(res.Units); len(ids) != want {
		t.Errorf("%d 个图表,应为 %d 个", len(ids), want)
	}
	seen := map[string]bool{}
	for i, m := range ids {
		if m[1] != m[2] || seen[m[1]] {
			t.Errorf("图表编号错误: %v", m)
		}
		seen[m[1]] = true
		if want := fmt.Sprintf("chart-%03d", i+1); m[1] != want {
			t.Errorf("第 %d 个图表编号为 %s,应为 %s", i+1, m[1], want)
		}
		if !strings.Contains(html, `<script type="application/json" id="`+m[1]+`-option">`) {
			t.Errorf("图表 %s 缺少数据岛", m[1])
		}
	}
}

func TestValuesRoundedBeforeLabels(t *testing.T) {
	res := sampleResult(t)
	ind := &res.Indicators[0]
	v := 84.03999999999999
	ind.Entries[0].Value = &v
	ind.Entries[0].Display = "84.04"
	html := render(t, res)
	if strings.Contains(html, "84.0399") {
		t.Error("报告中出现未舍入的数值 84.0399…")
	}
	if !strings.Contains(html, `"value":84.04`) {
		t.Error("数值没有按指标精度舍入")
	}
}

func TestSectionsAndWords(t *testing.T) {
	res := sampleResult(t)
	html := render(t, res)
	for _, want := range []string{
		`id="overall"`, `id="tally"`, `id="matrix"`, `id="units"`,
		"七张问题清单", "城市更新4321", "专项债",
		`<table data-sortable>`,
		"前3位 10 项 / 中间 0 项 / 后3位 1 项 / 未报送 21 项",
		"义乌市综合得分 77.94,总榜第 1 名,居前3位,与上期持平,连续 4 个月居前3位。",
		"金东区综合得分 55.93,总榜第 2 名,居前3位,较上期进位 5 名。",
		// 趋势
		`id="trend"`, "2022年1月—2022年4月,共 4 期", "总榜进位最多", "分项退位最多",
		`<span class="who">金东区</span><span class="change up">↑5</span><span class="from">第7 → 第2</span>`,
		`data-build="bump" data-source="overall"`, `data-build="bump" data-source="trend-indicator"`,
		`<select id="trend-indicator" autocomplete="off">`, `<option value="">(不突出显示)</option>`,
		// Streaks and 时序进度 in sentences, labels and tooltips.
		"管控力量化指数、完成投资额、年度投资完成率等 9 项连续 4 个月居前3位",
		"对照时序进度 33.33%,年度投资完成率超时序进度 19.37 个百分点。",
		"年度投资完成率落后时序进度 5.93 个百分点",
		// Values at the indicator's precision (2 decimals), as in the Excel.
		`52.70%  第1\n{s|超时序进度 19.37 个百分点}`, `66.66%  第3`, `90.80分  第3 ↑1`,
		`\n连续 4 个月居前3位\n超时序进度 19.37 个百分点`,
		"对比上期:2022年3月",
		"<b>未报送</b>兰溪市、浦江县、武义县、金华开发区",
		`lang="zh-CN"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("报告缺少 %q", want)
		}
	}
	for _, g := range res.Groups() {
		if !strings.Contains(html, `<a href="#group-`) || !strings.Contains(html, ">"+g+"</a>") {
			t.Errorf("目录缺少分组 %s", g)
		}
	}
}

// Results at the edges still render: no indicators, nobody reporting.
func TestEdgeResults(t *testing.T) {
	p := &data.Period{Month: data.NewMonth(2022, 4), Units: []string{"甲", "乙"}}
	p.Indicators = []*data.Indicator{{Name: "空指标", Group: "组", Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true,
		Values: []data.Value{{}, {}}}}
	for _, per := range []*data.Period{p, {Month: data.NewMonth(2022, 4), Units: []string{"甲"}}} {
		res, err := rank.ComputePeriod(per, rank.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		html := render(t, res)
		if !strings.Contains(html, "</html>") {
			t.Error("报告不完整")
		}
	}
}

func BenchmarkProvince(b *testing.B) {
	res, err := rank.ComputePeriod(province(90, 200), rank.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, res, Options{Generated: fixedTime}); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

// With one period there is nothing to compare: no 趋势 section, no
// streaks, no change column, no data island.
func TestSinglePeriodHasNoTrend(t *testing.T) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := rank.ComputePeriod(ds.Latest(), rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	html := render(t, res)
	for _, bad := range []string{`id="trend"`, "趋势", "进位最多", "连续", "较上期", `id="report-data"`, ` data-build="`, "关注单位"} {
		if strings.Contains(html, bad) {
			t.Errorf("单期报告不应含有 %q", bad)
		}
	}
	if !strings.Contains(html, "超时序进度 19.37 个百分点") {
		t.Error("单期报告也应对照时序进度")
	}
}

// A province: the compact layout, a handful of charts, every unit in one
// table, every indicator's top and bottom as lists, and the data island
// that the picked indicator's chart is built from.
func TestCompactLayout(t *testing.T) {
	res := provinceResult(t, 90, 200, 3)
	html := render(t, res)
	for _, want := range []string{
		`id="overall"`, `id="all-units"`, `id="trend"`, `id="explore"`,
		`<table data-sortable data-fold="20" id="units-table">`, `<input type="search" id="unit-search" list="unit-names"`,
		`<datalist id="unit-names">`, `data-build="bars" data-source="explore-indicator"`,
		`<select id="explore-indicator" autocomplete="off"><optgroup label="第1组"><option value="0">指标001</option>`,
		`<button type="button" data-show-indicator="199" title="查看图表">指标200</button>`,
		"前 10 位与后 10 位,共 90 个单位", "精简版式",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("精简版报告缺少 %q", want)
		}
	}
	for _, bad := range []string{`id="matrix"`, `id="units"`, `id="tally"`} {
		if strings.Contains(html, bad) {
			t.Errorf("精简版报告不应含有 %q", bad)
		}
	}
	if n := strings.Count(html, `<div class="chart"`); n != 5 {
		t.Errorf("精简版有 %d 个图表,应为 5 个(总榜、档次统计、两个走势、所选指标)", n)
	}
	if n := strings.Count(html, `<tr><td class="c-num c-rank" data-value=`); n != 90 {
		t.Errorf("单位表有 %d 行,应为 90 行", n)
	}
	if n := strings.Count(html, `<article class="brief">`); n != 200 {
		t.Errorf("有 %d 项指标的前后名单,应为 200 项", n)
	}
	checkRoundTrip(t, res, html)
	if render(t, res) != html {
		t.Error("精简版两次生成的报告不一致")
	}
	d := island(t, html)
	if len(d.Profiles) != 90 || !strings.HasPrefix(d.Profiles[0][2], d.Units[0]+"综合得分") {
		t.Errorf("单位画像: %d 个,第一个 %q", len(d.Profiles), d.Profiles[0])
	}
	// The sample keeps the full layout; forcing works both ways.
	if strings.Contains(render(t, sampleResult(t)), `id="all-units"`) {
		t.Error("示例数据应使用完整版式")
	}
	var buf bytes.Buffer
	if err := Write(&buf, sampleResult(t), Options{Layout: LayoutCompact}); err != nil || !strings.Contains(buf.String(), `id="all-units"`) {
		t.Errorf("LayoutCompact 没有生效: %v", err)
	}
	t.Logf("省级规模(90 单位 × 200 指标 × 3 期)报告 %d 字节", len(html))
}

// The national scale: 2,844 units × 300 indicators in one period stays
// within the 8 MB budget.
func TestNationalBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("全国规模较慢")
	}
	res, err := rank.ComputePeriod(provincePeriod(2844, 300, "2023-06", 1), rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	begin := time.Now()
	html := render(t, res)
	took := time.Since(begin)
	if len(html) > 8<<20 {
		t.Errorf("全国规模报告 %.1f MB,超出 8 MB 预算", float64(len(html))/(1<<20))
	}
	if strings.Contains(html, `id="trend"`) {
		t.Error("单期不应有趋势")
	}
	t.Logf("全国规模报告 %.2f MB,生成 %v", float64(len(html))/(1<<20), took.Round(time.Millisecond))
}

// Names are data in the compact layout and in the trend data too.
func TestHostileNamesCompact(t *testing.T) {
	res := provinceResult(t, 50, 30, 3)
	const img = `"><img src=x onerror=alert(1)>`
	const tpl = `{{.}}`
	renameUnit(res, res.Overall[0].Unit, img)
	renameUnit(res, res.Overall[1].Unit, tpl)
	renameIndicator(res, 0, img)
	renameIndicator(res, 1, tpl)
	html := render(t, res)
	if strings.Contains(html, "<img src=x") {
		t.Error("页面原样包含了数据中的标记")
	}
	if !strings.Contains(html, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;") || !strings.Contains(html, "{{.}}") {
		t.Error("名称没有作为转义后的文字出现")
	}
	checkRoundTrip(t, res, html)
}

// renameIndicator renames an indicator in the result and its history.
func renameIndicator(res *rank.Result, i int, to string) {
	from := res.Indicators[i].Name
	res.Indicators[i].Name = to
	if res.History == nil {
		return
	}
	for j := range res.History.Indicators {
		if res.History.Indicators[j].Name == from {
			res.History.Indicators[j].Name = to
		}
	}
}
