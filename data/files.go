package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Input is one file to read.
type Input struct {
	Path string
	// Name is what messages call the file: its base name, or its path
	// when another input has the same base name (3月/义乌.xlsx and
	// 4月/义乌.xlsx).
	Name string
	// InDir is set for a file found by listing a folder, not named.
	InDir bool
}

// Listing is what the paths given to a command contribute: every file of
// a folder is either read or named in a note.
type Listing struct {
	// Inputs are the workbooks and CSV files to read, each once, in the
	// order given (a folder's in name order). Files that look like data
	// but cannot be read (.xls, .et, .ods) are among them: reading them
	// fails with a hint on how to convert them.
	Inputs []Input
	// Units are the unit lists found (a workbook holding only a 单位
	// sheet, such as 单位.xlsx): they name the units of every period.
	Units []Input
	// Notes say what was left out and why: report outputs, other files,
	// subfolders.
	Notes ErrorList
}

// ListOptions say how folders are listed.
type ListOptions struct {
	// Recursive reads the files of subfolders too (-r).
	Recursive bool
	// Skip are files to leave out silently when a folder holds them
	// (merge's own output and template), compared as SamePath does.
	Skip []string
}

// Extensions of the files a folder contributes.
var (
	// readableExts are read.
	readableExts = map[string]bool{".xlsx": true, ".xlsm": true, ".csv": true}
	// convertExts are spreadsheets that must be saved as .xlsx first: they
	// are inputs, so that reading them fails with the hint.
	convertExts = map[string]bool{".xls": true, ".et": true, ".ods": true, ".xlsb": true, ".numbers": true}
)

// systemFile reports whether a folder entry is a file the system or an
// office program made, not the user: Excel's ~$ lock files, LibreOffice's
// .~lock files, macOS and Windows folder files. They are skipped silently.
func systemFile(name string) bool {
	switch {
	case strings.HasPrefix(name, "~$"), strings.HasPrefix(name, ".~lock."), strings.HasPrefix(name, "._"):
		return true
	}
	switch strings.ToLower(name) {
	case ".ds_store", "thumbs.db", "desktop.ini", "__macosx":
		return true
	}
	return false
}

// List lists the files the paths contribute: a file as given, a folder by
// the rule of its entries (see docs/input.md). The errors are paths that
// cannot be opened and folders without any data file; the listing holds
// everything else.
func List(paths []string, opts ListOptions) (*Listing, ErrorList) {
	l := &lister{opts: opts, seen: map[string]bool{}, skip: map[string]bool{}}
	for _, s := range opts.Skip {
		l.skip[absPath(s)] = true
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case err != nil:
			l.errs = append(l.errs, &CellError{File: p, Err: fmt.Errorf("无法打开: %w", OSError(err)), sheetIdx: -1})
		case st.IsDir():
			if l.dir(p) == 0 {
				l.errs = append(l.errs, &CellError{File: p, Err: errors.New("目录中没有工作簿(.xlsx、.xlsm)或 CSV 文件"), sheetIdx: -1})
			}
		default:
			l.file(p, false)
		}
	}
	l.out.Inputs = named(l.out.Inputs)
	l.out.Units = named(l.out.Units)
	return &l.out, l.errs
}

// lister is the state of List.
type lister struct {
	opts ListOptions
	seen map[string]bool // absolute paths listed
	skip map[string]bool
	out  Listing
	errs ErrorList
}

// file adds one data file unless it was listed already, and returns its
// role. A report output found in a folder is left out (the caller notes
// it); one named is read, and reading it says what it is.
func (l *lister) file(p string, inDir bool) role {
	a := absPath(p)
	if l.seen[a] || (inDir && l.skip[a]) {
		return roleNone
	}
	l.seen[a] = true
	in := Input{Path: p, InDir: inDir}
	r := workbookRole(p)
	switch {
	case r == roleReport && inDir:
	case r == roleUnits:
		l.out.Units = append(l.out.Units, in)
	default:
		l.out.Inputs = append(l.out.Inputs, in)
	}
	return r
}

// dir lists a folder's entries and returns how many data files it gave.
func (l *lister) dir(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		l.errs = append(l.errs, &CellError{File: dir, Err: fmt.Errorf("无法读取目录: %w", OSError(err)), sheetIdx: -1})
		return 0
	}
	var outputs, others, subdirs []string
	n := 0
	for _, e := range entries {
		name, p := e.Name(), filepath.Join(dir, e.Name())
		ext := strings.ToLower(filepath.Ext(name))
		switch {
		case systemFile(name):
		case e.IsDir() || (e.Type()&os.ModeSymlink != 0 && isDir(p)):
			if !l.opts.Recursive {
				subdirs = append(subdirs, name)
			} else {
				n += l.dir(p)
			}
		case readableExts[ext] || convertExts[ext]:
			if l.file(p, true) == roleReport {
				outputs = append(outputs, name)
			} else {
				n++
			}
		case isReportOutput(p):
			outputs = append(outputs, name)
		default:
			others = append(others, name)
		}
	}
	l.note(dir, outputs, "跳过 shaipin report 生成的报告(不是输入数据)")
	l.note(dir, others, "不是工作簿,未读取")
	l.note(dir, subdirs, "子文件夹未读取(加 -r 一并读取)")
	return n
}

// note adds one note naming the files of a folder left out for a reason.
func (l *lister) note(dir string, names []string, why string) {
	if len(names) == 0 {
		return
	}
	l.out.Notes = append(l.out.Notes, &CellError{File: dir, Err: fmt.Errorf("%s:%s", why, strings.Join(names, "、")), sheetIdx: -1})
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// named sets each input's Name: the base name, or the path where two
// inputs share a base name.
func named(ins []Input) []Input {
	count := map[string]int{}
	for _, in := range ins {
		count[filepath.Base(in.Path)]++
	}
	for i, in := range ins {
		ins[i].Name = filepath.Base(in.Path)
		if count[ins[i].Name] > 1 {
			ins[i].Name = in.Path
		}
	}
	return ins
}

// Paths are the inputs' paths, in order.
func (l *Listing) Paths() []string {
	out := make([]string, len(l.Inputs))
	for i, in := range l.Inputs {
		out[i] = in.Path
	}
	return out
}

// SamePath reports whether two paths name the same file (by absolute
// path, as List compares them).
func SamePath(a, b string) bool { return absPath(a) == absPath(b) }

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
