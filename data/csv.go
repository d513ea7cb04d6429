package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// A CSV file is one table, read as a workbook with one sheet holding its
// cells as text: every rule of a data sheet applies, and cell references
// in messages are those Excel shows when it opens the file.

// isCSV reports whether a file name is a CSV file's.
func isCSV(name string) bool { return strings.EqualFold(filepath.Ext(name), ".csv") }

// readCSVFile reads a CSV file from disk as a workbook.
func readCSVFile(r io.Reader, size int64, name string, opts Options) ([]byte, error) {
	if size > opts.maxSheet() {
		return nil, fmt.Errorf("%w:CSV 文件 %d MB,超过单表上限 %d MB,已拒绝", ErrSheetLimit, size>>20, opts.maxSheet()>>20)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("无法读取: %w", OSError(err))
	}
	return csvWorkbook(b, name, opts)
}

// csvWorkbook turns a CSV file into an .xlsx holding its cells.
func csvWorkbook(b []byte, name string, opts Options) ([]byte, error) {
	if int64(len(b)) > opts.maxSheet() {
		return nil, fmt.Errorf("%w:CSV 文件超过单表上限 %d MB,已拒绝", ErrSheetLimit, opts.maxSheet()>>20)
	}
	text, err := decodeText(b)
	if err != nil {
		return nil, err
	}
	rows, err := csvRows(text)
	if err != nil {
		return nil, err
	}
	x := excelize.NewFile()
	defer x.Close()
	sheet := csvSheetName(name)
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, row := range rows {
		if len(row) == 0 {
			continue
		}
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(ref, cells); err != nil {
			return nil, fmt.Errorf("CSV 第 %d 行无法读取: %w", i+1, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeText reads a CSV file's text in the encodings Chinese offices
// save in: a byte-order mark says UTF-8 or UTF-16; failing one, text with
// NULs is UTF-16, valid UTF-8 is UTF-8, and anything else is GB18030
// (which GBK is part of), what Chinese Excel writes.
func decodeText(b []byte) (string, error) {
	var dec interface{ Bytes([]byte) ([]byte, error) }
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		dec = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	case bytes.IndexByte(b, 0) >= 0:
		// Text has no NUL but in UTF-16, where ASCII letters are half NUL:
		// after the letter in little-endian order, before it in big-endian.
		order := unicode.LittleEndian
		if bytes.IndexByte(b, 0)%2 == 0 {
			order = unicode.BigEndian
		}
		dec = unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()
	case utf8.Valid(b):
	default:
		dec = simplifiedchinese.GB18030.NewDecoder()
	}
	if dec != nil {
		var err error
		if b, err = dec.Bytes(b); err != nil {
			return "", fmt.Errorf("%w:CSV 文件的编码无法识别,请用 Excel 另存为「CSV UTF-8」或 .xlsx", ErrNotWorkbook)
		}
	}
	return string(b), nil
}

// csvRows parses CSV text into rows, one per line as Excel shows them:
// blank lines stay (as empty rows) so that row numbers match. The
// separator is the one the first line uses most: comma, tab or semicolon.
func csvRows(text string) ([][]string, error) {
	rd := csv.NewReader(strings.NewReader(text))
	rd.Comma = separator(text)
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = true
	var rows [][]string
	extra := 0 // line breaks inside quoted cells so far
	for {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			line := 0
			if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, fmt.Errorf("%w:CSV 第 %d 行格式有错(引号不配对?)", ErrNotWorkbook, line)
		}
		line, _ := rd.FieldPos(0)
		for len(rows) < line-1-extra {
			rows = append(rows, nil)
		}
		rows = append(rows, rec)
		for _, c := range rec {
			extra += strings.Count(c, "\n")
		}
	}
}

// separator picks the CSV separator the first line uses most.
func separator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, n := ',', strings.Count(first, ",")
	for _, c := range []rune{'\t', ';'} {
		if k := strings.Count(first, string(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

// compactMonth is a period written 202204.
var compactMonth = regexp.MustCompile(`(?:19|20)\d{2}(?:0[1-9]|1[0-2])`)

// csvSheetName is the sheet a CSV file's table is read as, which is also
// the group of its indicators: the file name without its period
// (城市更新2022-04.csv → 城市更新), or 数据.
func csvSheetName(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	base = periodYM.ReplaceAllString(base, "")
	base = compactMonth.ReplaceAllString(base, "")
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return -1
		}
		return r
	}, base)
	base = strings.Trim(base, " _-.()()")
	if base == "" {
		return "数据"
	}
	if r := []rune(base); len(r) > 31 {
		base = string(r[:31])
	}
	return base
}
