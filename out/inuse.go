package out

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"shaipin/data"
)

// InUseError is a file that another program holds open so that it
// cannot be replaced or read: on Windows, the workbook Excel or WPS
// shows. It is the failure office users meet most, so it says what to do.
type InUseError struct {
	Path string // the file as the user knows it, never a temporary file
	Err  error  // what the system said
}

// Error names the file and says to close it.
func (e *InUseError) Error() string {
	return fmt.Sprintf("「%s」正被 Excel 或 WPS 打开,请关闭后重试", filepath.Base(e.Path))
}

// Unwrap returns what the system said.
func (e *InUseError) Unwrap() error { return e.Err }

// heldOpen reports whether err, met while opening, reading or replacing
// the file at path, says that another program holds it open; path may be
// "" when the file's location is not known. It is per system
// (inuse_windows.go; elsewhere an open file never stops another program)
// and a variable so that tests on any system can drive the translation.
var heldOpen = heldOpenOS

// inUse returns err as an *InUseError for path when it says another
// program holds path open; any other error unchanged.
func inUse(path string, err error) error {
	if err == nil || !heldOpen(err, path) {
		return err
	}
	return &InUseError{Path: path, Err: err}
}

// InUse returns err as an *InUseError when it says that another program
// holds a file open, named as err names it (a workbook's name in a
// data.CellError, the path of an *fs.PathError); any other error is
// returned unchanged. The files this package writes are translated
// already.
func InUse(err error) error {
	var iu *InUseError
	if err == nil || errors.As(err, &iu) || !heldOpen(err, "") {
		return err
	}
	var ce *data.CellError
	if errors.As(err, &ce) && ce.File != "" {
		return &InUseError{Path: ce.File, Err: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &InUseError{Path: pe.Path, Err: err}
	}
	return err
}
