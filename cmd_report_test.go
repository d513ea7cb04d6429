package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shaipin/rank"
)

// TestRunReport calls the command directly: the three files are written
// together, a cancelled run writes none, and when one cannot be put in
// place the earlier report stays whole.
func TestRunReport(t *testing.T) {
	dir := t.TempDir()
	opts := ReportOptions{Rules: rank.DefaultOptions(), Out: dir, Generated: time.Unix(1650000000, 0)}
	names := []string{"金华市2022年4月晒拼排名.html", "金华市2022年4月晒拼排名.xlsx", "金华市2022年4月晒拼排名.json"}
	read := func() map[string]string {
		got := map[string]string{}
		for _, n := range names {
			b, _ := os.ReadFile(filepath.Join(dir, n))
			got[n] = string(b)
		}
		return got
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := runReport(ctx, opts, io.Discard, io.Discard); err == nil {
		t.Error("a cancelled report succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled report wrote %v", entries)
	}

	var stdout bytes.Buffer
	if err := runReport(context.Background(), opts, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, names[0]) + "\n"; !strings.HasPrefix(stdout.String(), want) {
		t.Errorf("stdout %q", stdout.String())
	}
	first := read()

	// The JSON's place is taken by a folder: the HTML and Excel of the
	// next run must not replace the first run's.
	json := filepath.Join(dir, names[2])
	os.Remove(json)
	if err := os.MkdirAll(filepath.Join(json, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	opts.Generated = opts.Generated.Add(time.Hour)
	if err := runReport(context.Background(), opts, io.Discard, io.Discard); err == nil {
		t.Fatal("report over a folder succeeded")
	}
	after := read()
	for _, n := range names[:2] {
		if after[n] != first[n] {
			t.Errorf("%s changed although the report failed", n)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 5 { // and the notice's two files
		t.Errorf("left behind: %v", entries)
	}
	os.RemoveAll(json)
	if err := runReport(context.Background(), opts, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, n := range names[:2] {
		if read()[n] == first[n] {
			t.Errorf("%s does not change with the generation time: the check above proves nothing", n)
		}
	}
}
