package charts

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/synth"
)

// Page speed and size at the benchmark scales (issue 7). The synthetic
// workbooks are the ones `make bench` uses (synth, seed 1), cached in
// $SHAIPIN_BENCH_DIR (default: the system temp dir's shaipin-bench), e.g.
//
//	go test ./charts -run '^$' -bench 'PageSpeed|WriteScale' -benchtime 3x
//
// BenchmarkPageSpeed opens each report in headless Chromium at 1280 px and
// reports, per load: first-paint-ms (navigation to the first chart's first
// frame), first-chart-ms (to the first chart finished, entry animation
// included), and heap-MB (the page's JS heap one second later, before any
// scrolling), and heap-all-MB (after every chart has been started, as for
// printing). Targets for the province: first chart ≤ 1.5 s, heap ≤ 300 MB.

// benchResult loads and ranks one synthetic scale ("sample" is the
// embedded sample).
func benchResult(b *testing.B, scale string) *rank.Result {
	b.Helper()
	if scale == "sample" {
		return sampleResult(b)
	}
	var s synth.Scale
	for _, x := range synth.Scales {
		if x.Name == scale {
			s = x
		}
	}
	dir := os.Getenv("SHAIPIN_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "shaipin-bench")
	}
	paths, err := synth.Generate(filepath.Join(dir, s.Name), s, 1)
	if err != nil {
		b.Fatal(err)
	}
	ds, err := data.Load(data.Options{}, paths...)
	if err != nil {
		b.Fatal(err)
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkWriteScale measures charts.Write and the page size per scale.
func BenchmarkWriteScale(b *testing.B) {
	for _, scale := range []string{"sample", "city", "province", "national"} {
		b.Run(scale, func(b *testing.B) {
			res := benchResult(b, scale)
			var size int
			b.ResetTimer()
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, res, Options{Generated: fixedTime}); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/(1<<20), "html-MB")
		})
	}
}

func BenchmarkPageSpeed(b *testing.B) {
	ctx := browser(b)
	for _, scale := range []string{"sample", "province", "national"} {
		b.Run(scale, func(b *testing.B) {
			res := benchResult(b, scale)
			var buf bytes.Buffer
			if err := Write(&buf, res, Options{Generated: fixedTime}); err != nil {
				b.Fatal(err)
			}
			file := filepath.Join(b.TempDir(), "report.html")
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				b.Fatal(err)
			}
			u := (&url.URL{Scheme: "file", Path: file}).String()
			var paint, done, heap, heapAll float64
			n := 0
			b.ResetTimer()
			for b.Loop() {
				tab, cancel := chromedp.NewContext(ctx)
				if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(u)); err != nil {
					b.Fatal(err)
				}
				// performance.now() counts from the start of navigation.
				first := func(sel string) float64 {
					ms, err := chromedp.Run(tab, chromedp.Poll[float64](
						`document.querySelector('`+sel+`') ? performance.now() : 0`,
						chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(5*time.Millisecond)))
					if err != nil {
						b.Fatalf("%s: %v", sel, err)
					}
					return ms
				}
				paint += first(".chart[data-painted]")
				done += first(".chart[data-state=done]")
				time.Sleep(time.Second)
				usage, err := chromedp.Run(tab, func(ctx2 context.Context, tg *chromedp.Target) (runtime.GetHeapUsageResult, error) {
					return cdp.Call(ctx2, tg, runtime.GetHeapUsage, cdp.Empty{})
				})
				if err != nil {
					b.Fatal(err)
				}
				heap += usage.UsedSize / (1 << 20)
				// Then every chart at once, as for printing: the upper bound
				// of a page someone scrolls through to the end.
				if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.shaipinStartAll(); true`)); err != nil {
					b.Fatal(err)
				}
				if _, err := chromedp.Run(tab, chromedp.Poll[bool](`[...document.querySelectorAll('.chart')].every(e => e.dataset.state === 'done')`,
					chromedp.WithPollingTimeout(60*time.Second))); err != nil {
					b.Fatal(err)
				}
				usage, err = chromedp.Run(tab, func(ctx2 context.Context, tg *chromedp.Target) (runtime.GetHeapUsageResult, error) {
					return cdp.Call(ctx2, tg, runtime.GetHeapUsage, cdp.Empty{})
				})
				if err != nil {
					b.Fatal(err)
				}
				heapAll += usage.UsedSize / (1 << 20)
				n++
				cancel()
			}
			b.ReportMetric(paint/float64(n), "first-paint-ms")
			b.ReportMetric(done/float64(n), "first-chart-ms")
			b.ReportMetric(heap/float64(n), "heap-MB")
			b.ReportMetric(heapAll/float64(n), "heap-all-MB")
			b.ReportMetric(float64(buf.Len())/(1<<20), "html-MB")
			fmt.Fprintf(os.Stderr, "%s: %.2f MB, 首个图表绘制 %.0f ms / 完成 %.0f ms, JS 堆 %.1f MB(全部图表 %.1f MB)\n",
				scale, float64(buf.Len())/(1<<20), paint/float64(n), done/float64(n), heap/float64(n), heapAll/float64(n))
		})
	}
}
