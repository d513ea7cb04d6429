package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// dirRule says which files of a directory are inputs besides its .xlsx
// files (Excel's ~$ lock files never are).
type dirRule struct {
	// dotFiles keeps names starting with "." (hidden files, macOS ._
	// companions): Load has always read them, merge has always skipped
	// them.
	dotFiles bool
}

// workbooksIn lists the workbooks a directory contributes, in name order.
// It is the one place that decides it, for Load and for SubmissionFiles.
func workbooksIn(dir string, rule dirRule) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, ErrorList{{File: dir, Err: fmt.Errorf("无法读取目录: %w", unwrapPathErr(err))}}
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.EqualFold(filepath.Ext(name), ".xlsx") || strings.HasPrefix(name, "~$") {
			continue
		}
		if !rule.dotFiles && strings.HasPrefix(name, ".") {
			continue
		}
		files = append(files, filepath.Join(dir, name))
	}
	if len(files) == 0 {
		return nil, ErrorList{{File: dir, Err: errors.New("目录中没有 .xlsx 文件")}}
	}
	return files, nil
}

// eachInput calls add for every file the paths name: a file as given
// (inDir false), a directory's workbooks (inDir true). A path that cannot
// be opened stops it with an ErrorList.
func eachInput(paths []string, rule dirRule, add func(path string, inDir bool)) error {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return ErrorList{{File: p, Err: fmt.Errorf("无法打开: %w", unwrapPathErr(err))}}
		}
		if !st.IsDir() {
			add(p, false)
			continue
		}
		files, err := workbooksIn(p, rule)
		if err != nil {
			return err
		}
		for _, f := range files {
			add(f, true)
		}
	}
	return nil
}

// expand replaces directories by the workbooks in them, for Load.
func expand(paths []string) ([]string, error) {
	var files []string
	err := eachInput(paths, dirRule{dotFiles: true}, func(p string, _ bool) {
		files = append(files, p)
	})
	return files, err
}

// SubmissionFiles lists the returned forms to merge: files as given,
// directories replaced by their workbooks, each file once. A file found in
// a directory is left out when it is one of skip (the output of an
// earlier merge, the template), as SamePath tells. The list may be empty.
func SubmissionFiles(paths []string, skip ...string) ([]string, error) {
	var files []string
	seen, skipped := map[string]bool{}, map[string]bool{}
	for _, s := range skip {
		skipped[absPath(s)] = true
	}
	err := eachInput(paths, dirRule{}, func(p string, inDir bool) {
		a := absPath(p)
		if !seen[a] && !(inDir && skipped[a]) {
			seen[a] = true
			files = append(files, p)
		}
	})
	return files, err
}

// SamePath reports whether two paths name the same file (by absolute
// path, as SubmissionFiles compares them).
func SamePath(a, b string) bool { return absPath(a) == absPath(b) }

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
