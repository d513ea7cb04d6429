package out

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "leaderboard-2022-04.xlsx")
	if err := os.WriteFile(path, []byte("last month"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		w.Write([]byte("half a workb"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "last month" {
		t.Errorf("old file changed: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if b, _ := os.ReadFile(path); string(b) != "new" || st.Mode().Perm() != 0o644 {
		t.Errorf("new file %q mode %v", b, st.Mode())
	}
}

// content is a writer of fixed content.
func content(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// files reads every file of dir, by name; a folder reads as "<dir>".
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			got[e.Name()] = "<dir>"
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		got[e.Name()] = string(b)
	}
	return got
}

// TestBatch: every file of a batch is put in place, or none is; no
// temporary file or backup is left behind either way.
func TestBatch(t *testing.T) {
	old := map[string]string{"a.html": "old a"} // b.xlsx and c.json are new
	for _, c := range []struct {
		name    string
		writeB  func(io.Writer) error
		inWay   bool // a non-empty folder where c.json goes
		discard bool // Discard after Write instead of Commit
		wantErr bool
		want    map[string]string
	}{
		{"all written", content("new b"), false, false, false,
			map[string]string{"a.html": "new a", "b.xlsx": "new b", "c.json": "new c"}},
		{"a writer fails", func(io.Writer) error { return errors.New("excel failed") }, false, false, true, old},
		{"discarded", content("new b"), false, true, false, old},
		// a.html and b.xlsx are in place before c.json fails: a.html gets
		// its earlier content back, b.xlsx goes as it did not exist.
		{"last rename fails", content("new b"), true, false, true,
			map[string]string{"a.html": "old a", "c.json": "<dir>"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "a.html"), []byte("old a"), 0o644)
			if c.inWay {
				os.MkdirAll(filepath.Join(dir, "c.json", "x"), 0o755)
			}
			b := NewBatch(Guard{Force: true})
			b.Add(filepath.Join(dir, "a.html"), content("new a"))
			b.Add(filepath.Join(dir, "b.xlsx"), c.writeB)
			b.Add(filepath.Join(dir, "c.json"), content("new c"))
			err := b.Write()
			switch {
			case err == nil && c.discard:
				b.Discard()
			case err == nil:
				err = b.Commit()
			}
			if (err != nil) != c.wantErr {
				t.Errorf("error %v, want one: %v", err, c.wantErr)
			}
			if got := files(t, dir); !reflect.DeepEqual(got, c.want) {
				t.Errorf("files %v, want %v", got, c.want)
			}
		})
	}
}

// TestBatchFolderError: a folder that cannot be made fails the batch once,
// in Chinese, naming the folder and not the temporary files.
func TestBatchFolderError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "file"), []byte("x"), 0o644)
	out := filepath.Join(dir, "file", "报告")
	b := NewBatch(Guard{Command: "report"})
	for _, n := range []string{"a.html", "b.xlsx", "c.json"} {
		b.Add(filepath.Join(out, n), content("x"))
	}
	err := b.Write()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, "无法创建文件夹 "+out) || strings.Contains(msg, ".tmp") || strings.Contains(msg, "not a directory") {
		t.Errorf("message %q", msg)
	}
}
