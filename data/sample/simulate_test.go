package sample_test

import (
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"

	"shaipin/data/sample"
)

// simulatedWorkbook builds the workbook of an earlier month (1–3). Every
// figure is April's, scaled to the month where it accumulates over the
// year (amounts, counts, completion rates) and perturbed by a noise that
// is a hash of (indicator, unit, month), so the output is deterministic.
// Its title and 数据来源 say it is simulated.
func simulatedWorkbook(month int) ([]byte, error) {
	if month < 1 || month > 3 {
		return nil, fmt.Errorf("simulated months are 1–3, not %d", month)
	}
	figs, err := sample.Figures()
	if err != nil {
		return nil, err
	}
	out := make([]sample.Figure, 0, len(figs))
	for _, f := range figs {
		v, err := strconv.ParseFloat(f.Value, 64)
		if err != nil {
			return nil, fmt.Errorf("figures.tsv: %s %s: %q", f.Indicator, f.Unit, f.Value)
		}
		noise := jitter(f.Indicator+"/"+f.Unit, month)
		cumulative := f.Measure != "分" && !strings.Contains(f.Indicator, "整改率") &&
			!strings.Contains(f.Indicator, "发现率") && !strings.Contains(f.Indicator, "活跃度") &&
			!strings.Contains(f.Indicator, "通过率")
		if cumulative {
			v = v * float64(month) / 4 * (1 + 0.25*noise)
		} else {
			v = v * (1 + 0.04*noise)
		}
		if f.Measure == "%" && v > 100 {
			v = 100
		}
		dec := 0
		if i := strings.IndexByte(f.Value, '.'); i >= 0 {
			dec = len(f.Value) - i - 1
		}
		f.Value = strconv.FormatFloat(math.Max(v, 0), 'f', dec, 64)
		out = append(out, f)
	}
	return build(out, month)
}

// jitter is a deterministic number in [-1, 1) for a key and month.
func jitter(key string, month int) float64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d", key, month)
	return float64(h.Sum64()%2000)/1000 - 1
}

// monthSpan writes the cumulative span of a month: "1月", "1—3月".
func monthSpan(month int) string {
	if month == 1 {
		return "1月"
	}
	return fmt.Sprintf("1—%d月", month)
}
