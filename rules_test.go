package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"shaipin/check"
	"shaipin/data"
	"shaipin/rank"
)

// TestRulePrecedence: a flag given wins over the 参数 sheet, which wins
// over the default; a flag not given leaves the 参数 sheet's rule alone.
func TestRulePrecedence(t *testing.T) {
	in := t.TempDir()
	buildInputs(t, in)
	plain, rules := filepath.Join(in, "2022-04.xlsx"), filepath.Join(in, "rules-2022-04.xlsx")
	for _, c := range []struct {
		name string
		args []string
		want string // score weights missing min_coverage board
	}{
		{"defaults", []string{plain}, "minmax given skip 0.5 score"},
		{"参数", []string{rules}, "efficacy equal last 0.6 score"},
		{"flag over 参数", []string{rules, "--score", "topsis"}, "topsis equal last 0.6 score"},
		{"every flag", []string{rules, "--weights", "given", "--missing", "skip", "--board", "tally", "--min-coverage", "0.3"},
			"efficacy given skip 0.3 tally"},
		{"flag over default", []string{plain, "--weights", "entropy", "--missing", "zero"}, "minmax entropy zero 0.5 score"},
		{"upper case", []string{plain, "--score", "TOPSIS"}, "topsis given skip 0.5 score"},
		{"coverage in percent", []string{plain, "--min-coverage", "50%"}, "minmax given skip 0.5 score"},
		{"coverage as a bare percentage", []string{plain, "--min-coverage", "65"}, "minmax given skip 0.65 score"},
		{"no coverage rule", []string{rules, "--min-coverage", "0"}, "efficacy equal last 0 score"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"shaipin", "rank", "--format", "json"}, c.args...)
			if code := run(args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var doc struct{ Rules rank.Options }
			if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			o := doc.Rules
			got := strings.Join([]string{string(o.Score), string(o.Weights), string(o.Missing), ftoa(*o.MinCoverage), string(o.Board)}, " ")
			if got != c.want {
				t.Errorf("rules %s, want %s", got, c.want)
			}
		})
	}
}

// TestRuleFlagErrors: a value a flag does not accept is a usage error
// (exit 2) naming the values it does.
func TestRuleFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"rank", "--score", "ahp"}, `--score 只能是 minmax、rank、efficacy、zscore、target 或 topsis,而不是 "ahp"`},
		{[]string{"report", "--weights", "pca"}, `--weights 只能是 given、equal 或 entropy,而不是 "pca"`},
		{[]string{"robust", "--missing", "mean"}, `--missing 只能是 skip、last 或 zero,而不是 "mean"`},
		{[]string{"rank", "--board", "flags"}, `--board 只能是 score 或 tally,而不是 "flags"`},
		{[]string{"rank", "--min-coverage", "120%"}, `--min-coverage "120%" 无效:应为 0 到 1 之间的比例,如 0.5、50% 或 50`},
		{[]string{"rank", "--min-coverage", "一半"}, `--min-coverage "一半" 无效`},
		{[]string{"robust", "--draws", "0"}, `--draws 应为正整数`},
		{[]string{"report", "--robust", "-5"}, `--robust 不能为负数`},
		{[]string{"robust", "--format", "csv"}, `--format 只能是 table 或 json`},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"shaipin"}, c.args...), &stdout, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "用法错误:"+c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
}

func ftoa(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// TestStrictLeavesSkew: under --strict every finding stops the run but a
// skewed column's, which questions no figure.
func TestStrictLeavesSkew(t *testing.T) {
	skew := &check.Finding{Kind: check.Skew, File: "a.xlsx", Reason: "本列分布严重偏斜"}
	scale := &check.Finding{Kind: check.Scale, File: "a.xlsx", Reason: "疑似把百分数填成了小数"}
	for _, c := range []struct {
		fs       check.Findings
		strict   bool
		problems int
		warnings int
	}{
		{check.Findings{skew, scale}, false, 0, 2},
		{check.Findings{skew, scale}, true, 1, 1},
		{check.Findings{skew}, true, 0, 1},
		{nil, true, 0, 0},
	} {
		var w bytes.Buffer
		err := reportFindings(c.fs, c.strict, &w)
		problems := 0
		if err != nil {
			problems = strings.Count(err.Error(), "\n") + 1
		}
		if warnings := strings.Count(w.String(), "警告:"); problems != c.problems || warnings != c.warnings {
			t.Errorf("strict %v on %d findings: %d problems, %d warnings; want %d, %d",
				c.strict, len(c.fs), problems, warnings, c.problems, c.warnings)
		}
	}
}

// TestTemplateKeepsRules: next month's template carries the 参数 rules of
// the month it copies, but not its 数据性质.
func TestTemplateKeepsRules(t *testing.T) {
	in := t.TempDir()
	buildInputs(t, in)
	out := filepath.Join(in, "2022-05.xlsx")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"shaipin", "template", "-i", filepath.Join(in, "rules-2022-04.xlsx"), "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	f, err := data.ReadFormFile(out, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := f.Period.Settings
	if s.Score != "efficacy" || s.Weights != "equal" || s.Missing != "last" || s.Board != "score" || s.MinCoverage == nil || *s.MinCoverage != 0.6 {
		t.Errorf("template's rules %+v", s)
	}
	if f.Period.Provenance != data.Official || f.Period.Month.String() != "2022-05" {
		t.Errorf("template is %s, %q", f.Period.Month, f.Period.Provenance)
	}
}
