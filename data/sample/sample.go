// Package sample holds the embedded demo dataset: Jinhua's ten units in
// 2022, compiled from the figures published in the county speeches at the
// first 2022 扛旗争先大晒拼 meeting (figures.tsv, with the quote each figure
// comes from). The package's tests build April's input workbook from it
// with data.WriteForm, and January to March simulated from April (and
// saying so); the builder lives in the tests because package data, which
// writes workbooks, embeds this one. The built files are committed and
// embedded; a test checks they agree with the builder (go test
// ./data/sample -update rewrites them).
package sample

import (
	"embed"
	"fmt"
)

// Months are the periods of the embedded sample: January to March are
// simulated from April's published figures so the demo shows movement;
// April is real.
var Months = []int{1, 2, 3, 4}

// FileNameOf is the embedded file name of a sample month.
func FileNameOf(month int) string { return fmt.Sprintf("2022-%02d.xlsx", month) }

// FileName is the name of the real (latest) sample month.
const FileName = "2022-04.xlsx"

//go:embed 2022-*.xlsx
var files embed.FS

// Xlsx is the embedded workbook of the real month, 2022-04.
var Xlsx = mustRead(FileName)

// Files returns every embedded month's workbook, oldest first.
func Files() (names []string, contents [][]byte) {
	for _, m := range Months {
		n := FileNameOf(m)
		names = append(names, n)
		contents = append(contents, mustRead(n))
	}
	return names, contents
}

func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("sample: missing embedded " + name) // a build defect, not input
	}
	return b
}

// FiguresTSV is the source table: group, indicator, measure, unit, value,
// stated_rank, quote.
//
//go:embed figures.tsv
var FiguresTSV string
