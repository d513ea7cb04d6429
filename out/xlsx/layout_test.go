package xlsx

import "testing"

func TestTextLines(t *testing.T) {
	tests := []struct {
		text  string
		avail float64
		want  float64
	}{
		{"", 10, 1},
		{"一二三四五", 10, 1},  // 10 units: just fits
		{"一二三四五六", 10, 2}, // 12
		{"一二\n三四", 10, 2},
		{"abcdefghijk", 10, 2},
		{"一二三", 0, 6}, // no width: one unit a line, never a division by zero
	}
	for _, tt := range tests {
		if got := Lines(tt.text, tt.avail); got != tt.want {
			t.Errorf("Lines(%q, %v) = %v, want %v", tt.text, tt.avail, got, tt.want)
		}
	}
}
