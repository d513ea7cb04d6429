package sample_test

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/data/sample"
)

var update = flag.Bool("update", false, "rewrite the sample workbooks from figures.tsv")

// built is the workbook the builder makes for a sample month.
func built(t *testing.T, month int) []byte {
	t.Helper()
	var (
		b   []byte
		err error
	)
	if month == 4 {
		b, err = workbook()
	} else {
		b, err = simulatedWorkbook(month)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEmbeddedUpToDate checks each committed workbook is what its builder makes.
func TestEmbeddedUpToDate(t *testing.T) {
	names, contents := sample.Files()
	for i, m := range sample.Months {
		b := built(t, m)
		if *update {
			if err := os.WriteFile(names[i], b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(b, contents[i]) {
			t.Errorf("%s is stale: run go test ./data/sample -update", names[i])
		}
	}
}

// TestBuiltReadsBack: every figure of figures.tsv is read back from the
// built workbook with its printed decimals, and nothing else is.
func TestBuiltReadsBack(t *testing.T) {
	figs, err := sample.Figures()
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.ReadBytes(sample.FileName, built(t, 4), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Warnings) > 0 {
		t.Errorf("warnings:\n%v", ds.Warnings)
	}
	p := ds.Latest()
	got := 0
	for _, ind := range p.Indicators {
		for k, v := range ind.Values {
			if !v.OK {
				continue
			}
			got++
			text := data.Fixed(v.Number, v.Decimals)
			if !hasFigure(figs, ind.Name, p.Units[k], text) {
				t.Errorf("%s %s read back as %s", ind.Name, p.Units[k], text)
			}
		}
	}
	if got != len(figs) {
		t.Errorf("read back %d figures, figures.tsv has %d", got, len(figs))
	}
}

func hasFigure(figs []sample.Figure, ind, unit, value string) bool {
	for _, f := range figs {
		if f.Indicator == ind && f.Unit == unit {
			return f.Value == value
		}
	}
	return false
}

func TestSimulatedSaySo(t *testing.T) {
	for _, m := range []int{1, 2, 3} {
		ds, err := data.ReadBytes(sample.FileNameOf(m), built(t, m), data.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p := ds.Latest()
		if !strings.Contains(p.Title, "模拟数据") || !strings.Contains(p.Source, "不是真实数据") {
			t.Errorf("month %d: title %q source %q", m, p.Title, p.Source)
		}
	}
	if _, err := simulatedWorkbook(4); err == nil {
		t.Error("April is real, not simulated")
	}
}

func TestFiguresWellFormed(t *testing.T) {
	figs, err := sample.Figures()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, u := range sample.Units {
		known[u.Name] = true
	}
	seen := map[string]bool{}
	for _, f := range figs {
		if !known[f.Unit] {
			t.Errorf("unknown unit %q", f.Unit)
		}
		k := f.Group + "/" + f.Indicator + "/" + f.Unit
		if seen[k] {
			t.Errorf("duplicate figure %s", k)
		}
		seen[k] = true
		if f.Quote == "" {
			t.Errorf("%s: no source quote", k)
		}
	}
}

// TestProvenanceAndRules: 2022-01…03 say they are simulated and April that
// it is taken from public reports; every month sets the rules its blanks
// call for (最低覆盖率 40 %, 缺失处理 跳过) and its 数据来源 says why.
func TestProvenanceAndRules(t *testing.T) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ds.Periods {
		want := data.Simulated
		if p.Month.MonthOfYear() == 4 {
			want = data.Published
		}
		if p.Provenance != want {
			t.Errorf("%s: 数据性质 %q, want %q", p.Month, p.Provenance, want)
		}
		s := p.Settings
		if s.MinCoverage == nil || *s.MinCoverage != 0.4 || s.Missing != "skip" {
			t.Errorf("%s: settings %+v", p.Month, s)
		}
		if !strings.Contains(p.Source, "不是未报送") || !strings.Contains(p.Source, "最低覆盖率设为 40%(正式使用默认 50%)") {
			t.Errorf("%s: 数据来源 does not say why: %s", p.Month, p.Source)
		}
	}
}
