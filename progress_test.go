package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shaipin/rank"
)

// fakeTerminal is stderr on a terminal, for tests.
type fakeTerminal struct{ bytes.Buffer }

func (*fakeTerminal) IsTerminal() bool { return true }

func TestIsTerminal(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "stderr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for _, c := range []struct {
		name string
		w    interface{ Write([]byte) (int, error) }
		want bool
	}{
		{"terminal", &fakeTerminal{}, true},
		{"buffer", &bytes.Buffer{}, false},
		{"file", file, false},
	} {
		if got := isTerminal(c.w); got != c.want {
			t.Errorf("%s: isTerminal %v, want %v", c.name, got, c.want)
		}
	}
}

// TestProgressOff: nothing is shown in a pipe, under --quiet, or before
// the delay has passed.
func TestProgressOff(t *testing.T) {
	if p := startProgress(&bytes.Buffer{}, false, 0); p != nil {
		t.Error("progress on a pipe")
	}
	if p := startProgress(&fakeTerminal{}, true, 0); p != nil {
		t.Error("progress under --quiet")
	}
	var term fakeTerminal
	p := startProgress(&term, false, time.Hour)
	p.files(0, 2)
	p.files(1, 2)
	p.begin("排名")
	p.finish()
	if term.Len() != 0 {
		t.Errorf("a run shorter than the delay drew %q", term.String())
	}
}

// TestProgressLine: the stages and counts appear on one redrawn line,
// a warning written meanwhile keeps a line of its own, and the line is
// cleared at the end.
func TestProgressLine(t *testing.T) {
	var term fakeTerminal
	p := startProgress(&term, false, 0)
	p.files(0, 24)
	p.files(2, 24)
	p.writer(nil).Write([]byte("警告:x\n"))
	p.begin("排名")
	p.begin("写出", "HTML", "Excel", "JSON")
	p.did("HTML")
	p.finish()
	p.did("Excel") // after the end: nothing more
	got := term.String()
	for _, want := range []string{"读取 2/24 个文件…", "\r警告:x\n", "排名…", "写出 HTML、Excel、JSON…", "写出 Excel、JSON…"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress lacks %q:\n%q", want, got)
		}
	}
	if strings.Contains(got, "写出 JSON…") {
		t.Error("drawn after finish")
	}
	if last := got[strings.LastIndexByte(got, '\r'):]; strings.Trim(last, "\r ") != "" {
		t.Errorf("the line is not cleared at the end: %q", last)
	}
}

// TestReportProgress: a report on a terminal shows its stages, and its
// stdout (the paths written) is untouched by them.
func TestReportProgress(t *testing.T) {
	dir := t.TempDir()
	opts := ReportOptions{Rules: rank.DefaultOptions(), Out: dir, Generated: time.Unix(1650000000, 0)}
	var stdout bytes.Buffer
	var term fakeTerminal
	if err := runReport(context.Background(), opts, &stdout, &term); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"未指定输入文件", "排名…", "核查…", "写出 "} {
		if !strings.Contains(term.String(), want) {
			t.Errorf("stderr lacks %q:\n%q", want, term.String())
		}
	}
	if lines := strings.Split(strings.TrimSpace(stdout.String()), "\n"); len(lines) != 5 || !strings.HasPrefix(lines[0], dir) {
		t.Errorf("stdout %q", stdout.String())
	}

	term.Reset()
	opts.progressAfter = time.Hour // the run ends first
	if err := runReport(context.Background(), opts, &stdout, &term); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(term.String(), "排名") {
		t.Errorf("a quick report drew progress: %q", term.String())
	}
}
