package charts

import (
	"fmt"
	"slices"

	"shaipin/check"
	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// What lets a meeting defend the verdict, in both layouts: which periods
// are simulated or provisional, which figures the plausibility checks
// question (数据核查), who is left off the board for reporting too little,
// the weights actually used, and how firm each place on the board is
// (名次区间, 边缘).

// verdictView is the page's part of it; pageData embeds it.
type verdictView struct {
	// Banner warns of simulated periods; ProvNotes are the smaller notes
	// on provisional and published ones; PrevNote says that the period
	// changes are measured from is not official.
	Banner    string
	ProvNotes []string
	PrevNote  string

	Checks checksView
	// Weights are the weights used when the data set them (熵权法).
	Weights []weightItem
	// Reading is the robustness line under the board, Robust its 名次区间
	// chart; both empty without robustness figures.
	Reading string
	Robust  *chartRef
}

// checksView is the 数据核查 section.
type checksView struct {
	Summary string
	Items   []findingView
	// More are the findings past checksShown, folded; Omitted counts
	// those past checksMax, which only the Excel and JSON list.
	More    []findingView
	Omitted int
}

// findingView is one finding as a card.
type findingView struct {
	Kind, Period, Units, Indicator, Place, Value, Reason string
}

// weightItem is one indicator's weight as used.
type weightItem struct{ Name, Share string }

// How many findings the page shows open, and at most.
const (
	checksShown = 6
	checksMax   = 300
)

// verdictParts fills the page's verdictView, except the robustness chart
// (robustParts, which must be numbered in page order).
func (p *pageData) verdictParts(res *rank.Result) {
	p.Banner = text.SimulatedBanner(res)
	p.ProvNotes = text.ProvenanceNotes(res)
	p.PrevNote = text.PreviousNote(res)
	p.Checks = newChecksView(res.Checks, res.Units)
	if res.Rules.Weights == rank.EntropyWeights && res.Rules.Board != rank.TallyBoard {
		for _, ind := range res.Indicators {
			if ind.WeightUsed > 0 {
				p.Weights = append(p.Weights, weightItem{ind.Name, text.Percent(data.Round(ind.WeightUsed*100, 2))})
			}
		}
	}
	if res.Robustness != nil {
		p.Reading = res.Robustness.Reading
	}
	p.Nav = insertNav(p.Nav, "overall", navItem{"checks", "数据核查"})
	if p.Flags != nil {
		p.Nav = insertNav(p.Nav, "checks", navItem{"flags", "红黄旗"})
	}
}

// insertNav puts it after the entry with id after (at the front when
// there is none).
func insertNav(nav []navItem, after string, it navItem) []navItem {
	at := slices.IndexFunc(nav, func(n navItem) bool { return n.ID == after }) + 1
	return slices.Insert(nav, at, it)
}

// robustParts adds the 名次区间 chart below the board chart (compact
// layout: the same head and tail rows).
func (p *pageData) robustParts(res *rank.Result, b *builder, head, tail int) error {
	o, h := robustChart(res, head, tail)
	if o == nil {
		return nil
	}
	c, err := b.chart(o, h, "总榜名次区间图:各单位在权重与方法变化下的名次范围")
	if err != nil {
		return err
	}
	p.Robust = &c
	return nil
}

// newChecksView lists the findings, in the order check sorted them.
func newChecksView(fs check.Findings, units []string) checksView {
	cv := checksView{Summary: text.FindingsSummary(fs, units)}
	for i, f := range fs {
		if i >= checksMax {
			cv.Omitted = len(fs) - checksMax
			break
		}
		fv := findingView{Kind: f.Kind.Label(), Period: f.Period.Label(), Units: text.FindingUnits(f),
			Indicator: f.Indicator, Place: text.FindingPlace(f), Value: f.Value, Reason: f.Reason}
		if f.Period.IsZero() {
			fv.Period = ""
		}
		if i < checksShown {
			cv.Items = append(cv.Items, fv)
		} else {
			cv.More = append(cv.More, fv)
		}
	}
	return cv
}

// unrankedRow is a unit left off the board, with why.
type unrankedRow struct{ Unit, Why string }

// moreLabel is the summary of the folded findings.
func (cv checksView) MoreLabel() string {
	return fmt.Sprintf("其余 %d 条", len(cv.More))
}

// UnrankedSpan is how many 总榜 table columns the reason a unit is not
// ranked spans: score, tier, and the change and interval when shown.
func (p *pageData) UnrankedSpan() int {
	n := 2
	if p.Previous != "" {
		n++
	}
	return n
}
