package charts

import (
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

// The 红黄旗 section lists every flag with its evidence and rule, red as
// the top tier and yellow as the bottom one, under the notice's sentence.
func TestFlagsSection(t *testing.T) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := rank.DefaultOptions()
	o.MinCoverage = new(0.0)
	award, err := data.NewFlagRule("进位≥1", "进步奖")
	if err != nil {
		t.Fatal(err)
	}
	o.FlagRules = append(rank.DefaultFlagRules(o), award)
	res, err := rank.Compute(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(render(t, res), `<section id="flags">`)
	if !ok {
		t.Fatal("no 红黄旗 section")
	}
	section, _, _ = strings.Cut(section, "</section>")
	if !strings.Contains(section, "按红黄旗规则(总榜前3为红旗,总榜后3为黄旗,进位≥1为进步奖),本期共评出红旗 3 面、进步奖 ") {
		t.Errorf("summary missing:\n%s", section)
	}
	rows := strings.Count(section, "<tr><td>")
	if rows != len(res.Flags) || rows < 7 {
		t.Errorf("%d rows for %d flags", rows, len(res.Flags))
	}
	for _, f := range res.Flags {
		class := "top"
		if f.Kind == data.FlagYellow {
			class = "bottom"
		}
		if !strings.Contains(section, `<td>`+f.Unit+`</td><td><span class="badge `+class+`">`+f.Flag+`</span></td><td>`+f.Evidence) {
			t.Errorf("%s %s (%s) not shown as %s", f.Unit, f.Flag, f.Evidence, class)
		}
	}
}
