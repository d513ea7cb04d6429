package data

import (
	"fmt"
	"slices"
	"testing"
)

// TestLoadProgress: Load reports every file, bad ones too, from 0 up to
// the total, one call at a time (the race detector watches the counter).
func TestLoadProgress(t *testing.T) {
	dir := t.TempDir()
	for m := 1; m <= 5; m++ {
		writeFile(t, dir, fmt.Sprintf("2022-%02d.xlsx", m), monthBook(t, m))
	}
	writeFile(t, dir, "2022-06.xlsx", []byte("not a workbook"))
	var got []int
	totals := map[int]bool{}
	_, err := Load(Options{Progress: func(done, total int) {
		got = append(got, done)
		totals[total] = true
	}}, dir)
	if err == nil {
		t.Fatal("the bad file was read")
	}
	if want := []int{0, 1, 2, 3, 4, 5, 6}; !slices.Equal(got, want) || len(totals) != 1 || !totals[6] {
		t.Errorf("progress %v of %v, want %v of 6", got, totals, want)
	}
}
