package rank

import (
	"fmt"
	"shaipin/data"
	"strings"
	"testing"
	"unsafe"
)

// TestLongTieWhy: an explanation names at most TieListMax of the units
// it ties with and counts them all; the members past the named ones share
// one text, and every member shares one Tie list.
func TestLongTieWhy(t *testing.T) {
	var units, vals []string
	for i := range 14 {
		units = append(units, fmt.Sprintf("U%02d", i))
		vals = append(vals, "5")
	}
	vals[13] = "4"
	p := period([]*data.Indicator{ind("x")}, rowsFor(units, strings.Join(vals, " ")), units...)
	res, err := ComputePeriod(p, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	es := res.Indicators[0].Entries
	names := func(from, to int, skip string) string {
		var l []string
		for _, u := range units[from:to] {
			if u != skip {
				l = append(l, u)
			}
		}
		return strings.Join(l, "、")
	}
	for i, want := range map[int]string{
		0:  "(与" + names(1, 11, "") + "等 12 个单位并列",
		5:  "(与" + names(0, 11, "U05") + "等 12 个单位并列",
		12: "(与" + names(0, 10, "") + "等 12 个单位并列",
	} {
		if !strings.Contains(es[i].Why, want) {
			t.Errorf("%s: %q, want %q", es[i].Unit, es[i].Why, want)
		}
	}
	if unsafe.StringData(es[10].Why) != unsafe.StringData(es[12].Why) || es[9].Why == es[10].Why {
		t.Error("members past the named ones should share one text, the named ones have their own")
	}
	if len(es[0].Tie) != 13 || &es[0].Tie[0] != &es[12].Tie[0] || es[13].Tie != nil {
		t.Errorf("tie lists: %v, %v", es[0].Tie, es[13].Tie)
	}
}
