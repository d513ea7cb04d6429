package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/width"
)

// SheetFlagRules is the optional sheet of flag rules: which units get a
// 红旗 or a 黄旗, and why (docs/flags.md). Without it the default rules
// apply (rank.DefaultFlagRules).
const SheetFlagRules = "红黄旗规则"

// Columns of 红黄旗规则.
const (
	colCondition = "条件"
	colFlag      = "旗帜"
	colRuleNote  = "说明"
)

// FlagKind says whether a flag honours a unit (red, 红旗 and awards) or
// warns it (yellow, 黄旗).
type FlagKind string

// The two kinds of flag, coloured as the tiers are.
const (
	FlagRed    FlagKind = "red"
	FlagYellow FlagKind = "yellow"
)

// FlagRule is one row of 红黄旗规则: a unit for which Cond holds gets Flag.
type FlagRule struct {
	// Rule is the condition in its canonical spelling ("连续2期总榜后3").
	Rule string   `json:"rule"`
	Flag string   `json:"flag"` // 红旗, 黄旗(警示), 进步奖
	Kind FlagKind `json:"kind"`
	Note string   `json:"note,omitempty"` // 说明
	Cond FlagCond `json:"-"`
	// File and Where place the rule ("2022-04.xlsx", "红黄旗规则!A3"), so
	// that a problem found when it is applied points at its cell; both
	// are "" for a default rule.
	File  string `json:"-"`
	Where string `json:"-"`
}

// NewFlagRule makes a rule from a condition and a flag as written.
func NewFlagRule(cond, flag string) (FlagRule, error) {
	c, err := ParseFlagCond(cond)
	if err != nil {
		return FlagRule{}, err
	}
	name, kind, err := parseFlag(flag)
	if err != nil {
		return FlagRule{}, err
	}
	return FlagRule{Rule: c.String(), Flag: name, Kind: kind, Cond: c}, nil
}

// Error places a problem found when the rule is applied at the rule's
// cell: `2022-04.xlsx: 红黄旗规则!A5: "管控力指数<88" 没有这项指标`.
func (r FlagRule) Error(err error) error {
	if r.File == "" && r.Where == "" {
		return fmt.Errorf("红黄旗规则「%s」: %w", r.Rule, err)
	}
	return ErrorAt(r.File, nil, r.Where, r.Rule, err)
}

// parseFlag reads a 旗帜 cell: the flag's name and its kind.
func parseFlag(s string) (string, FlagKind, error) {
	s = width.Narrow.String(stripSpace(s))
	switch {
	case s == "":
		return "", "", ErrNoFlag
	case strings.HasPrefix(s, "红"):
		return s, FlagRed, nil
	case strings.HasPrefix(s, "黄"):
		return s, FlagYellow, nil
	case strings.HasSuffix(s, "奖"):
		return s, FlagRed, nil
	}
	return "", "", ErrBadFlag
}

// arrows separate a condition from its flag in a one-cell rule.
var arrows = []string{"→", "->", "=>", "⇒", "➜"}

// splitArrow splits "总榜前3 → 红旗" into its condition and flag.
func splitArrow(s string) (string, string, bool) {
	for _, a := range arrows {
		if c, f, ok := strings.Cut(s, a); ok {
			return c, f, true
		}
	}
	return s, "", false
}

// ruleColumns are where a rules table's columns are: its header row (-1
// when it has none: then 条件, 旗帜, 说明 are columns A, B, C).
type ruleColumns struct{ header, cond, flag, note int }

func findRuleColumns(rows [][]string) ruleColumns {
	hr, cols := headerIndex(rows, colCondition)
	if hr < 0 {
		return ruleColumns{-1, 0, 1, 2}
	}
	at := func(name string) int {
		if j, ok := cols[name]; ok {
			return j
		}
		return -1
	}
	return ruleColumns{hr, cols[colCondition], at(colFlag), at(colRuleNote)}
}

// parseRuleRows reads the rules of a table; bad reports a problem at a
// 0-based row and column. where names a cell for the rule's messages.
func parseRuleRows(rows [][]string, where func(row, col int) string, bad func(row, col int, val string, err error)) []FlagRule {
	rc := findRuleColumns(rows)
	rules := []FlagRule{} // not nil: a sheet without rules awards no flags
	seen := map[string]int{}
	for i := rc.header + 1; i < len(rows); i++ {
		raw := strings.TrimSpace(cell(rows, i, rc.cond))
		if raw == "" || isNote(raw) || strings.HasPrefix(raw, "#") {
			continue
		}
		cond, flag, arrow := splitArrow(raw)
		if !arrow {
			flag = cell(rows, i, rc.flag)
		}
		r, err := NewFlagRule(cond, flag)
		if err != nil {
			col := rc.cond
			if !arrow && rc.flag >= 0 && (errors.Is(err, ErrBadFlag) || errors.Is(err, ErrNoFlag)) {
				col = rc.flag
			}
			bad(i, col, cell(rows, i, col), err)
			continue
		}
		key := r.Rule + "→" + r.Flag
		if first, dup := seen[key]; dup {
			bad(i, rc.cond, raw, fmt.Errorf("与第 %d 行的规则重复", first+1))
			continue
		}
		seen[key] = i
		r.Note = strings.TrimSpace(cell(rows, i, rc.note))
		r.Where = where(i, rc.cond)
		rules = append(rules, r)
	}
	return rules
}

// readFlagRules reads 红黄旗规则 into the period.
func (r *reader) readFlagRules(sheet string) {
	rows, _ := r.rows(sheet)
	where := func(row, col int) string {
		c, _ := excelize.CoordinatesToCellName(col+1, row+1)
		return sheet + "!" + c
	}
	rules := parseRuleRows(rows, where, func(row, col int, val string, err error) {
		r.errorAt(sheet, row, col, val, err)
	})
	for i := range rules {
		rules[i].File = r.file
	}
	r.period.FlagRules = rules
}

// ReadFlagRules reads flag rules from a file of their own (--flags): the
// 红黄旗规则 sheet of a workbook (or its only sheet), or a CSV with the
// same columns, in UTF-8 or in the GB18030 that Excel writes on Chinese
// Windows. Every bad rule is reported with its cell.
func ReadFlagRules(path string, opts Options) ([]FlagRule, error) {
	name := filepath.Base(path)
	fail := func(err error) error { return ErrorList{{File: name, Err: err, sheetIdx: -1}} }
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fail(fmt.Errorf("无法打开:%w", OSError(err)))
	}
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return flagRulesCSV(name, b)
	}
	if err := sniff(bytes.NewReader(b), name, int64(len(b)), opts); err != nil {
		return nil, fail(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: opts.maxUnzip(), UnzipXMLSizeLimit: opts.maxSheet()})
	if err != nil {
		return nil, fail(openError(err, opts.maxUnzip()))
	}
	defer f.Close()
	rd := newReader(f, name, opts)
	sheets := f.GetSheetList()
	sheet := ""
	for _, s := range sheets {
		if strings.TrimSpace(s) == SheetFlagRules {
			sheet = s
		}
	}
	if sheet == "" && len(sheets) != 1 {
		return nil, fail(fmt.Errorf("找不到「%s」工作表", SheetFlagRules))
	}
	if sheet == "" {
		sheet = sheets[0]
	}
	rd.readFlagRules(sheet)
	if err := rd.errs.Err(); err != nil {
		return nil, err
	}
	return rd.period.FlagRules, nil
}

// flagRulesCSV reads a CSV of rules; problems are placed at cells as a
// spreadsheet shows the file ("规则.csv: A3: …").
func flagRulesCSV(name string, b []byte) ([]FlagRule, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		if u, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil {
			b = u
		}
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, ErrorList{{File: name, Err: fmt.Errorf("不是有效的 CSV: %w", err), sheetIdx: -1}}
		}
		rows = append(rows, rec)
	}
	var errs ErrorList
	where := func(row, col int) string {
		c, _ := excelize.CoordinatesToCellName(col+1, row+1)
		return c
	}
	rules := parseRuleRows(rows, where, func(row, col int, val string, err error) {
		errs = append(errs, &CellError{File: name, Sheet: where(row, col), Value: val, Err: err, row: row, col: col})
	})
	for i := range rules {
		rules[i].File = name
	}
	return rules, errs.Err()
}
