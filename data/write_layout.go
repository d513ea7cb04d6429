package data

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"shaipin/textwidth"
)

// Layout of the data sheets WriteForm writes: a title row, then the header.
const (
	formTitleRow  = 1
	formHeaderRow = 2
	formUnitCol   = 1
)

// sheetLayout is one data sheet to write.
type sheetLayout struct {
	name   string
	inds   []*Indicator
	twoRow bool
}

// layoutSheets groups the indicators by sheet, in order of first
// appearance. A sheet whose groups differ from its name gets a two-row
// header; the reader finds it by a merged group cell spanning several
// columns, so a sheet whose only differing groups have a single indicator
// each cannot be written that way: those indicators move to a sheet named
// after their group, which keeps their group.
func layoutSheets(p *Period) ([]*sheetLayout, error) {
	if len(p.Indicators) == 0 {
		return nil, errors.New("没有指标,无法写出工作簿")
	}
	byName := map[string]*sheetLayout{}
	var order []*sheetLayout
	for _, ind := range p.Indicators {
		sheet := ind.Sheet
		if sheet == "" {
			sheet = ind.Group
		}
		l := byName[sheet]
		if l == nil {
			l = &sheetLayout{name: sheet}
			byName[sheet] = l
			order = append(order, l)
		}
		l.inds = append(l.inds, ind)
	}
	var out []*sheetLayout
	for _, l := range order {
		split, err := splitLoneGroups(l, byName)
		if err != nil {
			return nil, err
		}
		out = append(out, split...)
	}
	for _, l := range out {
		if n := excelSheetName(l.name); n != l.name {
			return nil, fmt.Errorf("工作表名「%s」不能用作 Excel 工作表名", l.name)
		}
		switch strings.TrimSpace(l.name) {
		case SheetParams, SheetUnits, SheetIndicators, SheetGuide, SheetFlagRules:
			return nil, fmt.Errorf("数据表不能叫「%s」", l.name)
		}
	}
	return out, nil
}

// splitLoneGroups returns l as it is, with a two-row header when some run
// of a foreign group has several indicators; otherwise the indicators of
// the sheet's own group stay and each foreign group gets its own sheet,
// recorded in byName.
func splitLoneGroups(l *sheetLayout, byName map[string]*sheetLayout) ([]*sheetLayout, error) {
	own := stripSpace(l.name)
	multi, differs := false, false
	runs := groupRuns(l.inds)
	for _, r := range runs {
		if r[0].Group != own {
			differs = true
			multi = multi || len(r) > 1
		}
	}
	if !differs || multi {
		l.twoRow = differs
		return []*sheetLayout{l}, nil
	}
	var out []*sheetLayout
	var keep []*Indicator
	for _, ind := range l.inds {
		if ind.Group == own {
			keep = append(keep, ind)
		}
	}
	if len(keep) > 0 {
		out = append(out, &sheetLayout{name: l.name, inds: keep})
	}
	for _, r := range runs {
		if r[0].Group == own {
			continue
		}
		name := excelSheetName(r[0].Group)
		if _, taken := byName[name]; taken || name != r[0].Group {
			return nil, fmt.Errorf("工作表「%s」中分组「%s」只有一项指标,无法写成两行表头", l.name, r[0].Group)
		}
		nl := &sheetLayout{name: name, inds: r}
		byName[name] = nl
		out = append(out, nl)
	}
	return out, nil
}

// groupRuns splits indicators into runs of the same group.
func groupRuns(inds []*Indicator) [][]*Indicator {
	var runs [][]*Indicator
	for _, ind := range inds {
		if n := len(runs); n > 0 && runs[n-1][0].Group == ind.Group {
			runs[n-1] = append(runs[n-1], ind)
			continue
		}
		runs = append(runs, []*Indicator{ind})
	}
	return runs
}

// excelSheetName makes a valid Excel sheet name: at most 31 characters,
// none of []:*?/\.
func excelSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > 31 {
		s = string([]rune(s)[:31])
	}
	return s
}

// headerText lays out an indicator header: the name in balanced lines of
// at most about eight wide characters, the unit on a line of its own. The
// reader drops line breaks in headers (splitHeader). It returns the text,
// its number of lines and the column width that holds it.
func headerText(name, unit string) (string, int, float64) {
	runes := []rune(name)
	k := max(1, int(math.Ceil(float64(textwidth.Of(name))/16)))
	per := max(1, (len(runes)+k-1)/k)
	var lines []string
	for i := 0; i < len(runes); i += per {
		lines = append(lines, string(runes[i:min(i+per, len(runes))]))
	}
	if unit != "" {
		lines = append(lines, "("+unit+")")
	}
	widest := 0.0
	for _, l := range lines {
		widest = max(widest, float64(textwidth.Of(l)))
	}
	return strings.Join(lines, "\n"), len(lines), max(10, widest*0.9+3)
}

// clip shortens s to at most n characters (Excel's limits on validation
// messages).
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
