//go:build windows

package out

import (
	"errors"

	"golang.org/x/sys/windows"
)

// heldOpenOS recognises the errors Windows gives for a file another
// program holds open. Opening or reading one gives a sharing or lock
// violation. Replacing one (os.Rename, MoveFileEx) gives only "access
// denied", which a read-only file or a missing permission give too, so
// for it the file at path is asked whether someone else holds it.
func heldOpenOS(err error, path string) bool {
	if errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return true
	}
	return path != "" && errors.Is(err, windows.ERROR_ACCESS_DENIED) && heldByOther(path)
}

// heldByOther reports whether another program has path open without
// letting it be deleted or replaced, as Excel and WPS hold the workbook
// they show: asking for delete access, sharing everything, then fails
// with a sharing violation.
func heldByOther(path string) bool {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return false
	}
	share := uint32(windows.FILE_SHARE_READ | windows.FILE_SHARE_WRITE | windows.FILE_SHARE_DELETE)
	h, err := windows.CreateFile(p, windows.DELETE, share, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return errors.Is(err, windows.ERROR_SHARING_VIOLATION)
	}
	windows.CloseHandle(h)
	return false
}
