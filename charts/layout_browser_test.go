package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"shaipin/places"
	"shaipin/rank"
	"shaipin/text"
)

// The report where it is read: on a phone opened from a chat message, on a
// projector, on paper. Set SHAIPIN_SHOTS=DIR to keep the screenshots and
// PDFs for a look.

// labelProbe lists the chart labels a reader could not read, for every
// chart on the page: a label overlapping another, a label inside a bar
// segment (档次统计) that does not fit in it, and a bar's label the
// 时序进度 line runs through. Labels moved off the chart are not drawn.
const labelProbe = `(() => {
	const bad = [];
	const rectOf = el => { const r = el.getBoundingRect().clone(); r.applyTransform(el.getComputedTransform()); return r; };
	const cross = (a, b) => a.x + 0.5 < b.x + b.width && b.x + 0.5 < a.x + a.width && a.y + 0.5 < b.y + b.height && b.y + 0.5 < a.y + a.height;
	for (const el of document.querySelectorAll('.chart')) {
		const c = echarts.getInstanceByDom(el);
		if (!c) continue;
		const W = c.getWidth(), H = c.getHeight(), labels = [];
		for (const t of c.getZr().storage.getDisplayList(true)) {
			if (t.type !== 'tspan' || t.invisible || !String(t.style.text || '').trim()) continue;
			const r = rectOf(t);
			if (r.x + r.width <= 0 || r.y + r.height <= 0 || r.x >= W || r.y >= H) continue;
			labels.push({ r, parent: t.parent, text: t.style.text });
		}
		for (let i = 0; i < labels.length; i++) {
			for (let j = i + 1; j < labels.length; j++) {
				if (labels[i].parent !== labels[j].parent && cross(labels[i].r, labels[j].r)) {
					bad.push(el.id + ': "' + labels[i].text + '" overlaps "' + labels[j].text + '"');
				}
			}
			const host = labels[i].parent && labels[i].parent.__hostTarget;
			if (host && host.type === 'rect') {
				const h = rectOf(host), r = labels[i].r, mid = r.x + r.width / 2;
				// A label centred on its bar is inside it and must fit.
				if (mid > h.x && mid < h.x + h.width && (r.x < h.x - 1 || r.x + r.width > h.x + h.width + 1)) {
					bad.push(el.id + ': "' + labels[i].text + '" does not fit its segment');
				}
			}
		}
		const o = c.getOption(), ml = o.series && o.series[0] && o.series[0].markLine;
		if (ml && ml.data && ml.data.length) {
			const x = c.convertToPixel({ xAxisIndex: 0 }, ml.data[0].xAxis);
			const top = c.convertToPixel({ yAxisIndex: 0 }, 0) - 20;
			for (const l of labels) {
				if (l.r.y > top && l.r.x < x && l.r.x + l.r.width > x) bad.push(el.id + ': 时序进度 line runs through "' + l.text + '"');
			}
		}
	}
	return bad.join('\n');
})()`

// firstScreen is where the 总榜 stands on a phone's first screen: the
// bottom of the one-line conclusion and the top of the board (table or
// chart), and the bottom of its third row (the 前3位) in the full layout.
const firstScreen = `(() => {
	scrollTo(0, 0);
	const y = s => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().top) : -1; };
	const b = s => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().bottom) : -1; };
	return [b('#overall .conclusion'), y('#overall table.board, #overall .chart'), b('#overall table.board tbody tr:nth-child(3)')].join(',');
})()`

func TestBrowserPhone(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	for _, tc := range []struct {
		name string
		res  *rank.Result
	}{{"sample", sampleResult(t)}, {"province", provinceResult(t, 90, 200, 3)}} {
		t.Run(tc.name, func(t *testing.T) {
			file := writeReport(t, tc.res)
			v := openReport(t, ctx, file, phoneWidth, false, map[string]string{
				"labels": labelProbe, "first": firstScreen,
				"toc": `getComputedStyle(document.querySelector('.toc')).position + ',' + !!document.querySelector('.to-top')`,
			})
			checkVisit(t, file, v)
			keepShot(t, "phone-"+tc.name+".png", v.screenshot)
			if got := v.extra["labels"]; got != "" {
				t.Errorf("图表标签无法阅读:\n%s", got)
			}
			var conclusion, board, third int
			if _, err := fmt.Sscanf(v.extra["first"], "%d,%d,%d", &conclusion, &board, &third); err != nil {
				t.Fatalf("首屏位置: %q", v.extra["first"])
			}
			if conclusion <= 0 || conclusion > phoneHeight || board <= 0 || board > phoneHeight-150 || third > phoneHeight {
				t.Errorf("手机首屏(%d px)没有显示结论与总榜: 结论底部 %d, 总榜顶部 %d, 第 3 行底部 %d", phoneHeight, conclusion, board, third)
			}
			if v.extra["toc"] != "sticky,true" {
				t.Errorf("目录没有固定在顶部或没有回到顶部按钮: %q", v.extra["toc"])
			}
		})
	}
}

// On a projector the board reads from the back of the room: at 1280 and
// 1920 px the 总榜's table and chart text is at least 14 px.
func TestBrowserProjector(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	file := writeReport(t, sampleResult(t))
	for _, width := range []int{1280, 1920} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			v := openReport(t, ctx, file, width, false, map[string]string{
				"labels": labelProbe,
				"fonts": `(() => {
					const px = s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize);
					const o = echarts.getInstanceByDom(document.getElementById('chart-001')).getOption();
					return [px('#overall table.board td'), px('#overall table.board th'), o.yAxis[0].axisLabel.fontSize, o.series[0].label.fontSize].join(',');
				})()`,
			})
			checkVisit(t, file, v)
			keepShot(t, fmt.Sprintf("projector-%d.png", width), v.screenshot)
			if got := v.extra["labels"]; got != "" {
				t.Errorf("图表标签无法阅读:\n%s", got)
			}
			for _, f := range strings.Split(v.extra["fonts"], ",") {
				var size float64
				if _, err := fmt.Sscan(f, &size); err != nil || size < 14 {
					t.Errorf("总榜字号 %s px(表格正文、表头、图表坐标轴、图表标签: %s),应不小于 14 px", f, v.extra["fonts"])
				}
			}
		})
	}
}

// printReport opens a report at desktop width, prepares it for print as
// the print dialog does (beforeprint) and prints it to an A4 PDF.
func printReport(t *testing.T, parent context.Context, file string) []byte {
	t.Helper()
	tab, cancel := chromedp.NewContext(parent)
	defer cancel()
	u := (&url.URL{Scheme: "file", Path: file}).String()
	if err := chromedp.Do(tab, viewport(1280), chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	// Chromium fires beforeprint for a print dialog, not for the protocol's
	// PrintToPDF, so the test sends it as the dialog would.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.dispatchEvent(new Event('beforeprint')); true`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](
		`[...document.querySelectorAll('.chart')].every(e => e.dataset.state === 'done')`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("打印前图表没有全部绘制: %v", err)
	}
	svg, err := chromedp.Run(tab, chromedp.Evaluate[bool](`[...document.querySelectorAll('.chart')].every(e => e.querySelector('svg') && !e.querySelector('canvas'))`))
	if err != nil || !svg {
		t.Errorf("打印时图表应以 SVG 绘制: %v", err)
	}
	res, err := chromedp.Run(tab, func(ctx context.Context, tg *chromedp.Target) (page.PrintToPDFResult, error) {
		return cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PrintBackground: new(true), PaperWidth: 8.27, PaperHeight: 11.69})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(res.Data, []byte("%PDF")) || len(res.Data) < 50_000 {
		t.Fatalf("PDF 不完整: %d 字节", len(res.Data))
	}
	return res.Data
}

// pdfPages is the text of each page of a PDF (pdftotext -layout).
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext 未安装:CI 必须检查打印结果(.ci/run 会安装 poppler-utils)")
		}
		t.Skip("pdftotext 未安装(poppler-utils),跳过打印内容检查")
	}
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}

// screenHints are sentences about the screen (sorting, clicking, saving)
// that paper must not carry.
var screenHints = []string{"点击表头可排序", "点击方格", "点击指标名称", "保存为图片", "输入单位名称", "选择榜单"}

// checkPrinted checks what every printed report must be: at most maxPages
// pages, no screen hints, charts as text (SVG), and on every page holding
// rows of a table that repeats its header (rowRE), the whole header
// (headRE); the table must span at least minRowPages pages.
func checkPrinted(t *testing.T, pages []string, maxPages int, rowRE, headRE *regexp.Regexp, minRowPages int) {
	t.Helper()
	t.Logf("打印 %d 页", len(pages))
	if len(pages) > maxPages {
		t.Errorf("打印 %d 页,超过 %d 页", len(pages), maxPages)
	}
	all := strings.Join(pages, "\n")
	for _, h := range screenHints {
		if strings.Contains(all, h) {
			t.Errorf("打印稿含有屏幕操作提示 %q", h)
		}
	}
	if !strings.Contains(all, "总榜 · 综合得分") {
		t.Error("打印稿中图表不是文字(应为 SVG 矢量图,而不是模糊的位图)")
	}
	rowPages := 0
	for i, p := range pages {
		if !rowRE.MatchString(p) {
			continue
		}
		rowPages++
		if !headRE.MatchString(p) {
			t.Errorf("第 %d 页有表格行,表头却不完整:\n%s", i+1, firstLines(p, 4))
		}
	}
	if rowPages < minRowPages {
		t.Errorf("表格只在 %d 页上,应至少 %d 页", rowPages, minRowPages)
	}
}

// firstLines is the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func TestBrowserPrintPages(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	// The 排名矩阵 as printed: an indicator's row of a cell per unit, under
	// the units in overall order on every page.
	matrix := func(units []string) (row, head *regexp.Regexp) {
		return regexp.MustCompile(fmt.Sprintf(`(?m)^\s*\S+(\s+(\d+|—)){%d}\s*$`, len(units))),
			regexp.MustCompile(`指标\s+` + strings.Join(units, `\s+`))
	}
	t.Run("sample", func(t *testing.T) {
		res := sampleResult(t)
		pdf := printReport(t, ctx, writeReport(t, res))
		keepShot(t, "print-sample.pdf", pdf)
		row, head := matrix(unitOrder(res))
		checkPrinted(t, pdfPages(t, pdf), 22, row, head, 1)
	})
	t.Run("city-long", func(t *testing.T) {
		// 12 units × 60 indicators in the full layout: the matrix runs
		// over two pages.
		res, err := rank.ComputePeriod(province(12, 60), rank.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		row, head := matrix(unitOrder(res))
		checkPrinted(t, pdfPages(t, printReport(t, ctx, writeReport(t, res))), 45, row, head, 2)
	})
	t.Run("province", func(t *testing.T) {
		pdf := printReport(t, ctx, writeReport(t, provinceResult(t, 90, 200, 3)))
		keepShot(t, "print-province.pdf", pdf)
		pages := pdfPages(t, pdf)
		// 全部单位: all 90 units, the header whole on every page.
		head := regexp.MustCompile(`名次\s+单位\s+综合得分\s+档次\s+较上期\s+前3位\s+中间\s+后3位\s+未报送`)
		row := regexp.MustCompile(`(?m)^\s*(并列 )?\d+\s+单位\d+\s+\d+\.\d+\s+(前3位|中间|后3位)`)
		checkPrinted(t, pages, 28, row, head, 2)
		if n := len(row.FindAllString(strings.Join(pages, "\n"), -1)); n != 90 {
			t.Errorf("打印稿的全部单位表有 %d 行,应为 90 行", n)
		}
		// The 总榜 starts on the first page, not after a blank two-thirds.
		if !strings.Contains(pages[0], "总榜 · 综合得分") {
			t.Errorf("第 1 页没有总榜:\n%s", pages[0])
		}
	})
}

// The tile map of the sample: ten squares placed as the counties lie,
// 金华开发区 beside 婺城区, coloured by the 总榜 tiers and, once an
// indicator is picked, by that indicator's.
func TestBrowserTileMap(t *testing.T) {
	t.Parallel()
	if !places.Available() {
		t.Skip("地名数据未内嵌(未运行 make assets)")
	}
	ctx := browser(t)
	res := sampleResult(t)
	file := writeReport(t, res)
	var ind rank.Indicator
	for _, in := range res.Indicators {
		if in.Ranked {
			ind = in
			break
		}
	}
	v := openReport(t, ctx, file, phoneWidth, false, map[string]string{
		"tiles": `(async () => {
			const read = () => [...document.querySelectorAll('#tile-map .tile')].map(e => [e.querySelector('.full').textContent, e.className.replace('tile ', ''), e.style.gridColumnStart, e.style.gridRowStart]);
			const before = read();
			const sel = document.getElementById('map-board');
			sel.value = '1';
			sel.dispatchEvent(new Event('change'));
			await new Promise(r => setTimeout(r, 100));
			return JSON.stringify({before, after: read(), caption: document.getElementById('map-board-name').textContent});
		})()`,
	})
	checkVisit(t, file, v)
	var got struct {
		Before, After [][4]string
		Caption       string
	}
	if err := json.Unmarshal([]byte(v.extra["tiles"]), &got); err != nil {
		t.Fatalf("方格地图: %v (%q)", err, v.extra["tiles"])
	}
	if len(got.Before) != 10 {
		t.Fatalf("方格地图有 %d 格,应为 10 格", len(got.Before))
	}
	overall, picked := map[string]string{}, map[string]string{}
	for _, ov := range res.Overall {
		overall[ov.Unit] = text.StyleOf(ov.Tier).Class
	}
	for _, e := range ind.Entries {
		picked[e.Unit] = text.StyleOf(e.Tier).Class
	}
	at := map[string][2]string{}
	for i, tile := range got.Before {
		at[tile[0]] = [2]string{tile[2], tile[3]}
		if tile[1] != overall[tile[0]] {
			t.Errorf("%s 的方格为 %q,应按总榜档次为 %q", tile[0], tile[1], overall[tile[0]])
		}
		if after := got.After[i]; after[1] != picked[after[0]] {
			t.Errorf("选择 %s 后 %s 的方格为 %q,应为 %q", ind.Name, after[0], after[1], picked[after[0]])
		}
	}
	if got.Caption != ind.Name {
		t.Errorf("地图说明为 %q,应为所选指标 %s", got.Caption, ind.Name)
	}
	kfq, wc := at["金华开发区"], at["婺城区"]
	if d := max(absDiff(kfq[0], wc[0]), absDiff(kfq[1], wc[1])); d != 1 {
		t.Errorf("金华开发区 %v 不在婺城区 %v 旁边", kfq, wc)
	}
	keepShot(t, "tilemap-phone.png", v.screenshot)
}

// absDiff is |a − b| of two grid lines written as numbers.
func absDiff(a, b string) int {
	var x, y int
	fmt.Sscan(a, &x)
	fmt.Sscan(b, &y)
	return max(x-y, y-x)
}

// --map: the office's boundary file drawn as a choropleth, its approval
// number under it.
func TestBrowserGeoMap(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	m, err := LoadMap(filepath.Join("testdata", "squares.geojson"), "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, sampleResult(t), Options{Generated: fixedTime, Map: m}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "map.html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	v := openReport(t, ctx, file, 1280, false, map[string]string{
		"map": `(async () => {
			const el = document.querySelector('#map .chart');
			window.dispatchEvent(new Event('beforeprint'));
			while (el.dataset.state !== 'done') await new Promise(r => setTimeout(r, 50));
			const fills = [...el.querySelectorAll('svg path')].map(p => p.getAttribute('fill')).filter(f => f && f !== 'none' && f !== 'transparent');
			const out = JSON.stringify({fills, note: document.querySelector('#map').innerText});
			window.dispatchEvent(new Event('afterprint'));
			return out;
		})()`,
	})
	var got struct {
		Fills []string
		Note  string
	}
	if err := json.Unmarshal([]byte(v.extra["map"]), &got); err != nil {
		t.Fatalf("地图: %v (%q)", err, v.extra["map"])
	}
	if len(got.Fills) < 5 {
		t.Errorf("地图画出 %d 个区域,应为 5 个: %v", len(got.Fills), got.Fills)
	}
	if !strings.Contains(strings.Join(got.Fills, " "), text.StyleOf(rank.Top).Color) {
		t.Errorf("地图上没有按前3位着色的区域: %v", got.Fills)
	}
	if !strings.Contains(got.Note, "审图号:测试S(2024)001号") {
		t.Errorf("地图下方没有审图号: %q", got.Note)
	}
	checkVisit(t, file, v)
}
