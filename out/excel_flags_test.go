package out

import (
	"strconv"
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

// 红黄旗 lists every flag in order, its 旗帜 cell filled as the tier of its
// colour, under the notice's sentence.
func TestExcelFlags(t *testing.T) {
	res, f, _ := sampleBook(t)
	if len(res.Flags) == 0 {
		t.Fatal("the sample has no flags")
	}
	if note, _ := f.GetCellValue("红黄旗", "A2"); !strings.Contains(note, "按默认红黄旗规则(总榜前3为红旗,总榜后3为黄旗)") {
		t.Errorf("note %q", note)
	}
	for i, fl := range res.Flags {
		row := strconv.Itoa(4 + i)
		var got []string
		for _, col := range []string{"A", "B", "C", "D", "E"} {
			v, _ := f.GetCellValue("红黄旗", col+row)
			got = append(got, v)
		}
		want := []string{strconv.Itoa(i + 1), fl.Unit, fl.Flag, fl.Evidence, fl.Rule}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("row %s: %q, want %q", row, got, want)
		}
		tier := rank.Top
		if fl.Kind == data.FlagYellow {
			tier = rank.Bottom
		}
		if fill := fillOf(t, f, "红黄旗", "C"+row); fill != tierFill[tier] {
			t.Errorf("row %s: fill %s, want %s", row, fill, tierFill[tier])
		}
	}
}
