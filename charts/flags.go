package charts

import (
	_ "embed"
	"html/template"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// The 红黄旗 section: the flags the flag rules gave, each with its evidence
// and its rule (rank.Flag), under the sentence the notice also says.

//go:embed flags.html.tmpl
var flagsSource string

// The section's template joins the page's, which calls it by name.
var _ = template.Must(pageTemplate.New("flags").Parse(flagsSource))

// flagsView is the 红黄旗 section.
type flagsView struct {
	Summary string
	Rows    []flagRow
}

// flagRow is one flag: Class colours it as the tier of its kind.
type flagRow struct {
	Unit, Flag, Class, Evidence, Rule string
}

// newFlagsView builds the section of res.
func newFlagsView(res *rank.Result) *flagsView {
	v := &flagsView{Summary: text.FlagSummary(res)}
	for _, f := range res.Flags {
		tier := rank.Top
		if f.Kind == data.FlagYellow {
			tier = rank.Bottom
		}
		v.Rows = append(v.Rows, flagRow{Unit: f.Unit, Flag: text.FlagName(f), Class: text.StyleOf(tier).Class, Evidence: f.Evidence, Rule: f.Rule})
	}
	return v
}
