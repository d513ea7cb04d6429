package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// maxFuncLines and maxMedianLines keep functions short enough to read in
// one screen: no function outside tests over 80 lines, and a median of at
// most 15 (issue 11).
const (
	maxFuncLines   = 80
	maxMedianLines = 15
)

// TestFunctionLength walks every Go file of the module but tests and
// generated code and measures its functions.
func TestFunctionLength(t *testing.T) {
	fset := token.NewFileSet()
	var lengths []int
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if ast.IsGenerated(f) {
			return nil
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			n := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1
			lengths = append(lengths, n)
			if n > maxFuncLines {
				t.Errorf("%s: %s is %d lines (at most %d)", fset.Position(fn.Pos()), fn.Name.Name, n, maxFuncLines)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lengths) < 100 {
		t.Fatalf("only %d functions found", len(lengths))
	}
	slices.Sort(lengths)
	if median := lengths[len(lengths)/2]; median > maxMedianLines {
		t.Errorf("median function is %d lines (at most %d)", median, maxMedianLines)
	}
}
