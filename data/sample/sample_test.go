package sample

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite 2022-04.xlsx from figures.tsv")

// TestEmbeddedUpToDate checks the committed workbook is what figures.tsv builds.
func TestEmbeddedUpToDate(t *testing.T) {
	x, err := Workbook()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(FileName, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(buf.Bytes(), Xlsx) {
		t.Fatalf("%s is stale: run go test ./data/sample -update", FileName)
	}
}

func TestFiguresWellFormed(t *testing.T) {
	figs, err := Figures()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, u := range Units {
		known[u.Name] = true
	}
	seen := map[string]bool{}
	for _, f := range figs {
		if !known[f.Unit] {
			t.Errorf("unknown unit %q", f.Unit)
		}
		k := f.Group + "/" + f.Indicator + "/" + f.Unit
		if seen[k] {
			t.Errorf("duplicate figure %s", k)
		}
		seen[k] = true
		if f.Quote == "" {
			t.Errorf("%s: no source quote", k)
		}
	}
}
