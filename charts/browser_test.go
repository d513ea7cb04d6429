package charts

import (
	"bytes"
	"context"
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

	"github.com/chromedp/cdproto/cdp"
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
func browser(t *testing.T) context.Context {
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
		chromedp.EmulateViewport(int64(width), 900),
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
	file := filepath.Join(t.TempDir(), "leaderboard-"+res.Period+".html")
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
		})
	}
}

func TestBrowserHostileNames(t *testing.T) {
	ctx := browser(t)
	res := sampleResult(t)
	const script = `</script><script>alert(1)</script>`
	const img = `<img src=x onerror=alert(2)>{a}`
	renameUnit(res, "义乌市", script)
	renameUnit(res, "东阳市", img)
	res.Indicators[0].Name = `<b onmouseover=alert(3)>管控力</b>`
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
			return board + '\n' + ind;
		})()`,
		"elements": `document.querySelectorAll('img, svg, iframe, object, embed').length + ',' + document.querySelectorAll('script:not([type])').length`,
	})
	checkVisit(t, file, v)
	for _, name := range []string{script, img, res.Indicators[0].Name} {
		if !strings.Contains(v.text, name) {
			t.Errorf("名称 %q 没有作为文字显示", name)
		}
	}
	if !strings.Contains(v.extra["tooltip"], script) {
		t.Errorf("提示框没有把单位名作为文字显示: %q", v.extra["tooltip"])
	}
	if got := v.extra["elements"]; got != "0,2" {
		t.Errorf("页面中出现了数据注入的元素(图片/SVG 数, 脚本数 = %s,应为 0,2)", got)
	}
}

// The network events of a page load are the evidence for "no request":
// make sure the listener sees requests at all, or the check proves nothing.
func TestBrowserSeesRequests(t *testing.T) {
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

// Printing to PDF: the print path starts every chart, and the PDF has
// pages. SHAIPIN_SHOTS keeps the PDF for a look.
func TestBrowserPrint(t *testing.T) {
	ctx := browser(t)
	file := writeReport(t, sampleResult(t))
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	u := (&url.URL{Scheme: "file", Path: file}).String()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	printPDF := func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{
			PrintBackground: new(true),
			PaperWidth:      8.27,
			PaperHeight:     11.69,
		})
		return res.Data, err
	}
	// Chromium fires beforeprint for a print dialog, not for the protocol's
	// PrintToPDF, so the test sends it as the dialog would.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.dispatchEvent(new Event('beforeprint')); true`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](
		`[...document.querySelectorAll('.chart')].every(e => e.dataset.state === 'done')`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("打印前图表没有全部绘制: %v", err)
	}
	pdf, err := chromedp.Run(tab, printPDF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 50_000 {
		t.Fatalf("PDF 不完整: %d 字节", len(pdf))
	}
	keepShot(t, "report.pdf", pdf)
}

// A province-sized report (90 units × 200 indicators, ~300 charts) must
// not freeze the page: charts start as they scroll into view, so the first
// one shows quickly and only a few exist after load.
func TestBrowserProvinceIsLazy(t *testing.T) {
	ctx := browser(t)
	res, err := rank.ComputePeriod(province(90, 200), rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	file := writeReport(t, res)
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	u := (&url.URL{Scheme: "file", Path: file}).String()
	begin := time.Now()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`!!document.querySelector('.chart[data-state=done]')`,
		chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		t.Fatalf("第一个图表迟迟没有出现: %v", err)
	}
	first := time.Since(begin)
	counts, err := chromedp.Run(tab, chromedp.Evaluate[[]int](`[document.querySelectorAll('.chart').length, document.querySelectorAll('.chart[data-state]').length, Math.round((performance.memory ? performance.memory.usedJSHeapSize : 0) / 1048576)]`))
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(file)
	t.Logf("省级规模报告 %.1f MB:首个图表 %v 出现,%d 个图表中已创建 %d 个,JS 堆 %d MB", float64(info.Size())/(1<<20), first.Round(time.Millisecond), counts[0], counts[1], counts[2])
	if first > 8*time.Second {
		t.Errorf("首个图表 %v 才出现", first)
	}
	if counts[1] > counts[0]/4 {
		t.Errorf("加载后已创建 %d/%d 个图表,应按需创建", counts[1], counts[0])
	}
}
