package main

import (
	"io"

	"shaipin/check"
	"shaipin/data"
	"shaipin/rank"
)

// The plausibility checks (package check, docs/checks.md) run wherever
// figures are read for a verdict: validate, rank, report, robust. Their
// findings are warnings; --strict makes them errors, except skew.

// strictKinds reports whether a finding of kind k stops a --strict run.
// A skewed column (分布偏斜) is left out: it says that one county's true
// figure dominates the min-max scores, not that a figure is wrong, and a
// large county would otherwise block every month's report.
func strictKinds(k check.Kind) bool { return k != check.Skew }

// findings runs the checks on the periods of ds up to m (all of them when
// m is zero): the periods a result shows, its own and its history's. The
// list is empty, not nil, when nothing was found, so the JSON says the
// figures were checked.
func findings(ds *data.Dataset, m data.Month) check.Findings {
	shown := &data.Dataset{}
	for _, p := range ds.Periods {
		if m.IsZero() || p.Month <= m {
			shown.Periods = append(shown.Periods, p)
		}
	}
	fs := check.Dataset(shown, check.Options{})
	if fs == nil {
		fs = check.Findings{}
	}
	return fs
}

// reportFindings prints the findings as warnings to w; with strict, it returns
// those that stop the run as an error instead (data.ErrorList, printed
// like the reader's errors).
func reportFindings(fs check.Findings, strict bool, w io.Writer) error {
	var hard, soft check.Findings
	for _, f := range fs {
		if strict && strictKinds(f.Kind) {
			hard = append(hard, f)
		} else {
			soft = append(soft, f)
		}
	}
	warn(w, soft.ErrorList())
	return hard.Err()
}

// shownFindings runs the checks on the periods a result of ds under rules
// will show (rank.Compute's period, rules.Period or the latest, and those
// before it). They run before ranking, while only the figures are held:
// at national scale the result is 300 MB more.
func shownFindings(ds *data.Dataset, rules rank.Options) check.Findings {
	m := rules.Period
	if p := ds.Latest(); m.IsZero() && p != nil {
		m = p.Month
	}
	return findings(ds, m)
}

// checked records the findings on res and reports them to stderr.
func checked(res *rank.Result, fs check.Findings, strict bool, stderr io.Writer) error {
	res.Checks = fs
	return reportFindings(fs, strict, stderr)
}
