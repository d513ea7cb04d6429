package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readUnitLists reads the run's unit list (单位.xlsx): the units of every
// period whose workbook has no 单位 sheet. There can be one.
func readUnitLists(ins []Input, opts Options) (*unitBook, ErrorList, ErrorList) {
	if len(ins) == 0 {
		return nil, nil, nil
	}
	if len(ins) > 1 {
		var names []string
		for _, in := range ins {
			names = append(names, in.Name)
		}
		return nil, ErrorList{{File: ins[0].Name, Err: fmt.Errorf("单位名单只能有一个,这里有 %d 个:%s", len(ins), strings.Join(names, "、")), sheetIdx: -1}}, nil
	}
	in := ins[0]
	fail := func(err error) (*unitBook, ErrorList, ErrorList) {
		return nil, ErrorList{{File: in.Name, Err: err, sheetIdx: -1}}, nil
	}
	b, err := os.ReadFile(in.Path)
	if err != nil {
		return fail(fmt.Errorf("无法打开: %w", OSError(err)))
	}
	if err := sniff(bytes.NewReader(b), in.Name, int64(len(b)), opts); err != nil {
		return fail(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: opts.maxUnzip(), UnzipXMLSizeLimit: opts.maxSheet()})
	if err != nil {
		return fail(openError(err, opts.maxUnzip()))
	}
	defer f.Close()
	rd := newReader(f, in.Name, opts)
	for _, s := range f.GetSheetList() {
		if strings.TrimSpace(s) == SheetUnits {
			rd.readUnits(s)
		}
	}
	if len(rd.errs) > 0 {
		return nil, rd.errs, nil
	}
	if len(rd.units.order) == 0 {
		return fail(errors.New("单位名单是空的"))
	}
	note := &CellError{File: in.Name, Err: fmt.Errorf("单位名单(%d 个单位),用于没有「单位」表的各期", len(rd.units.order)), sheetIdx: -1}
	return rd.units, nil, ErrorList{note}
}

// canonical is the name a unit has across the run, and the workbook whose
// 单位 sheet (or unit list) gave it.
type canonical struct {
	name, source string
}

// unify gives every unit one name across the run: the aliases of the unit
// list and of every period's 单位 sheet apply to all periods. The unit
// list decides first, then the 单位 sheets from the latest period back.
// A period naming one unit twice under two names is an error.
func unify(results []*fileResult, listFile string, list *unitBook) (errs, notes ErrorList) {
	canon := map[string]canonical{}
	if list != nil {
		defineCanon(canon, list, listFile)
	}
	var own []*fileResult
	for _, r := range results {
		if r.book != nil && len(r.periods) > 0 {
			own = append(own, r)
		}
	}
	sort.SliceStable(own, func(i, j int) bool { return latest(own[i].periods) > latest(own[j].periods) })
	for _, r := range own {
		defineCanon(canon, r.book, r.name)
	}
	for _, r := range results {
		for _, p := range r.periods {
			e, n := rename(p, canon)
			errs, notes = append(errs, e...), append(notes, n...)
		}
	}
	return errs, notes
}

// defineCanon adds a unit book's names to canon: a unit any of whose names
// already has a canonical name keeps it.
func defineCanon(canon map[string]canonical, b *unitBook, source string) {
	names := map[string][]string{}
	for n, c := range b.lookup {
		names[c] = append(names[c], n)
	}
	for _, c := range b.order {
		group := names[c]
		sort.Strings(group)
		target := canonical{c, source}
		if t, ok := canon[c]; ok {
			target = t
		} else {
			for _, n := range group {
				if t, ok := canon[n]; ok {
					target = t
					break
				}
			}
		}
		for _, n := range append([]string{c}, group...) {
			if _, ok := canon[n]; !ok {
				canon[n] = target
			}
		}
	}
}

// rename gives a period's units their canonical names.
func rename(p *Period, canon map[string]canonical) (errs, notes ErrorList) {
	at := map[string]string{} // canonical → the name the period used
	var done []string
	for k, u := range p.Units {
		c, ok := canon[u]
		if !ok {
			c = canonical{name: u}
		}
		if prev, dup := at[c.name]; dup {
			errs = append(errs, &CellError{File: p.File, Err: fmt.Errorf("%w:「%s」和「%s」是同一单位(见 %s 的「单位」表)", ErrDuplicateUnit, prev, u, c.source), sheetIdx: -1})
			continue
		}
		at[c.name] = u
		if c.name != u {
			done = append(done, fmt.Sprintf("%s→%s(%s)", u, c.name, c.source))
			p.Units[k] = c.name
		}
	}
	if len(done) > 0 {
		notes = ErrorList{{File: p.File, Err: fmt.Errorf("按「单位」表统一单位名:%s", strings.Join(done, "、")), sheetIdx: -1}}
	}
	return errs, notes
}

// latest is the last month of periods.
func latest(ps []*Period) Month {
	var m Month
	for _, p := range ps {
		m = max(m, p.Month)
	}
	return m
}

// unitChanges warns, for each period, of the units that appear or
// disappear since the period before: a unit renamed without an alias
// would silently lose its history.
func unitChanges(ps []*Period) ErrorList {
	var warns ErrorList
	for i := 1; i < len(ps); i++ {
		prev, cur := ps[i-1], ps[i]
		if prev.Month == cur.Month {
			continue
		}
		added, gone := difference(cur.Units, prev.Units), difference(prev.Units, cur.Units)
		was := newUnitBook()
		for _, g := range gone {
			was.add(g)
		}
		paired := map[string]bool{}
		var fresh []string
		for _, a := range added {
			near := was.nearest(a)
			if near == "" || paired[near] || 2*editDistance(a, near) > len([]rune(a)) && !strings.Contains(a, near) && !strings.Contains(near, a) {
				fresh = append(fresh, a)
				continue
			}
			paired[near] = true
			warns = append(warns, &CellError{File: cur.File, Err: fmt.Errorf("单位「%s」是本期新出现的,上期(%s)的「%s」本期没有:是否同一单位改了名?如是,请在「单位」表中把「%s」列为「%s」的别名", a, prev.Month, near, a, near), sheetIdx: -1})
		}
		var lost []string
		for _, g := range gone {
			if !paired[g] {
				lost = append(lost, g)
			}
		}
		if len(fresh) > 0 {
			warns = append(warns, &CellError{File: cur.File, Err: fmt.Errorf("本期新出现的单位(上期 %s 没有):%s", prev.Month, strings.Join(fresh, "、")), sheetIdx: -1})
		}
		if len(lost) > 0 {
			warns = append(warns, &CellError{File: cur.File, Err: fmt.Errorf("上期(%s)有、本期没有的单位:%s", prev.Month, strings.Join(lost, "、")), sheetIdx: -1})
		}
	}
	return warns
}

// difference lists the names of a that are not in b, in a's order.
func difference(a, b []string) []string {
	in := map[string]bool{}
	for _, n := range b {
		in[n] = true
	}
	var out []string
	for _, n := range a {
		if !in[n] {
			out = append(out, n)
		}
	}
	return out
}
