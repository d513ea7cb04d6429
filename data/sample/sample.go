// Package sample holds the embedded demo dataset: Jinhua's ten units in
// 2022年1—4月, compiled from the figures published in the county speeches
// at the first 2022 扛旗争先大晒拼 meeting (figures.tsv, with the quote
// each figure comes from). Workbook() builds the input workbook from it;
// the built file is committed as 2022-04.xlsx and embedded, and a test
// checks the two agree (go test ./data/sample -update rewrites it).
package sample

import (
	_ "embed"
)

// FileName is the name the embedded workbook is read under.
const FileName = "2022-04.xlsx"

// Xlsx is the embedded sample workbook.
//
//go:embed 2022-04.xlsx
var Xlsx []byte

// FiguresTSV is the source table: group, indicator, measure, unit, value,
// stated_rank, quote.
//
//go:embed figures.tsv
var FiguresTSV string
