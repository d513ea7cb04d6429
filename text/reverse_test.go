package text

import (
	"strings"
	"testing"

	"shaipin/rank"
)

func TestRankBothEnds(t *testing.T) {
	four, three, one := 4, 3, 1
	tests := []struct {
		name  string
		e     rank.Entry
		worst string
		both  string
	}{
		{"tier from the other end", rank.Entry{Rank: &four, ReverseRank: &three, TiedWith: []string{"甲", "乙", "丙"}},
			"倒数并列第3", "并列第4(倒数并列第3)"},
		{"tied, tier from the rank", rank.Entry{Rank: &one, TiedWith: []string{"甲"}}, "", "并列第1"},
		{"untied", rank.Entry{Rank: &four}, "", "第4"},
		{"no rank", rank.Entry{}, "", "未报送"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromWorst(tt.e); got != tt.worst {
				t.Errorf("FromWorst = %q, want %q", got, tt.worst)
			}
			if got := RankBothEnds(tt.e); got != tt.both {
				t.Errorf("RankBothEnds = %q, want %q", got, tt.both)
			}
		})
	}
}

func TestReverseRule(t *testing.T) {
	got := ReverseRule(rank.DefaultOptions())
	for _, want := range []string{"最后 3 个名次时整组居后3位", "并列第4(倒数并列第3)"} {
		if !strings.Contains(got, want) {
			t.Errorf("ReverseRule lacks %q: %s", want, got)
		}
	}
}
