package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/out"
	"shaipin/rank"
	"shaipin/synth"
)

// TestPeerAgrees: the peer script reads generated workbooks (two-row
// headers, text figures, total and note rows, ties on whole numbers) and
// ranks them as shaipin does; the agreement check notices a difference.
func TestPeerAgrees(t *testing.T) {
	python, why := findPython("")
	if python == "" {
		t.Skip(why)
	}
	dir := t.TempDir()
	paths, err := synth.Generate(filepath.Join(dir, "in"), synth.Scale{Name: "t", Units: 60, Indicators: 30, Sheets: 3, Periods: 2}, 3)
	if err != nil {
		t.Fatal(err)
	}
	shaipin, peer := filepath.Join(dir, "shaipin"), filepath.Join(dir, "peer")
	writeShaipinJSON(t, paths, shaipin)
	cmd := exec.Command(python, append([]string{"peer.py", "-o", peer}, paths...)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("peer: %v\n%s", err, b)
	}
	if got := agreement(shaipin, peer); !strings.HasPrefix(got, "对照脚本与 shaipin 一致") || !strings.Contains(got, "30 项指标 × 60 个单位") {
		t.Fatal(got)
	}

	file, _ := filepath.Glob(filepath.Join(peer, "peer-*.json"))
	b, err := os.ReadFile(file[0])
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte(`"rank": 1,`), []byte(`"rank": 2,`), 1)
	if err := os.WriteFile(file[0], b, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := agreement(shaipin, peer); !strings.Contains(got, "1 处不一致") {
		t.Errorf("a changed rank went unnoticed: %s", got)
	}
}

// writeShaipinJSON writes the JSON `shaipin report` writes for paths.
func writeShaipinJSON(t *testing.T, paths []string, dir string) {
	t.Helper()
	ds, err := data.Load(data.Options{}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := out.JSON(&buf, res, out.JSONOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "leaderboard-"+res.Month.String()+".json"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
