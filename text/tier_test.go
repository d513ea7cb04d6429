package text

import (
	"strconv"
	"testing"

	"shaipin/rank"
)

func TestTierNames(t *testing.T) {
	o := rank.DefaultOptions()
	o.Top, o.Bottom = 5, 2
	for _, c := range []struct {
		tier rank.Tier
		name string
	}{
		{rank.Top, "前5位"}, {rank.Middle, "中间"}, {rank.Bottom, "后2位"}, {rank.None, "未报送"},
		{rank.Tier("bogus"), "未报送"},
	} {
		if got := StyleOf(c.tier).Name(o); got != c.name {
			t.Errorf("%s: %q, want %q", c.tier, got, c.name)
		}
	}
	want := Labels{Top: "前3位", Middle: "中间", Bottom: "后3位", Missing: "未报送"}
	if got := TierLabels(rank.DefaultOptions()); got != want {
		t.Errorf("TierLabels: %+v", got)
	}
}

// Every tier has its own class and code, and an unknown tier is shown as
// not ranked.
func TestTierTableDistinct(t *testing.T) {
	classes, codes := map[string]bool{}, map[byte]bool{}
	for _, tier := range []rank.Tier{rank.Top, rank.Middle, rank.Bottom, rank.None} {
		s := StyleOf(tier)
		if s.Tier != tier || classes[s.Class] || codes[s.Code] || s.Color == "" || s.OnColor == "" || s.ExcelChart == "" && tier != rank.None {
			t.Errorf("%s: %+v", tier, s)
		}
		classes[s.Class], codes[s.Code] = true, true
	}
	if s := StyleOf("bogus"); s.Tier != rank.None {
		t.Errorf("unknown tier: %+v", s)
	}
}

// rgb splits "#c0392b" or "C00000" into its channels.
func rgb(t *testing.T, c string) (r, g, b int) {
	t.Helper()
	if c[0] == '#' {
		c = c[1:]
	}
	n, err := strconv.ParseUint(c, 16, 32)
	if err != nil || len(c) != 6 {
		t.Fatalf("bad colour %q", c)
	}
	return int(n >> 16), int(n >> 8 & 0xff), int(n & 0xff)
}

// Red is honour and yellow marks the laggards, in every output; nothing is
// green.
func TestTierColours(t *testing.T) {
	top, bottom := StyleOf(rank.Top), StyleOf(rank.Bottom)
	for _, c := range []string{top.Color, top.Line, top.ExcelFill, top.ExcelText, top.ExcelChart} {
		if r, g, b := rgb(t, c); r < g+40 || r < b+40 {
			t.Errorf("top tier colour %s is not red", c)
		}
	}
	for _, c := range []string{bottom.Color, bottom.Line, bottom.ExcelFill, bottom.ExcelText, bottom.ExcelChart} {
		if r, g, b := rgb(t, c); r < b+60 || g < b+40 || r < g-20 {
			t.Errorf("bottom tier colour %s is not yellow", c)
		}
	}
	for _, tier := range []rank.Tier{rank.Top, rank.Middle, rank.Bottom, rank.None} {
		s := StyleOf(tier)
		for _, c := range []string{s.Color, s.OnColor, s.Line, s.ExcelFill, s.ExcelText, s.ExcelChart} {
			if c == "" {
				continue
			}
			if r, g, b := rgb(t, c); g > r+20 && g > b+20 {
				t.Errorf("%s: %s is green", tier, c)
			}
		}
	}
}
