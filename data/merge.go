package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Errors of Merge, wrapped by CellError; test with errors.Is.
var (
	ErrNoSubmissions = errors.New("没有可合并的文件")
	ErrPeriodDiffers = errors.New("期间与本次汇总不一致")
	ErrExtraInd      = errors.New("模板中没有这项指标")
	ErrMissingInd    = errors.New("缺少模板中的指标")
	ErrMeasure       = errors.New("计量单位与模板不一致")
	ErrOtherUnit     = errors.New("填报单位以外的数据")
	ErrConflict      = errors.New("数值冲突")
	ErrFormPeriods   = errors.New("填报表只能有一期数据")
)

// Submission is one returned form to merge.
type Submission struct {
	File    string    // base name, for messages
	ModTime time.Time // last modification, for MergeOptions.PreferLatest
	Form    *Form
}

// MergeOptions control Merge.
type MergeOptions struct {
	// Template is the shape every submission must have: its period,
	// indicators, units and rules. Nil: the indicator set most submissions
	// share, and the period most of them are for.
	Template *Form
	// Period, when set, is the period being merged.
	Period Month
	// PreferLatest settles a conflict by taking the value of the file
	// modified last. Without it a conflict is an error.
	PreferLatest bool
}

// Merged is the outcome of Merge.
type Merged struct {
	// Form is the merged workbook: the reference shape with every figure
	// any submission gave. Values keep the submission's cell in Cell.
	Form *Form
	// Sources names, for each indicator of Form.Period and each unit, the
	// file its value came from; "" for no value.
	Sources [][]string
	// Missing lists the units no submission gave any figure for (未报送),
	// in unit order.
	Missing []string
	// Blank counts, for each unit with some figures, the indicators it
	// left without one.
	Blank map[string]int
	// Files lists, for each unit, the files that gave it figures, in
	// submission order.
	Files map[string][]string
	// Empty lists the submissions that gave no figure at all.
	Empty []string
	// Conflicts are the cells two files filled with different values.
	Conflicts []Conflict
	// Warnings did not stop the merge: figures outside 0–100 in a
	// percentage column, rules that differ from the template's.
	Warnings ErrorList
}

// Conflict is a cell filled by several files with different values.
type Conflict struct {
	Indicator *Indicator // of Merged.Form.Period
	Unit      string
	Entries   []Entry // every file's value, in submission order
	Chosen    int     // index into Entries of the value used; -1: unsettled
}

// Entry is one file's value for a cell.
type Entry struct {
	File    string
	ModTime time.Time
	Value   Value
}

// Merge combines the returned forms of one period into one, cell by cell.
// It checks each against the reference shape (MergeOptions.Template, or
// the one most submissions share), reports the units nobody gave figures
// for, and finds cells filled differently by two files. The error, when
// not nil, is an ErrorList; the Merged result is returned with it so the
// caller can still report.
func Merge(subs []Submission, opts MergeOptions) (*Merged, error) {
	if len(subs) == 0 {
		return nil, ErrorList{{Err: ErrNoSubmissions, sheetIdx: -1}}
	}
	ref := opts.Template
	if ref == nil {
		ref = majorityShape(subs)
	}
	period := opts.Period
	if period.IsZero() {
		if opts.Template != nil {
			period = opts.Template.Period.Month
		} else {
			period = majorityPeriod(subs)
		}
	}
	m := &merger{opts: opts, ref: ref, period: period, indIdx: map[string]int{}, unitIdx: map[string]int{}, sheets: map[string][]string{}}
	return m.run(subs)
}

type merger struct {
	opts    MergeOptions
	ref     *Form
	period  Month
	indIdx  map[string]int      // reference indicator key → index
	unitIdx map[string]int      // reference unit → index
	cells   [][][]Entry         // [indicator][unit] → entries
	sheets  map[string][]string // file → its sheet order, for messages
	book    *unitBook           // the reference's units and aliases
	errs    ErrorList
	warns   ErrorList
}

func (m *merger) run(subs []Submission) (*Merged, error) {
	rp := m.ref.Period
	for i, ind := range rp.Indicators {
		m.indIdx[ind.Key()] = i
	}
	m.book = newUnitBook()
	for k, u := range rp.Units {
		m.unitIdx[u] = k
		if err := m.book.define(u, strings.Join(m.ref.Aliases[u], "、")); err != nil {
			return nil, ErrorList{{Err: err, sheetIdx: -1}}
		}
	}
	m.cells = make([][][]Entry, len(rp.Indicators))
	for i := range m.cells {
		m.cells[i] = make([][]Entry, len(rp.Units))
	}
	res := &Merged{Blank: map[string]int{}, Files: map[string][]string{}}
	for _, s := range subs {
		if !m.add(s) {
			res.Empty = append(res.Empty, s.File)
		}
	}
	res.Form = m.settle(res)
	res.Warnings = m.warns
	res.Warnings.Sort()
	return res, m.errs.Err()
}

// add checks one submission and collects its values; it reports whether
// the submission gave any figure.
func (m *merger) add(s Submission) bool {
	p := s.Form.Period
	m.sheets[s.File] = s.Form.Sheets
	at := func(where, value string, err error) *CellError {
		return cellErrorAt(s.File, s.Form.Sheets, where, value, err)
	}
	paramsAt := ""
	for _, sh := range s.Form.Sheets {
		if strings.TrimSpace(sh) == SheetParams {
			paramsAt = sh
		}
	}
	if s.Form.Periods > 1 {
		m.errs = append(m.errs, at("", "", fmt.Errorf("%w(读到 %d 期)", ErrFormPeriods, s.Form.Periods)))
		return hasFigures(p)
	}
	if p.Month != m.period {
		m.errs = append(m.errs, at(paramsAt, p.Month.String(), fmt.Errorf("%w(本次汇总的是 %s,是否用了别的月份的表?)", ErrPeriodDiffers, m.period)))
		return hasFigures(p)
	}
	formUnit := ""
	if s.Form.Unit != "" {
		u, err := m.book.resolve(s.Form.Unit)
		if err != nil {
			m.errs = append(m.errs, at(paramsAt, s.Form.Unit, fmt.Errorf("填报单位%w", err)))
		} else {
			formUnit = u
		}
	}
	seen := map[string]bool{}
	gave := false
	for _, ind := range p.Indicators {
		key := ind.Key()
		seen[key] = true
		i, ok := m.indIdx[key]
		if !ok {
			m.errs = append(m.errs, at(ind.Sheet, ind.Name, fmt.Errorf("%w(分组「%s」),请勿改动表头、增加列", ErrExtraInd, ind.Group)))
			continue
		}
		want := m.ref.Period.Indicators[i]
		if ind.Unit != want.Unit {
			m.errs = append(m.errs, at(ind.Sheet, ind.Name, fmt.Errorf("%w:这里是「%s」,模板是「%s」", ErrMeasure, ind.Unit, want.Unit)))
			continue
		}
		if !sameRules(ind, want) {
			m.warns = append(m.warns, at(SheetIndicators, ind.Name, errors.New("指标说明与模板不一致,按模板")))
		}
		for k, v := range ind.Values {
			if !v.OK {
				continue
			}
			unit, err := m.book.resolve(p.Units[k])
			if _, known := m.unitIdx[unit]; err == nil && !known {
				err = ErrUnknownUnit
			}
			if err != nil {
				m.errs = append(m.errs, at(v.Cell, p.Units[k], err))
				continue
			}
			if formUnit != "" && unit != formUnit {
				m.errs = append(m.errs, at(v.Cell, formatValue(v), fmt.Errorf("%w:本文件是「%s」的填报表,却填了「%s」的「%s」", ErrOtherUnit, formUnit, unit, ind.Name)))
				continue
			}
			gave = true
			cell := &m.cells[i][m.unitIdx[unit]]
			*cell = append(*cell, Entry{File: s.File, ModTime: s.ModTime, Value: v})
		}
	}
	for _, want := range m.ref.Period.Indicators {
		if !seen[want.Key()] {
			m.errs = append(m.errs, at(want.Sheet, want.Name, fmt.Errorf("%w(分组「%s」),是否删改了表头?", ErrMissingInd, want.Group)))
		}
	}
	return gave
}

// settle picks each cell's value and builds the merged form.
func (m *merger) settle(res *Merged) *Form {
	rp := m.ref.Period
	p := &Period{Month: m.period, Title: rp.Title, Source: rp.Source, Settings: rp.Settings, Provenance: rp.Provenance,
		Units: append([]string(nil), rp.Units...)}
	if rp.Month != m.period {
		p.Title = m.period.Label() + "晒拼指标排名"
	}
	res.Sources = make([][]string, len(rp.Indicators))
	filled := make([]int, len(rp.Units))
	files := make([]map[string]bool, len(rp.Units))
	for k := range files {
		files[k] = map[string]bool{}
	}
	for i, want := range rp.Indicators {
		ind := *want
		ind.Values = make([]Value, len(rp.Units))
		res.Sources[i] = make([]string, len(rp.Units))
		for k, unit := range rp.Units {
			entries := m.cells[i][k]
			if len(entries) == 0 {
				continue
			}
			for _, e := range entries {
				if !files[k][e.File] {
					files[k][e.File] = true
					res.Files[unit] = append(res.Files[unit], e.File)
				}
			}
			chosen := m.choose(&ind, unit, entries, res)
			if chosen < 0 {
				continue
			}
			ind.Values[k] = entries[chosen].Value
			res.Sources[i][k] = entries[chosen].File
			filled[k]++
			if v := entries[chosen].Value; RateBounds(&ind) && (v.Number < 0 || v.Number > 100) {
				m.warns = append(m.warns, cellErrorAt(entries[chosen].File, m.sheets[entries[chosen].File], v.Cell, formatValue(v),
					fmt.Errorf("%s「%s」超出 0—100,请核对", unit, ind.Name)))
			}
		}
		p.Indicators = append(p.Indicators, &ind)
	}
	for k, unit := range rp.Units {
		switch {
		case len(files[k]) == 0:
			res.Missing = append(res.Missing, unit)
		case filled[k] < len(rp.Indicators):
			res.Blank[unit] = len(rp.Indicators) - filled[k]
		}
	}
	aliases := map[string][]string{}
	for _, u := range rp.Units {
		aliases[u] = m.ref.Aliases[u]
	}
	return &Form{Period: p, Aliases: aliases}
}

// choose returns the index of the entry to use, recording a conflict when
// the entries differ; -1 when the conflict is not settled.
func (m *merger) choose(ind *Indicator, unit string, entries []Entry, res *Merged) int {
	best := 0
	same := true
	for j, e := range entries {
		if e.Value.Number != entries[0].Value.Number {
			same = false
		} else if e.Value.Decimals > entries[best].Value.Decimals {
			best = j
		}
	}
	if same {
		return best
	}
	c := Conflict{Indicator: ind, Unit: unit, Entries: entries, Chosen: -1}
	if m.opts.PreferLatest {
		latest, tie := 0, false
		for j, e := range entries[1:] {
			switch {
			case e.ModTime.After(entries[latest].ModTime):
				latest, tie = j+1, false
			case e.ModTime.Equal(entries[latest].ModTime) && e.Value.Number != entries[latest].Value.Number:
				tie = true
			}
		}
		if !tie {
			c.Chosen = latest
		}
	}
	res.Conflicts = append(res.Conflicts, c)
	if c.Chosen >= 0 {
		return c.Chosen
	}
	// The error sits at the first entry that differs from the first.
	at := 0
	for j, e := range entries {
		if e.Value.Number != entries[0].Value.Number {
			at = j
			break
		}
	}
	var others []string
	for j, e := range entries {
		if j != at {
			others = append(others, fmt.Sprintf("%s %s 的 %s", e.File, e.Value.Cell, formatValue(e.Value)))
		}
	}
	why := ""
	if m.opts.PreferLatest {
		why = ";修改时间相同,无法判断哪份较新"
	}
	e := entries[at]
	m.errs = append(m.errs, cellErrorAt(e.File, m.sheets[e.File], e.Value.Cell, formatValue(e.Value),
		fmt.Errorf("与 %s 不一致(%s「%s」%w%s)", strings.Join(others, "、"), unit, ind.Name, ErrConflict, why)))
	return -1
}

// sameRules reports whether two indicators are ranked and checked the
// same way: their rules, 目标值 and plausible range.
func sameRules(a, b *Indicator) bool {
	return a.Direction == b.Direction && a.Weight == b.Weight && a.Decimals == b.Decimals &&
		a.Ranked == b.Ranked && a.Schedule == b.Schedule &&
		sameTarget(a.Target, b.Target) && a.Lower == b.Lower && a.Upper == b.Upper
}

func sameTarget(a, b *float64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// formatValue writes a value with its reported decimals.
func formatValue(v Value) string { return strconv.FormatFloat(v.Number, 'f', v.Decimals, 64) }

func hasFigures(p *Period) bool {
	for _, ind := range p.Indicators {
		for _, v := range ind.Values {
			if v.OK {
				return true
			}
		}
	}
	return false
}

// signature is a submission's indicator set in order.
func signature(p *Period) string {
	keys := make([]string, len(p.Indicators))
	for i, ind := range p.Indicators {
		keys[i] = ind.Key()
	}
	return strings.Join(keys, "\x00")
}

// majorityShape picks the reference among submissions: the indicator set
// most of them have (the first on a tie), and of those the form listing
// the most units.
func majorityShape(subs []Submission) *Form {
	count := map[string]int{}
	for _, s := range subs {
		count[signature(s.Form.Period)]++
	}
	var best *Form
	bestN := 0
	for _, s := range subs {
		n := count[signature(s.Form.Period)]
		if n > bestN || (n == bestN && signature(s.Form.Period) == signature(best.Period) && len(s.Form.Period.Units) > len(best.Period.Units)) {
			best, bestN = s.Form, n
		}
	}
	return best
}

// majorityPeriod is the period most submissions are for; the later one on
// a tie.
func majorityPeriod(subs []Submission) Month {
	count := map[Month]int{}
	for _, s := range subs {
		count[s.Form.Period.Month]++
	}
	var best Month
	for _, k := range sortedKeys(count) {
		if count[k] >= count[best] {
			best = k
		}
	}
	return best
}
