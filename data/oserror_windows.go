package data

import (
	"errors"
	"syscall"
)

// platformReason words the Windows errors of a file held open by another
// program (Excel keeps the workbooks it shows locked).
func platformReason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) && (errno == 32 || errno == 33) { // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
		return "文件被其他程序占用(如正在用 Excel 打开),请关闭后重试"
	}
	return ""
}
