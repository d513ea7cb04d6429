package charts

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"shaipin/text"
)

// The safeguards of the verdict as a reader sees them, on a phone (375 px,
// mobile emulation) and on a desktop through the print path: the
// simulated-data banner on the first screen, the 数据核查 card, "倒数" in
// the bar labels, the rank-interval whiskers drawn, and the trend axis
// marking the simulated months; with a clean, offline page and no
// sideways scrolling (checkVisit).

// verdictProbes are the scripts the verdict browser tests run.
var verdictProbes = map[string]string{
	"banner": `(() => {
		const b = document.querySelector('.banner');
		if (!b) return 'none';
		const r = b.getBoundingClientRect();
		return [r.top + scrollY < innerHeight, r.height > 20, r.right <= innerWidth, b.textContent].join('|');
	})()`,
	"checks": `(() => {
		const cards = [...document.querySelectorAll('#checks .finding')];
		const wide = cards.filter(c => c.getBoundingClientRect().right > innerWidth).length;
		return cards.length + '|' + wide + '|' + cards.map(c => c.innerText.replace(/\s+/g, ' ')).join('/');
	})()`,
	"reverse": `(() => {
		const el = document.querySelector('[aria-label="谋划制造业项目地块数排名柱状图"]');
		const o = echarts.getInstanceByDom(el).getOption();
		return o.series[0].data.map(d => d.label.formatter).filter(f => f.includes('倒数')).length + '|' +
			o.series[0].data.map(d => d.name).filter(n => n.includes('(倒数并列第3)')).length;
	})()`,
	// Pixels of the top tier's line colour in the interval chart: the red
	// whiskers and dots are drawn, not just the axes.
	"whiskers": `(() => {
		const el = document.querySelector('[aria-label^="总榜名次区间图"]');
		const o = echarts.getInstanceByDom(el).getOption();
		const lines = o.series.filter(s => s.symbol === 'rect').length;
		let red = 0;
		for (const c of el.querySelectorAll('canvas')) {
			// A copy: reading the chart's own canvas twice draws a
			// performance warning (the paint check read it already).
			const copy = document.createElement('canvas');
			copy.width = c.width;
			copy.height = c.height;
			const x = copy.getContext('2d', {willReadFrequently: true});
			x.drawImage(c, 0, 0);
			const d = x.getImageData(0, 0, c.width, c.height).data;
			for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 0xc0) < 12 && Math.abs(d[i+1] - 0x39) < 12 && Math.abs(d[i+2] - 0x2b) < 12) red++;
		}
		return lines + '|' + (red > 200);
	})()`,
	// The 总榜 table fits its box: no column hidden in a sideways scroll.
	"tablefit": `(() => { const w = document.querySelector('#overall .table-wrap'); return String(w.scrollWidth <= w.clientWidth); })()`,
	"axis": `(() => {
		const o = echarts.getInstanceByDom(document.querySelector('[data-source="overall"]')).getOption();
		// The last label is wrapped in rich text ({last|…}) to end at its point.
		return [0, 3].map(v => o.xAxis[0].axisLabel.formatter(v).replace(/^\{last\|([\s\S]*)\}$/, '$1')).join('|');
	})()`,
}

func TestBrowserVerdict(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	res := verdictResult(t)
	file := writeReport(t, res)
	ranked := 0
	for _, ov := range res.Overall {
		if ov.Rank != nil {
			ranked++
		}
	}
	for _, tc := range []struct {
		width    int
		viaPrint bool
	}{{375, false}, {1280, true}} {
		t.Run(fmt.Sprint(tc.width), func(t *testing.T) {
			v := openReport(t, ctx, file, tc.width, tc.viaPrint, verdictProbes)
			checkVisit(t, file, v)
			keepShot(t, fmt.Sprintf("verdict-%d.png", tc.width), v.screenshot)
			if got, want := v.extra["banner"], "true|true|true|"+text.SimulatedBanner(res); got != want {
				t.Errorf("模拟数据提示 %q,应为 %q(首屏可见、不超出屏宽)", got, want)
			}
			if got := v.extra["checks"]; !strings.HasPrefix(got, "1|0|数量级不符义乌市 · 年度投资完成率") || !strings.Contains(got, "城市更新!C8") || !strings.Contains(got, "0.527") {
				t.Errorf("数据核查卡片: %q", got)
			}
			if got := v.extra["reverse"]; got != "4|4" {
				t.Errorf("谋划制造业项目地块数的倒数名次(标签|提示框): %q,应为 4|4", got)
			}
			if got, want := v.extra["whiskers"], fmt.Sprintf("%d|true", ranked); got != want {
				t.Errorf("名次区间(线段数|已绘制): %q,应为 %q", got, want)
			}
			if got := v.extra["tablefit"]; got != "true" {
				t.Error("总榜表格超出其宽度,部分列需横向滚动才能看到")
			}
			if got := v.extra["axis"]; got != "2022年1月\n(模拟)|4月\n(公开报道)" {
				t.Errorf("走势图横轴: %q", got)
			}
			if !strings.Contains(v.text, "边缘") || strings.Contains(v.text, text.NoFindings) {
				t.Error("页面文字应标出边缘红黄旗,且有核查提示时不说“未发现”")
			}
		})
	}
}

// The compact layout's chart of a picked indicator is built in the
// browser: its 倒数 labels come from Go, and its 时序进度 words and
// figures must be exactly Go's.
func TestBrowserVerdictCompact(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	res := verdictResult(t)
	var buf bytes.Buffer
	if err := Write(&buf, res, Options{Generated: fixedTime, Layout: LayoutCompact}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "compact.html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pick := func(name string) string {
		return `(async () => {
			const sel = document.getElementById('explore-indicator');
			sel.value = [...sel.options].find(o => o.textContent === '` + name + `').value;
			sel.dispatchEvent(new Event('change'));
			await new Promise(r => setTimeout(r, 300));
			const o = echarts.getInstanceByDom(document.querySelector('[data-build="bars"]')).getOption();
			// A bar short of the 时序进度 line has its label on a second,
			// invisible segment past the line: labels of every series.
			const labels = o.series.flatMap(s => (s.data || []).map(d => d && d.label && d.label.formatter).filter(Boolean));
			return labels.join('\n') + '\n' + o.series[0].markLine?.data?.[0]?.name + '\n' + o.title[0].subtext;
		})()`
	}
	v := openReport(t, ctx, file, 375, false, map[string]string{
		"reverse":  pick("谋划制造业项目地块数"),
		"schedule": pick("年度投资完成率"),
	})
	checkVisit(t, file, v)
	keepShot(t, "verdict-compact-375.png", v.screenshot)
	if got := strings.Count(v.extra["reverse"], "并列第4(倒数并列第3)"); got != 4 {
		t.Errorf("倒数名次标签 %d 个,应为 4: %q", got, v.extra["reverse"])
	}
	var want []string
	for _, ind := range res.Indicators {
		if ind.Name != "年度投资完成率" {
			continue
		}
		share, _ := text.ScheduleShare(res, ind)
		for _, e := range ind.Entries {
			if s := text.Schedule(e.VsSchedule); s != "" {
				want = append(want, "{s|"+s+"}")
			}
		}
		want = append(want, text.ScheduleLine(share), "虚线:"+text.ScheduleLine(share))
	}
	got := scheduleWords(v.extra["schedule"])
	sort.Strings(want)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("浏览器中的时序进度文字\n%q\n与 Go 的不一致\n%q", got, want)
	}
}

// scheduleWords picks the 时序进度 phrases out of a chart's labels, line
// name and subtitle, sorted.
func scheduleWords(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for _, part := range strings.Split(line, " · ") {
			if strings.Contains(part, "时序进度") {
				out = append(out, part)
			}
		}
	}
	sort.Strings(out)
	return out
}
