package out

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// forbidden are the characters Windows refuses in a file name, besides
// the control characters.
const forbidden = `\/:*?"<>|`

// MaxNameLen is the longest file name Windows (NTFS, FAT32's long names)
// accepts, in UTF-16 code units: 255 Chinese characters, not 255 bytes.
const MaxNameLen = 255

// reserved are the device names of Windows: "CON.xlsx" and "nul .txt"
// name the console and the null device, not a file, whatever follows the
// first dot.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}

func init() {
	for _, d := range "0123456789¹²³" {
		reserved["COM"+string(d)] = true
		reserved["LPT"+string(d)] = true
	}
}

// NameError says why a file name cannot be used on Windows.
type NameError struct {
	Name string // the file name, without its folder
	Why  string // in Chinese, for the user
}

// Error says which name and why.
func (e *NameError) Error() string {
	return fmt.Sprintf("文件名「%s」在 Windows 上不能使用:%s", e.Name, e.Why)
}

// ValidName returns a *NameError when name (one path element, not a path)
// cannot be a file name on Windows: empty, a forbidden or control
// character, a trailing dot or space (Windows drops it), a device name
// such as CON or LPT1, or longer than MaxNameLen. Every file written here
// is checked, on every system: the reports are opened on Windows even
// when they were made elsewhere.
func ValidName(name string) error {
	bad := func(why string, args ...any) error { return &NameError{Name: name, Why: fmt.Sprintf(why, args...)} }
	if name == "" || name == "." || name == ".." {
		return bad("不是文件名")
	}
	if i := strings.IndexFunc(name, isForbidden); i >= 0 {
		r := []rune(name[i:])[0]
		if r < ' ' {
			return bad("含有控制字符 %U", r)
		}
		return bad("含有 Windows 不允许的字符 %c(%s 都不能用)", r, forbidden)
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return bad("以点或空格结尾,Windows 会把它去掉")
	}
	stem, _, _ := strings.Cut(name, ".")
	if stem = strings.TrimRight(stem, " "); reserved[strings.ToUpper(stem)] {
		return bad("%s 是 Windows 保留的设备名,请换一个名字", stem)
	}
	if n := len(utf16.Encode([]rune(name))); n > MaxNameLen {
		return bad("太长(%d 个字符,Windows 最多 %d 个)", n, MaxNameLen)
	}
	return nil
}

// SafeName makes text (a unit's name) usable inside a file name: each
// character Windows forbids becomes "_". The whole name is still checked
// by ValidName when the file is written.
func SafeName(s string) string {
	return strings.Map(func(r rune) rune {
		if isForbidden(r) {
			return '_'
		}
		return r
	}, s)
}

func isForbidden(r rune) bool { return r < ' ' || r == 0x7f || strings.ContainsRune(forbidden, r) }
