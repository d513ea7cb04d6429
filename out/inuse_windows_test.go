//go:build windows

package out

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows"

	"shaipin/data"
	"shaipin/data/sample"
)

func TestHeldOpenOS(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&fs.PathError{Op: "open", Path: "a.xlsx", Err: windows.ERROR_SHARING_VIOLATION}, true},
		{fmt.Errorf("无法打开: %w", windows.ERROR_LOCK_VIOLATION), true},
		{&os.LinkError{Op: "rename", Old: "a.tmp", New: "a.xlsx", Err: windows.ERROR_ACCESS_DENIED}, false}, // no path to ask
		{&fs.PathError{Op: "open", Path: "a.xlsx", Err: windows.ERROR_FILE_NOT_FOUND}, false},
	} {
		if got := heldOpenOS(c.err, ""); got != c.want {
			t.Errorf("heldOpenOS(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// holdLikeExcel opens path as Excel holds the workbook it shows: for
// reading and writing, letting others only read.
func holdLikeExcel(t *testing.T, path string) {
	t.Helper()
	p, _ := windows.UTF16PtrFromString(path)
	h, err := windows.CreateFile(p, windows.GENERIC_READ|windows.GENERIC_WRITE, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { windows.CloseHandle(h) })
}

// TestWorkbookHeldOpen: a workbook Excel holds open can be read, and
// replacing it fails with the message naming it.
func TestWorkbookHeldOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "晒拼 数据", "2022-04.xlsx")
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write(sample.Xlsx); return err }); err != nil {
		t.Fatal(err)
	}
	holdLikeExcel(t, path)
	if _, err := data.Load(data.Options{}, path); err != nil {
		t.Errorf("reading a workbook Excel holds: %v", err)
	}
	err := WriteFile(path, content("new"))
	var iu *InUseError
	if !errors.As(err, &iu) || iu.Path != path {
		t.Errorf("replacing it: %v, want an InUseError for %s", err, path)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
