package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `shaipin notice` writes the Word and the Markdown notice; the same input
// gives the same bytes; --flags replaces the rules and a bad rule stops it
// with its cell.
func TestNoticeCommand(t *testing.T) {
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "通报-2022-04.docx"), filepath.Join(dir, "通报-2022-04.md")}
	runOK := func(args ...string) map[string][]byte {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"shaipin", "notice", "-o", dir}, args...), &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if stdout.String() != strings.Join(files, "\n")+"\n" {
			t.Errorf("stdout %q", stdout.String())
		}
		got := map[string][]byte{}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got[f] = b
		}
		return got
	}
	first, second := runOK(), runOK()
	for _, f := range files {
		if !bytes.Equal(first[f], second[f]) {
			t.Errorf("%s differs between two runs", f)
		}
	}
	rules := filepath.Join(dir, "规则.csv")
	if err := os.WriteFile(rules, []byte("条件,旗帜\n总榜前1,进步奖\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if md := string(runOK("--flags", rules)[files[1]]); !strings.Contains(md, "按红黄旗规则\uff08总榜前1为进步奖\uff09，本期共评出进步奖1项") {
		t.Errorf("--flags not applied:\n%s", md)
	}
	if err := os.WriteFile(rules, []byte("条件,旗帜\n总榜前,红旗\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	code := run([]string{"shaipin", "notice", "-o", dir, "--flags", rules}, &bytes.Buffer{}, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), `规则.csv: A2: "总榜前" 无法识别的条件`) {
		t.Errorf("bad rule: exit %d, %s", code, stderr.String())
	}
}
