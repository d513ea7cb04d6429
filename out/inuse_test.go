package out

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"

	"shaipin/data"
)

// fakeHeldOpen makes heldOpen say yes to what held says yes to, for the
// test; it records the paths asked about.
func fakeHeldOpen(t *testing.T, held func(err error, path string) bool) *[]string {
	t.Helper()
	var asked []string
	saved := heldOpen
	heldOpen = func(err error, path string) bool {
		asked = append(asked, path)
		return held(err, path)
	}
	t.Cleanup(func() { heldOpen = saved })
	return &asked
}

// TestBatchInUse: when the summary cannot be replaced because Excel holds
// it (driven through the seam: the Windows errors cannot occur here), the
// message names the file the user has open, not the temporary file, and
// the batch is undone.
func TestBatchInUse(t *testing.T) {
	const name = "金华市2022年4月晒拼排名.xlsx"
	dir := filepath.Join(t.TempDir(), "晒拼 报告")
	target := filepath.Join(dir, name)
	asked := fakeHeldOpen(t, func(err error, path string) bool {
		var le *os.LinkError
		return errors.As(err, &le) && path == target
	})
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "a.html"), []byte("old a"), 0o644)
	b := NewBatch(Guard{Force: true})
	b.Add(filepath.Join(dir, "a.html"), content("new a"))
	b.Add(target, content("new summary"))
	if err := b.Write(); err != nil {
		t.Fatal(err)
	}
	// Something takes the name between the check and the rename: the
	// rename fails, as it does when Excel holds the file.
	os.MkdirAll(filepath.Join(target, "x"), 0o755)
	err := b.Commit()
	var iu *InUseError
	if !errors.As(err, &iu) || iu.Path != target {
		t.Fatalf("got %v, want an InUseError for %s", err, target)
	}
	if want := "「" + name + "」正被 Excel 或 WPS 打开,请关闭后重试"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if !reflect.DeepEqual(*asked, []string{target}) {
		t.Errorf("asked about %q, want only the target", *asked)
	}
	if got := files(t, dir); !reflect.DeepEqual(got, map[string]string{"a.html": "old a", name: "<dir>"}) {
		t.Errorf("batch not undone: %v", got)
	}
}

// TestInUse: errors from reading that say a file is held open become the
// message naming it; every other error is left as it is.
func TestInUse(t *testing.T) {
	sharing := syscall.Errno(32) // Windows' ERROR_SHARING_VIOLATION
	fakeHeldOpen(t, func(err error, _ string) bool { return errors.Is(err, sharing) })
	held := &InUseError{Path: "汇总.xlsx", Err: sharing}
	other := errors.New("磁盘已满")
	for _, c := range []struct {
		name string
		err  error
		want string // "" for unchanged
	}{
		{"workbook read", &data.CellError{File: "2022-04.xlsx", Err: fmt.Errorf("无法打开: %w", sharing)}, "2022-04.xlsx"},
		{"path error", fmt.Errorf("读取模板: %w", &fs.PathError{Op: "open", Path: `D:\晒拼\上月 汇总.xlsx`, Err: sharing}), `D:\晒拼\上月 汇总.xlsx`},
		{"already translated", fmt.Errorf("x: %w", held), ""},
		{"other error", &fs.PathError{Op: "open", Path: "a.xlsx", Err: other}, ""},
		{"not a file", fmt.Errorf("wrapped: %w", sharing), ""},
		{"nil", nil, ""},
	} {
		got := InUse(c.err)
		if c.want == "" {
			if got != c.err {
				t.Errorf("%s: InUse changed %v to %v", c.name, c.err, got)
			}
			continue
		}
		var iu *InUseError
		if !errors.As(got, &iu) || iu.Path != c.want || !errors.Is(got, sharing) {
			t.Errorf("%s: InUse = %#v, want an InUseError for %s wrapping the cause", c.name, got, c.want)
		}
	}
}
