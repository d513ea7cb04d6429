package text

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"shaipin/check"
	"shaipin/data"
	"shaipin/data/sample"
	"shaipin/rank"
)

// sampleNotice ranks the embedded sample as the command line does.
func sampleNotice(t *testing.T) (*rank.Result, Notice) {
	t.Helper()
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return res, NewNotice(res)
}

// said is what an indicator's paragraph says of one unit.
type said struct {
	rank  int
	value string // the figure as written, without its unit of measure
}

var (
	tieMark    = regexp.MustCompile("\uff08并列第(\\d+)\uff09$")
	leadNumber = regexp.MustCompile(`^-?\d+(\.\d+)?`)
	longForm   = regexp.MustCompile("共(\\d+)个单位排名\uff0c居前\\d+位的是([^\uff1b\u3002]*)(?:\uff1b居后\\d+位的是([^\uff1b\u3002]*))?")
)

// readList reads a list as IndicatorSentence writes it ("义乌市91.86分、金东区、
// 东阳市100%(并列第1)") into groups of units sharing a place, each with
// its stated tie rank (0 when untied) and value.
func readList(t *testing.T, units []string, list string) (groups [][]string, ties []int, values []string) {
	var pending []string
	for _, item := range strings.Split(list, "、") {
		unit := ""
		for _, u := range units {
			if strings.HasPrefix(item, u) && len(u) > len(unit) {
				unit = u
			}
		}
		if unit == "" {
			t.Fatalf("no unit in %q of %q", item, list)
		}
		pending = append(pending, unit)
		rest := strings.TrimPrefix(item, unit)
		if rest == "" {
			continue // a tie group goes on
		}
		tie := 0
		if m := tieMark.FindStringSubmatch(rest); m != nil {
			tie, _ = strconv.Atoi(m[1])
		}
		groups, ties, values = append(groups, pending), append(ties, tie), append(values, leadNumber.FindString(rest))
		pending = nil
	}
	return groups, ties, values
}

// readRanks reads the places a paragraph states: in a full list they are
// counted from the top, in a 后N list from the bottom (n units ranked).
func readRanks(t *testing.T, units []string, paragraph string) map[string]said {
	out := map[string]said{}
	place := func(list string, fromBottom bool, n int) {
		groups, ties, values := readList(t, units, list)
		pos := 1
		if fromBottom {
			for _, g := range groups {
				pos -= len(g)
			}
			pos += n
		}
		for i, g := range groups {
			r := pos
			if ties[i] > 0 {
				r = ties[i]
			}
			for _, u := range g {
				out[u] = said{r, values[i]}
			}
			pos += len(g)
		}
	}
	if _, list, ok := strings.Cut(paragraph, "排名由高到低依次为\uff1a"); ok {
		list, _, _ = strings.Cut(strings.TrimSuffix(list, "\u3002"), "\uff1b")
		place(list, false, 0)
	} else if m := longForm.FindStringSubmatch(paragraph); m != nil {
		n, _ := strconv.Atoi(m[1])
		place(m[2], false, n)
		if m[3] != "" {
			place(m[3], true, n)
		}
	}
	return out
}

// Every rank and figure the notice states agrees with the ranking, and so
// with the ranks and figures the 2022 speeches state (sample.CheckStated).
func TestNoticeAgreesWithSpeeches(t *testing.T) {
	res, n := sampleNotice(t)
	byName := map[string]string{}
	for _, b := range n.Body {
		for _, ind := range res.Indicators {
			if b.Kind == Paragraph && strings.HasPrefix(b.Text, ind.Name) && len(ind.Name) > len(byName[b.Text]) {
				byName[b.Text] = ind.Name
			}
		}
	}
	stated := map[string]map[string]said{}
	for text, name := range byName {
		stated[name] = readRanks(t, res.Units, text)
	}
	got := map[string]int{}
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			s, ok := stated[ind.Name][e.Unit]
			if !ok {
				if e.Tier == rank.Top || e.Tier == rank.Bottom {
					t.Errorf("%s: the notice does not name %s (%s)", ind.Name, e.Unit, e.Tier)
				}
				continue
			}
			if e.Rank == nil || s.rank != *e.Rank || s.value != e.Display {
				t.Errorf("%s/%s: the notice says 第%d %s, the ranking %s %s", ind.Name, e.Unit, s.rank, s.value, Rank(e), e.Display)
			}
			got[ind.Name+"/"+e.Unit] = s.rank
		}
	}
	figureValuesAgree(t, stated)
	problems, absent, checked, err := sample.CheckStated(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	for _, key := range absent {
		ind, unit, _ := strings.Cut(key, "/")
		if e := entry(res, ind, unit); e == nil || e.Tier != rank.Middle {
			t.Errorf("%s: a speech states its rank, the notice does not", key)
		}
	}
	if checked < 20 {
		t.Errorf("only %d stated ranks checked", checked)
	}
	t.Logf("%d stated ranks agree with the notice", checked)
}

// figureValuesAgree: every figure of the speeches the notice names is the
// speech's figure, written at the indicator's precision as every output
// writes it (the speech's 90.8 among 91.86 and 91.17 is 90.80): the same
// number, never rounded away.
func figureValuesAgree(t *testing.T, stated map[string]map[string]said) {
	figs, err := sample.Figures()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		s, ok := stated[f.Indicator][f.Unit]
		if !ok {
			continue
		}
		got, err1 := strconv.ParseFloat(s.value, 64)
		want, err2 := strconv.ParseFloat(f.Value, 64)
		if err1 != nil || err2 != nil || got != want || !strings.HasPrefix(s.value, f.Value) {
			t.Errorf("%s/%s: the notice says %s, the speech %s", f.Indicator, f.Unit, s.value, f.Value)
		}
	}
}

func entry(res *rank.Result, ind, unit string) *rank.Entry {
	for i := range res.Indicators {
		if res.Indicators[i].Name != ind {
			continue
		}
		for j := range res.Indicators[i].Entries {
			if e := &res.Indicators[i].Entries[j]; e.Unit == unit {
				return e
			}
		}
	}
	return nil
}

// The notice has the parts of a 公文 in order, a paragraph per unit, the
// flag list, and the 数据核查 appendix when there are findings.
func TestNoticeStructure(t *testing.T) {
	res, n := sampleNotice(t)
	var heads []string
	units := 0
	for _, b := range n.Body {
		switch {
		case b.Kind == Heading1:
			heads = append(heads, b.Text)
		case b.Kind == Paragraph && b.Lead != "":
			units++
		}
	}
	if got := strings.Join(heads, " "); got != "一、总体情况 二、分项情况 三、各单位情况 四、红黄旗情况" {
		t.Errorf("headings: %s", got)
	}
	if units != len(res.Units) {
		t.Errorf("%d unit paragraphs, want %d", units, len(res.Units))
	}
	last := n.Body[len(n.Body)-1]
	if last.Kind != TableBlock || len(last.Table.Rows) != len(res.Flags) {
		t.Errorf("the notice should end with the flag list: %+v", last)
	}
	if len(n.Appendices) != 0 {
		t.Errorf("appendix without findings")
	}
	res.Checks = check.Findings{{Period: data.NewMonth(2022, 4), File: "2022-04.xlsx", Sheet: "城市更新", Cell: "D7", Indicator: "年度投资完成率",
		Units: []string{"浦江县"}, Reason: "疑似小数"}}
	res.Provenance = map[data.Month]data.Provenance{data.NewMonth(2022, 1): data.Simulated, data.NewMonth(2022, 2): data.Simulated}
	n = NewNotice(res)
	if len(n.Appendices) != 1 || n.Appendices[0].Body[1].Table.Rows[0][2] != "2022年4月\uff0c城市更新!D7" {
		t.Errorf("appendix: %+v", n.Appendices)
	}
	note := "说明\uff1a2022年1—2月为模拟数据\uff0c仅供演示"
	if !strings.Contains(n.Body[2].Text+n.Body[1].Text, note) {
		t.Errorf("no provenance note: %q", n.Body[1].Text)
	}
}
