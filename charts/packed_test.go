package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// unvarint reverses varint over a whole string, as init.js does.
func unvarint(s string) []int64 {
	var out []int64
	var z uint64
	shift := uint(0)
	for i := 0; i < len(s); i++ {
		c := uint64(strings.IndexByte(digits, s[i]))
		z |= (c & 31) << shift
		shift += 5
		if c < 32 {
			out = append(out, int64(z>>1)^-int64(z&1))
			z, shift = 0, 0
		}
	}
	return out
}

// unpackAll reverses pack, as init.js does.
func unpackAll(s string, w int) []int {
	out := make([]int, 0, len(s)/w)
	for i := 0; i+w <= len(s); i += w {
		n := 0
		for j := range w {
			n = n*64 + strings.IndexByte(digits, s[i+j])
		}
		out = append(out, n)
	}
	return out
}

// decoded is one entry as init.js rebuilds it from the island.
type decoded struct {
	unit, shown string
	value       float64
	rank        int
	tier        byte
}

// decodeCurrent mirrors current() in init.js.
func decodeCurrent(t *testing.T, d *packedData, p packedIndic) []decoded {
	t.Helper()
	order := unpackAll(p.O, d.W)
	out := make([]decoded, len(order))
	var diffs []int64
	if p.VA == nil {
		diffs = unvarint(p.V)
		if len(diffs) != len(order) {
			t.Fatalf("%s: %d 个数值,%d 个单位", p.Name, len(diffs), len(order))
		}
	}
	tied := map[int]bool{}
	for _, i := range p.T {
		tied[i] = true
	}
	k := int64(0)
	for i := range order {
		out[i].unit = d.Units[order[i]]
		if p.VA != nil {
			out[i].value = p.VA[i]
			out[i].shown = strconv.FormatFloat(p.VA[i], 'f', -1, 64) // as String() in JS below 1e21
		} else {
			k += diffs[i]
			out[i].value = float64(k) / math.Pow(10, float64(p.Prec))
			out[i].shown = string(appendScaled(nil, k, p.Prec))
			if p.TZ && i > 0 && diffs[i] == 0 {
				tied[i] = true
			}
		}
	}
	for i := 0; i+1 < len(p.X); i += 2 {
		pos := int(p.X[i].(float64))
		out[pos].shown = p.X[i+1].(string)
	}
	for i := range out {
		if !p.Ranked {
			out[i].tier = 'n'
			continue
		}
		switch {
		case p.RK != nil:
			out[i].rank = p.RK[i]
		case i > 0 && tied[i]:
			out[i].rank = out[i-1].rank
		case d.Dense && i > 0:
			out[i].rank = out[i-1].rank + 1
		default:
			out[i].rank = i + 1
		}
		switch {
		case p.K != "":
			out[i].tier = p.K[i]
		case i < p.A:
			out[i].tier = 't'
		case i >= p.B:
			out[i].tier = 'b'
		default:
			out[i].tier = 'm'
		}
	}
	return out
}

var islandRE = regexp.MustCompile(`<script type="application/json" id="report-data">(.*?)</script>`)

// island extracts and parses a page's data island.
func island(t *testing.T, html string) *packedData {
	t.Helper()
	m := islandRE.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("页面没有数据岛 report-data")
	}
	var d packedData
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatalf("数据岛不是合法 JSON: %v", err)
	}
	return &d
}

// checkRoundTrip decodes every indicator of a compact page and compares
// it with the result it came from.
func checkRoundTrip(t *testing.T, res *rank.Result, html string) {
	t.Helper()
	d := island(t, html)
	if len(d.Inds) != len(res.Indicators) {
		t.Fatalf("数据岛有 %d 项指标,应为 %d 项", len(d.Inds), len(res.Indicators))
	}
	for i, ind := range res.Indicators {
		p := d.Inds[i]
		if p.Name != ind.Name || !p.Current {
			t.Fatalf("第 %d 项指标: %q, current=%v", i, p.Name, p.Current)
		}
		got := decodeCurrent(t, d, p)
		j := 0
		for _, e := range ind.Entries {
			if e.Value == nil {
				continue
			}
			if j >= len(got) {
				t.Fatalf("%s: 解码后单位太少", ind.Name)
			}
			g := got[j]
			j++
			// Shown at the indicator's precision: 96 of an indicator with 96.5 is 96.0.
			want := decoded{unit: e.Unit, shown: data.Fixed(*e.Value, ind.Precision), tier: text.StyleOf(e.Tier).Code}
			if e.Rank != nil {
				want.rank = *e.Rank
			}
			if g.unit != want.unit || g.shown != want.shown || g.rank != want.rank || g.tier != want.tier ||
				math.Abs(g.value-*e.Value) > 0.5*math.Pow(10, -float64(max(ind.Precision, 0))) {
				t.Fatalf("%s 第 %d 位: 解码为 %+v (%v),应为 %+v (%v)", ind.Name, j, g, g.value, want, *e.Value)
			}
		}
		if j != len(got) || p.M != len(ind.Entries)-j {
			t.Fatalf("%s: 解码 %d 个单位、%d 个未报送,应为 %d、%d", ind.Name, len(got), p.M, j, len(ind.Entries)-j)
		}
	}
}

func TestPackNumbers(t *testing.T) {
	for _, max := range []int{1, 63, 64, 4095, 4096, 300000} {
		w := packWidth(max)
		var b strings.Builder
		nums := []int{0, 1, max / 2, max}
		pack(&b, w, nums...)
		if got := unpackAll(b.String(), w); fmt.Sprint(got) != fmt.Sprint(nums) {
			t.Errorf("宽度 %d: %v → %q → %v", w, nums, b.String(), got)
		}
	}
	var b strings.Builder
	nums := []int64{0, 1, -1, 15, -16, 16, 511, -512, 1 << 40, -(1 << 52), 1<<53 - 1}
	for _, n := range nums {
		varint(&b, n)
	}
	if got := unvarint(b.String()); fmt.Sprint(got) != fmt.Sprint(nums) {
		t.Errorf("变长数: %v → %q → %v", nums, b.String(), got)
	}
	if strings.Trim(b.String(), digits) != "" {
		t.Error("编码含有字母表以外的字符")
	}
	for _, c := range []struct {
		k    int64
		prec int
		want string
	}{{0, 0, "0"}, {5, 2, "0.05"}, {-5, 2, "-0.05"}, {12345, 2, "123.45"}, {100, 2, "1.00"}, {7, 0, "7"}, {-120, 1, "-12.0"}} {
		if got := string(appendScaled(nil, c.k, c.prec)); got != c.want {
			t.Errorf("appendScaled(%d, %d) = %q,应为 %q", c.k, c.prec, got, c.want)
		}
	}
}

// The compact page's island holds every value, rank and tier exactly:
// ties (both rules), lower-is-better, unranked indicators, values shown
// with fewer decimals than compared, negative and huge values.
func TestPackedRoundTrip(t *testing.T) {
	for _, ties := range []rank.TieMode{rank.Competition, rank.Dense} {
		t.Run(string(ties), func(t *testing.T) {
			p := provincePeriod(60, 30, "2023-06", 7)
			p.Indicators[2].Ranked = false
			for k := range p.Indicators[3].Values {
				v := &p.Indicators[3].Values[k]
				if v.OK {
					v.Number = -v.Number
				}
			}
			for k := range p.Indicators[4].Values {
				v := &p.Indicators[4].Values[k]
				if v.OK {
					v.Number, v.Decimals = math.Round(v.Number), 0
					if k%3 == 0 {
						v.Number += 0.5
						v.Decimals = 1
					}
				}
			}
			for k := range p.Indicators[5].Values {
				v := &p.Indicators[5].Values[k]
				if v.OK {
					v.Number *= 1e14 // beyond exact integers at 2 decimals
				}
			}
			o := rank.DefaultOptions()
			o.Ties = ties
			res, err := rank.ComputePeriod(p, o)
			if err != nil {
				t.Fatal(err)
			}
			var buf strings.Builder
			if err := Write(&buf, res, Options{Generated: fixedTime, Layout: LayoutCompact}); err != nil {
				t.Fatal(err)
			}
			checkRoundTrip(t, res, buf.String())
		})
	}
}

// Trends pack every unit's rank in every period.
func TestPackedTrends(t *testing.T) {
	res := provinceResult(t, 20, 12, 4)
	d, _, err := buildPacked(res, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	var pd packedData
	if err := json.Unmarshal(d, &pd); err != nil {
		t.Fatal(err)
	}
	if len(pd.Periods) != 4 || pd.Axis[0] != "2023年1月" || pd.Axis[1] != "2月" || !pd.Months {
		t.Fatalf("期间: %v %v %v", pd.Periods, pd.Axis, pd.Months)
	}
	unitAt := map[string]int{}
	for i, u := range pd.Units {
		unitAt[u] = i
	}
	check := func(name string, pt *packedTrend, trends []rank.Trend) {
		h := unpackAll(pt.H, pd.W)
		for _, tr := range trends {
			u := unitAt[tr.Unit]
			for p, r := range tr.Ranks {
				want := 0
				if r != nil {
					want = *r
				}
				if got := h[u*4+p]; got != want {
					t.Fatalf("%s %s 第 %d 期: %d,应为 %d", name, tr.Unit, p+1, got, want)
				}
			}
		}
	}
	check("总榜", pd.Overall, res.History.Overall)
	for i, ti := range res.History.Indicators {
		if pd.Inds[i].Name != ti.Name || pd.Inds[i].Trend == nil {
			t.Fatalf("第 %d 项: %q", i, pd.Inds[i].Name)
		}
		check(ti.Name, pd.Inds[i].Trend, ti.Units)
	}
}

func TestAxisLabels(t *testing.T) {
	if got := axisLabels([]data.Month{data.NewMonth(2021, 12), data.NewMonth(2022, 1), data.NewMonth(2022, 2)}); strings.Join(got, ",") != "2021年12月,2022年1月,2月" {
		t.Errorf("axisLabels: %v", got)
	}
}
