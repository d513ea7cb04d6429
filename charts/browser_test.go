package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"shaipin/rank"
)

// The browser tests open reports in Debian's headless Chromium, as a person
// opens the forwarded file: from disk, with no network. CI installs
// chromium and fonts-noto-cjk (.ci/run); there a missing browser fails the
// tests instead of skipping them.
//
// Set SHAIPIN_SHOTS=DIR to keep the full-page screenshots, e.g.
//
//	SHAIPIN_SHOTS=/tmp/shaipin-shots go test ./charts -run Browser

// browser starts one headless Chromium for a test and returns its context.
func browser(t testing.TB) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium 未安装:CI 必须运行浏览器测试(.ci/run 会安装 chromium 与 fonts-noto-cjk): %v", err)
		}
		t.Skip("chromium 未安装,跳过浏览器测试")
	}
	if !Offline() {
		if os.Getenv("CI") != "" {
			t.Fatal("ECharts 未内嵌:请先运行 make assets")
		}
		t.Skip("ECharts 未内嵌(未运行 make assets),跳过浏览器测试")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	// Start the browser now so that each page gets its own tab.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("无法启动 chromium: %v", err)
	}
	return ctx
}

// Phones are emulated as a device, not as a narrow window (which headless
// Chromium cannot make narrower than 500 px): mobile, DPR 2, 640 px high,
// as a report opened from a chat message on a 375 px wide phone.
const (
	phoneWidth  = 375
	phoneHeight = 640
)

// viewport emulates a phone for widths below 500 px, else a desktop window
// 900 px high.
func viewport(width int) chromedp.Action[chromedp.Void] {
	if width < 500 {
		return chromedp.EmulateViewport(int64(width), phoneHeight, chromedp.EmulateScale(2),
			chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(int64(width), 900)
}

// visit is what happened while a page was open.
type visit struct {
	extra      map[string]string // results of probe scripts
	mu         sync.Mutex
	requests   []string // every URL the page asked for
	errors     []string // exceptions, console errors, browser log errors
	dialogs    []string
	painted    []paint
	scrollW    int
	innerW     int
	screenshot []byte
	text       string
}

type paint struct {
	ID      string `json:"id"`
	State   string `json:"state"`
	Canvas  int    `json:"canvas"`
	Painted int    `json:"painted"`
}

func (v *visit) add(list *[]string, s string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	*list = append(*list, s)
}

// openReport opens the HTML file in a new tab at the given width, makes
// every chart start (by scrolling through the page, or through the print
// path), waits until they have drawn, and records what happened.
//
// probes are scripts run after the charts have drawn, before the
// screenshot; their string results land in visit.extra.
func openReport(t *testing.T, parent context.Context, file string, width int, viaPrint bool, probes map[string]string) *visit {
	t.Helper()
	ctx, cancel := chromedp.NewContext(parent)
	defer cancel()
	v := &visit{extra: map[string]string{}}
	var dialogs []*page.EventJavascriptDialogOpening
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			v.add(&v.requests, ev.Request.URL)
		case *runtime.EventExceptionThrown:
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			v.add(&v.errors, "exception: "+msg)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				v.add(&v.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				v.add(&v.errors, fmt.Sprintf("log %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		case *page.EventJavascriptDialogOpening:
			v.add(&v.dialogs, string(ev.Type)+": "+ev.Message)
			v.mu.Lock()
			dialogs = append(dialogs, ev)
			v.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// A dialog blocks the page; close any that opens so the test can fail
	// with a message instead of hanging.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				v.mu.Lock()
				n := len(dialogs)
				dialogs = nil
				v.mu.Unlock()
				for range n {
					_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
				}
			}
		}
	}()

	u := (&url.URL{Scheme: "file", Path: file}).String()
	if err := chromedp.Do(ctx,
		viewport(width),
		chromedp.Navigate(u),
	); err != nil {
		t.Fatalf("打开报告失败: %v", err)
	}

	start := `window.dispatchEvent(new Event('beforeprint')); window.dispatchEvent(new Event('afterprint')); true`
	if !viaPrint {
		// Scroll as a reader would, so the lazy start is what is tested.
		start = `(async () => {
			const step = Math.max(200, innerHeight * 0.8);
			for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
				scrollTo(0, y);
				await new Promise(r => setTimeout(r, 40));
			}
			scrollTo(0, 0);
			return true;
		})()`
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](start, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("启动图表失败: %v", err)
	}
	// Every chart reports "done" on ECharts' finished event.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`document.querySelectorAll('.chart').length > 0 && [...document.querySelectorAll('.chart')].every(e => e.dataset.state === 'done')`,
		chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(100*time.Millisecond),
	)); err != nil {
		states, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.chart')].map(e => e.id + '=' + (e.dataset.state || 'none'))`))
		t.Fatalf("图表没有全部绘制完成: %v; %v", err, states)
	}
	v.painted, err = chromedp.Run(ctx, chromedp.Evaluate[[]paint](`[...document.querySelectorAll('.chart')].map(el => {
		const cs = [...el.querySelectorAll('canvas')];
		let painted = 0;
		for (const c of cs) {
			const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
			for (let i = 0; i < d.length; i += 4) {
				// not transparent and not white
				if (d[i+3] > 0 && (d[i] < 240 || d[i+1] < 240 || d[i+2] < 240)) painted++;
			}
		}
		return {id: el.id, state: el.dataset.state || '', canvas: cs.length, painted};
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if v.scrollW, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil {
		t.Fatal(err)
	}
	if v.innerW, err = chromedp.Run(ctx, chromedp.Evaluate[int](`window.innerWidth`)); err != nil {
		t.Fatal(err)
	}
	if v.text, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`)); err != nil {
		t.Fatal(err)
	}
	for name, js := range probes {
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("探测 %s 失败: %v", name, err)
		}
		v.extra[name] = out
	}
	if v.screenshot, err = chromedp.Run(ctx, chromedp.FullScreenshot(100)); err != nil {
		t.Fatal(err)
	}
	return v
}

// checkVisit asserts a clean, fully drawn, offline page.
func checkVisit(t *testing.T, file string, v *visit) {
	t.Helper()
	v.mu.Lock()
	defer v.mu.Unlock()
	self := (&url.URL{Scheme: "file", Path: file}).String()
	for _, r := range v.requests {
		if r != self && !strings.HasPrefix(r, "data:") {
			t.Errorf("页面发起了网络请求: %s", r)
		}
	}
	for _, e := range v.errors {
		t.Errorf("浏览器报错: %s", e)
	}
	for _, d := range v.dialogs {
		t.Errorf("页面弹出了对话框: %s", d)
	}
	if len(v.painted) == 0 {
		t.Error("页面上没有图表")
	}
	for _, p := range v.painted {
		if p.Canvas == 0 || p.Painted < 500 {
			t.Errorf("图表 %s 没有绘制内容: %d 个画布, %d 个着色像素 (状态 %q)", p.ID, p.Canvas, p.Painted, p.State)
		}
	}
	if v.scrollW > v.innerW {
		t.Errorf("页面出现横向滚动: 内容宽 %d px > 视口 %d px", v.scrollW, v.innerW)
	}
	img, err := png.Decode(bytes.NewReader(v.screenshot))
	if err != nil {
		t.Fatalf("截图不是 PNG: %v", err)
	}
	if distinctColors(img, 50) < 50 {
		t.Error("截图几乎是空白的")
	}
}

// distinctColors counts distinct colours in the image, stopping at limit.
func distinctColors(img image.Image, limit int) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// writeReport renders res to a file in a temporary directory.
func writeReport(t *testing.T, res *rank.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res, Options{Generated: fixedTime}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "leaderboard-"+res.Month.String()+".html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// keepShot saves a screenshot when SHAIPIN_SHOTS names a directory.
func keepShot(t *testing.T, name string, png []byte) {
	dir := os.Getenv("SHAIPIN_SHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserSampleReport(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	file := writeReport(t, sampleResult(t))
	for _, tc := range []struct {
		width    int
		viaPrint bool
	}{{375, false}, {1280, true}} {
		t.Run(fmt.Sprint(tc.width), func(t *testing.T) {
			v := openReport(t, ctx, file, tc.width, tc.viaPrint, map[string]string{
				// Sort the tally by 前3位, largest first.
				"sorted": `(() => {
					document.querySelector('#tally th:nth-child(3) button').click();
					const first = document.querySelector('#tally tbody tr td:nth-child(2)').textContent;
					document.querySelector('#tally th:nth-child(1) button').click();
					document.querySelector('#tally th:nth-child(1) button').click();
					return first + ',' + document.querySelector('#tally tbody tr td:nth-child(2)').textContent;
				})()`,
				"locale": `(() => { const c = echarts.getInstanceByDom(document.getElementById('chart-001')); return c.getOption().toolbox[0].feature.saveAsImage.title + '|' + document.querySelectorAll('.chart canvas').length; })()`,
				// Pick another indicator for the trend chart, then a unit
				// to highlight; put both back for the screenshot.
				"trend": `(async () => {
					const wait = () => new Promise(r => setTimeout(r, 300));
					const sel = document.getElementById('trend-indicator');
					const first = sel.value;
					sel.value = sel.options[2].value;
					sel.dispatchEvent(new Event('change'));
					await wait();
					const chart = el => echarts.getInstanceByDom(document.querySelector('[data-source="' + el + '"]')).getOption();
					const title = chart('trend-indicator').title[0].text;
					const pick = document.querySelector('#trend select[data-unit-picker]');
					pick.value = '东阳市';
					pick.dispatchEvent(new Event('change'));
					await wait();
					const s = chart('overall').series.find(x => x.name === '东阳市');
					const out = [sel.options[2].textContent + ' · 名次走势' === title, s.lineStyle.width, chart('overall').series.length].join('|');
					sel.value = first;
					sel.dispatchEvent(new Event('change'));
					pick.value = '';
					pick.dispatchEvent(new Event('change'));
					await wait();
					return out;
				})()`,
			})
			checkVisit(t, file, v)
			keepShot(t, fmt.Sprintf("report-%d.png", tc.width), v.screenshot)
			if !strings.Contains(v.text, "总榜") || !strings.Contains(v.text, "义乌市") {
				t.Error("页面文字缺少总榜或单位名")
			}
			if got := v.extra["sorted"]; got != "永康市,义乌市" {
				t.Errorf("档次统计表排序结果 %q,应先为永康市(前3位最多),再恢复为义乌市", got)
			}
			if !strings.HasPrefix(v.extra["locale"], "保存为图片|") {
				t.Errorf("保存图片按钮: %q", v.extra["locale"])
			}
			// The picked indicator's title, the picked unit drawn thick, one
			// line per unit.
			if got := v.extra["trend"]; got != "true|3.5|10" {
				t.Errorf("走势图选择指标与单位: %q,应为 true|3.5|10", got)
			}
			for _, want := range []string{"趋势", "总榜进位最多", "连续 4 个月居前3位", "超时序进度 19.37 个百分点"} {
				if !strings.Contains(v.text, want) {
					t.Errorf("页面文字缺少 %q", want)
				}
			}
		})
	}
}

// Names that break out of an attribute, and Go template syntax: both must
// show as the text they are.
const (
	attrBreak  = `"><img src=x onerror=alert(1)>`
	goTemplate = `{{.}}`
)

func TestBrowserHostileNames(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	res := sampleResult(t)
	const script = `</script><script>alert(1)</script>`
	const img = `<img src=x onerror=alert(2)>{a}`
	renameUnit(res, "义乌市", script)
	renameUnit(res, "东阳市", img)
	renameUnit(res, "金东区", attrBreak)
	renameUnit(res, "婺城区", goTemplate)
	renameIndicator(res, 0, `<b onmouseover=alert(3)>管控力</b>`)
	renameIndicator(res, 1, goTemplate)
	renameIndicator(res, 2, attrBreak)
	file := writeReport(t, res)
	v := openReport(t, ctx, file, 1280, true, map[string]string{
		// Show the tooltips of the hostile unit (first on the board) and
		// of the renamed indicator; ECharts writes them as HTML.
		"tooltip": `(async () => {
			const tip = async (id, a) => {
				const el = document.getElementById(id);
				echarts.getInstanceByDom(el).dispatchAction(a);
				await new Promise(r => setTimeout(r, 300));
				return el.innerText;
			};
			const board = await tip('chart-001', {type: 'showTip', seriesIndex: 0, dataIndex: 0});
			const ind = await tip('chart-004', {type: 'showTip', seriesIndex: 0, dataIndex: 0});
			// The trend charts build their tooltips in init.js.
			const bump = await tip(document.querySelector('[data-source="overall"]').id, {type: 'showTip', seriesIndex: 0, dataIndex: 3});
			const sel = document.getElementById('trend-indicator');
			sel.value = '1';
			sel.dispatchEvent(new Event('change'));
			await new Promise(r => setTimeout(r, 300));
			const el = document.querySelector('[data-source="trend-indicator"]');
			const title = echarts.getInstanceByDom(el).getOption().title[0].text;
			return board + '\n' + ind + '\n' + bump + '\n' + title + '\n' + sel.options[sel.selectedIndex].textContent;
		})()`,
		"elements": `document.querySelectorAll('img, svg, iframe, object, embed').length + ',' + document.querySelectorAll('script:not([type])').length`,
	})
	checkVisit(t, file, v)
	for _, name := range []string{script, img, attrBreak, goTemplate, res.Indicators[0].Name} {
		if !strings.Contains(v.text, name) {
			t.Errorf("名称 %q 没有作为文字显示", name)
		}
	}
	for _, name := range []string{script, attrBreak, goTemplate, goTemplate + " · 名次走势\n" + goTemplate} {
		if !strings.Contains(v.extra["tooltip"], name) {
			t.Errorf("提示框或走势图没有把 %q 作为文字显示: %q", name, v.extra["tooltip"])
		}
	}
	if got := v.extra["elements"]; got != "0,2" {
		t.Errorf("页面中出现了数据注入的元素(图片/SVG 数, 脚本数 = %s,应为 0,2)", got)
	}
}

// The network events of a page load are the evidence for "no request":
// make sure the listener sees requests at all, or the check proves nothing.
func TestBrowserSeesRequests(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "probe.html")
	if err := os.WriteFile(file, []byte(`<!DOCTYPE html><meta charset="utf-8"><img src="probe.png">`), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	var mu sync.Mutex
	var seen []string
	if err := chromedp.Listen(tab, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			seen = append(seen, ev.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: file}).String()
	if err := chromedp.Do(tab, chromedp.Navigate(u), chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(strings.Join(seen, " "), "probe.png") {
		t.Errorf("监听没有看到图片请求: %v", seen)
	}
}

// The full layout on a large input (forced: 40 units × 120 indicators,
// ~160 charts) must not freeze the page: charts start as they scroll into
// view, so only a few exist after load.
func TestBrowserFullLayoutIsLazy(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	res, err := rank.ComputePeriod(province(40, 120), rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, res, Options{Generated: fixedTime, Layout: LayoutFull}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "full.html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	u := (&url.URL{Scheme: "file", Path: file}).String()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`!!document.querySelector('.chart[data-state=done]')`,
		chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		t.Fatalf("第一个图表迟迟没有出现: %v", err)
	}
	counts, err := chromedp.Run(tab, chromedp.Evaluate[[]int](`[document.querySelectorAll('.chart').length, document.querySelectorAll('.chart[data-state]').length]`))
	if err != nil {
		t.Fatal(err)
	}
	if counts[1] > counts[0]/4 {
		t.Errorf("加载后已创建 %d/%d 个图表,应按需创建", counts[1], counts[0])
	}
}

// The compact layout of a province (90 units × 200 indicators, 3 months),
// with hostile unit and indicator names: a handful of charts, the unit
// lookup, the indicator picker and the table all work, and names stay text.
func TestBrowserCompact(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	res := provinceResult(t, 90, 200, 3)
	img, tpl := res.Overall[0].Unit, res.Overall[len(res.Overall)-1].Unit
	renameUnit(res, img, attrBreak)
	renameUnit(res, tpl, goTemplate)
	renameIndicator(res, 0, attrBreak)
	renameIndicator(res, 1, goTemplate)
	file := writeReport(t, res)
	name, _ := json.Marshal(attrBreak)
	// The phone scrolls (lazy start); the desktop goes through the print
	// path, which must build the on-demand charts too.
	for _, width := range []int{375, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			v := openReport(t, ctx, file, width, width > 1000, map[string]string{
				"lookup": `(async () => {
					const wait = () => new Promise(r => setTimeout(r, 300));
					const search = document.getElementById('unit-search');
					search.value = ` + string(name) + `;
					search.dispatchEvent(new Event('input'));
					await wait();
					const rows = [...document.querySelectorAll('#units-table tbody tr')].filter(r => !r.hidden).length;
					const card = document.getElementById('unit-card');
					const el = document.querySelector('[data-build="bars"]');
					const o = echarts.getInstanceByDom(el).getOption();
					const marked = o.yAxis[0].data.filter(n => n.startsWith('{f|')).length;
					const out = [rows, card.hidden, card.querySelector('h3').textContent === search.value, marked, o.title[0].text].join('|');
					search.value = '';
					search.dispatchEvent(new Event('input'));
					await wait();
					return out + '|' + [...document.querySelectorAll('#units-table tbody tr')].filter(r => !r.hidden).length + '|' + card.hidden;
				})()`,
				"pick": `(async () => {
					document.querySelector('[data-show-indicator="1"]').click();
					await new Promise(r => setTimeout(r, 300));
					const el = document.querySelector('[data-build="bars"]');
					const o = echarts.getInstanceByDom(el).getOption();
					const tip = await (async () => {
						echarts.getInstanceByDom(el).dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});
						await new Promise(r => setTimeout(r, 300));
						return el.innerText;
					})();
					const out = [document.getElementById('explore-indicator').value, o.title[0].text, o.yAxis[0].data.length, tip.split('\n')[0]].join('|');
					const sel = document.getElementById('explore-indicator');
					sel.value = '0';
					sel.dispatchEvent(new Event('change'));
					return out;
				})()`,
				"sort": `(() => {
					document.querySelector('#units-table th:nth-child(2) button').click();
					const first = document.querySelector('#units-table tbody tr td:nth-child(2)').textContent;
					document.querySelector('#units-table th:nth-child(1) button').click();
					document.querySelector('#units-table th:nth-child(1) button').click();
					return first + '|' + document.querySelector('#units-table tbody tr td:nth-child(1)').textContent;
				})()`,
				"elements": `document.querySelectorAll('img, svg, iframe, object, embed').length + ',' + document.querySelectorAll('script:not([type])').length + ',' + document.querySelectorAll('.chart').length`,
			})
			checkVisit(t, file, v)
			keepShot(t, fmt.Sprintf("report-compact-%d.png", width), v.screenshot)
			if got, want := v.extra["lookup"], "1|false|true|1|"+attrBreak+"|90|true"; got != want {
				t.Errorf("查找单位: %q,应为 %q", got, want)
			}
			if got := v.extra["pick"]; !strings.HasPrefix(got, "1|"+goTemplate+"|31|") {
				t.Errorf("点击指标名称后的图表: %q", got)
			}
			if got := v.extra["sort"]; !strings.HasSuffix(got, "|1") {
				t.Errorf("单位表排序: %q", got)
			}
			if got := v.extra["elements"]; got != "0,2,5" {
				t.Errorf("图片/SVG 数, 脚本数, 图表数 = %s,应为 0,2,5", got)
			}
			for _, n := range []string{attrBreak, goTemplate} {
				if !strings.Contains(v.text, n) {
					t.Errorf("名称 %q 没有作为文字显示", n)
				}
			}
		})
	}
}
