package textwidth

import "testing"

func TestOf(t *testing.T) {
	for s, want := range map[string]int{
		"":            0,
		"abc":         3,
		"金华":          4,
		"金华开发区(%)":    13,
		"２０２２年":       10,
		"，。":          4,
		"ｶ":           1, // half-width katakana
		"1平方公里以上片区改造": 21,
		"é":           1,
	} {
		if got := Of(s); got != want {
			t.Errorf("Of(%q) = %d, want %d", s, got, want)
		}
	}
}
