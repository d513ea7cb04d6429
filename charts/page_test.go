package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	res, err := rank.Compute(ds, rank.DefaultOptions())
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
			for k := range e.TiedWith {
				fix(&e.TiedWith[k])
			}
		}
	}
	for i := range res.Tally {
		fix(&res.Tally[i].Unit)
	}
	for i := range res.Overall {
		fix(&res.Overall[i].Unit)
		for k := range res.Overall[i].TiedWith {
			fix(&res.Overall[i].TiedWith[k])
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
	p := &data.Period{Period: "2023-09", Title: "省级晒拼压力测试"}
	for u := range units {
		p.Units = append(p.Units, fmt.Sprintf("单位%02d", u+1))
	}
	seed := uint32(1)
	next := func() uint32 { seed = seed*1664525 + 1013904223; return seed >> 8 }
	for i := range indicators {
		ind := &data.Indicator{
			Name: fmt.Sprintf("指标%03d", i+1), Group: fmt.Sprintf("第%d组", i%10+1),
			Unit: "%", Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true,
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

func TestDeterministic(t *testing.T) {
	a := render(t, sampleResult(t))
	b := render(t, sampleResult(t))
	if a != b {
		t.Fatal("同一输入两次生成的报告不一致")
	}
	if !strings.Contains(a, "生成时间:2022年5月6日 09:30") {
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
	html := render(t, sampleResult(t))
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("缺少 Content-Security-Policy")
	}
	csp := strings.ReplaceAll(m[1], "&#39;", "'")
	for _, want := range []string{"default-src 'none'", "img-src data:", "style-src 'unsafe-inline'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP 缺少 %q: %s", want, csp)
		}
	}
	if strings.Contains(csp, "script-src 'unsafe-inline'") {
		t.Error("CSP 允许任意内联脚本")
	}
	// Every executable inline script is allowed by its hash.
	for _, s := range scriptRE.FindAllStringSubmatch(html, -1) {
		if strings.Contains(s[1], "application/json") || strings.Contains(s[1], "src=") {
			continue
		}
		if h := cspHash(s[2]); !strings.Contains(csp, h) {
			t.Errorf("内联脚本的哈希 %s 不在 CSP 中", h)
		}
	}
	if strings.Index(html, "Content-Security-Policy") > strings.Index(html, "<script") {
		t.Error("CSP 必须在第一个脚本之前")
	}
}

func TestOfflinePageNamesNoURL(t *testing.T) {
	if !Offline() {
		t.Skip("ECharts 未内嵌(未运行 make assets)")
	}
	html := render(t, sampleResult(t))
	if u := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`).FindString(html); u != "" {
		t.Errorf("离线报告含有外部地址 %q", u)
	}
	if n := len(html); n >= 1<<20 {
		t.Errorf("示例报告 %d 字节,超出 1 MB 预算", n)
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
	// 总榜, 档次统计, 排名矩阵, one per indicator, one per unit with ranks.
	if want := 3 + len(res.Indicators) + len(res.Units); len(ids) != want {
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
		"义乌市综合得分 77.94,总榜第 1 名,居前3位,与上期持平。",
		"金东区综合得分 55.93,总榜第 2 名,居前3位,较上期进位 5 名。",
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

func TestProfileSentences(t *testing.T) {
	res := sampleResult(t)
	l := newTierLabels(res.Rules)
	got := strings.Join(profile(res, res.Overall[0], l), "")
	for _, want := range []string{"义乌市综合得分 77.94", "居前3位", "管控力量化指数", "排名第一", "未报送"} {
		if !strings.Contains(got, want) {
			t.Errorf("义乌市的画像缺少 %q: %s", want, got)
		}
	}
	if n := strings.Count(got, "。"); n < 1 || n > 2 {
		t.Errorf("画像应为一到两句话: %s", got)
	}
}

// Results at the edges still render: no indicators, nobody reporting.
func TestEdgeResults(t *testing.T) {
	p := &data.Period{Period: "2022-04", Units: []string{"甲", "乙"}}
	p.Indicators = []*data.Indicator{{Name: "空指标", Group: "组", Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true,
		Values: []data.Value{{}, {}}}}
	for _, per := range []*data.Period{p, {Period: "2022-04", Units: []string{"甲"}}} {
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
