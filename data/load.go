package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/sync/errgroup"
)

// Options control reading.
type Options struct {
	// Period sets the period of a single input workbook, overriding its
	// 参数/期间 and its file name. With several inputs it is not used here:
	// it then chooses the current period when ranking, and settles a
	// workbook whose file name and 参数/期间 disagree when it is one of
	// the two.
	Period Month
	// MaxUnzipSize refuses a workbook that unpacks past this many bytes
	// (0: DefaultMaxUnzipSize), so a zip bomb is refused before it is read.
	MaxUnzipSize int64
	// MaxSheetSize refuses a workbook with a worksheet (or shared-string
	// table) that unpacks past this many bytes (0: DefaultMaxSheetSize).
	MaxSheetSize int64
	// Recursive reads the subfolders of the folders given.
	Recursive bool
	// Progress, when set, is told how many of the files Load reads are
	// done: once with 0 before the first, then as each one finishes.
	// Calls come one at a time, done increasing.
	Progress func(done, total int)

	run *runContext // what the whole run knows; set by Load
}

// runContext is what Load knows of the whole run when it reads one file.
type runContext struct {
	book   *unitBook       // the unit list (单位.xlsx) of periods without a 单位 sheet
	known  map[string]bool // unit names found in other files
	period Month           // --period of a run of several files
}

func (o Options) maxUnzip() int64 {
	if o.MaxUnzipSize > 0 {
		return o.MaxUnzipSize
	}
	return DefaultMaxUnzipSize
}

func (o Options) maxSheet() int64 {
	if o.MaxSheetSize > 0 {
		return min(o.MaxSheetSize, o.maxUnzip())
	}
	return min(DefaultMaxSheetSize, o.maxUnzip())
}

// DefaultMaxUnzipSize is the default limit on a workbook's unpacked size.
const DefaultMaxUnzipSize = 256 << 20

// DefaultMaxSheetSize is the default limit on one worksheet's unpacked XML:
// a national-scale sheet (2,844 units × 300 indicators) is about 30 MB.
const DefaultMaxSheetSize = 128 << 20

// fileResult is what reading one file gives.
type fileResult struct {
	name               string // the file's name in messages
	periods            []*Period
	warns, errs, notes ErrorList
	// book is the workbook's own 单位 sheet; nil without one.
	book *unitBook
	// guessed is set when a table's unit column was found without a
	// unit header or a 单位 sheet: its units may be the wrong way round.
	guessed bool
}

// Load reads workbooks, CSV files and folders of them (see List) into a
// Dataset, one period per workbook. Every problem in every file is
// collected: the error is an ErrorList sorted by position. Files are read
// concurrently; the result does not depend on the order they finish in.
//
// The run's units are one list: a unit list (单位.xlsx) names the units of
// every period without a 单位 sheet, and the aliases of any period's 单位
// sheet apply to every period.
func Load(opts Options, paths ...string) (*Dataset, error) {
	list, errs := List(paths, ListOptions{Recursive: opts.Recursive})
	ds := &Dataset{Notes: list.Notes}
	opts.run = &runContext{}
	if len(list.Inputs) != 1 {
		opts.run.period, opts.Period = opts.Period, 0
	}
	for _, in := range append(slices.Clone(list.Inputs), list.Units...) {
		ds.Sources = append(ds.Sources, in.Path)
	}
	book, uerrs, unotes := readUnitLists(list.Units, opts)
	errs = append(errs, uerrs...)
	if len(list.Inputs) == 0 && len(list.Units) > 0 {
		errs = append(errs, &CellError{File: list.Units[0].Name, Err: errors.New("只有单位名单,没有各期的数据工作簿"), sheetIdx: -1})
	}
	ds.Notes = append(ds.Notes, unotes...)
	opts.run.book = book
	results := readAll(list.Inputs, opts)
	rereadCrossed(list.Inputs, results, opts)
	var all []*Period // also from files with problems, to name duplicates
	for _, r := range results {
		errs = append(errs, r.errs...)
		ds.Warnings = append(ds.Warnings, r.warns...)
		ds.Notes = append(ds.Notes, r.notes...)
		for _, p := range r.periods {
			if !p.Month.IsZero() {
				all = append(all, p)
			}
		}
		if len(r.errs) == 0 {
			ds.Periods = append(ds.Periods, r.periods...)
		}
	}
	errs = append(errs, checkDuplicatePeriods(all)...)
	sortPeriods(ds.Periods)
	listFile := ""
	if len(list.Units) > 0 {
		listFile = list.Units[0].Name
	}
	uerrs, unotes = unify(results, listFile, book)
	errs = append(errs, uerrs...)
	ds.Notes = append(ds.Notes, unotes...)
	ds.Warnings = append(ds.Warnings, unitChanges(ds.Periods)...)
	ds.Warnings.Sort()
	ds.Notes.Sort()
	if err := errs.Err(); err != nil {
		return ds, err
	}
	return ds, nil
}

// readAll reads the inputs concurrently, one result per input.
func readAll(inputs []Input, opts Options) []*fileResult {
	results := make([]*fileResult, len(inputs))
	finished := opts.counter(len(inputs))
	var g errgroup.Group // reading never fails here: problems are collected
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, in := range inputs {
		g.Go(func() error {
			results[i] = readFile(in, opts)
			finished()
			return nil
		})
	}
	g.Wait()
	return results
}

// rereadCrossed reads again, knowing the unit names of the other files,
// a file whose indicators are named like their units: its table holds the
// units across the top, which the file alone could not tell. Only a file
// whose unit column was a guess (no unit header, no 单位 sheet) is read
// again, and only when more files take its indicator names for units than
// share its units.
func rereadCrossed(inputs []Input, results []*fileResult, opts Options) {
	sets := make([]map[string]bool, len(results))
	for i, r := range results {
		sets[i] = unitSet(r.periods)
	}
	var again []int
	for i, r := range results {
		if !r.guessed {
			continue
		}
		crossing, sharing := 0, 0
		for j := range results {
			if j == i {
				continue
			}
			if crossedNames(r.periods, sets[j]) >= 2 {
				crossing++
			}
			if overlaps(sets[i], sets[j]) {
				sharing++
			}
		}
		if crossing > sharing {
			again = append(again, i)
		}
	}
	for _, i := range again {
		known := map[string]bool{}
		for j := range results {
			if j != i && !slices.Contains(again, j) {
				maps.Copy(known, sets[j])
			}
		}
		if len(known) == 0 {
			continue
		}
		run := *opts.run
		run.known = known
		o := opts
		o.run = &run
		results[i] = readFile(inputs[i], o)
	}
}

// overlaps reports whether two sets share a member.
func overlaps(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// crossedNames counts the indicators of periods named like a known unit.
func crossedNames(ps []*Period, known map[string]bool) int {
	n := 0
	for _, p := range ps {
		for _, ind := range p.Indicators {
			if known[cleanName(ind.Name)] {
				n++
			}
		}
	}
	return n
}

// unitSet is the set of the periods' unit names.
func unitSet(ps []*Period) map[string]bool {
	set := map[string]bool{}
	for _, p := range ps {
		for _, u := range p.Units {
			set[u] = true
		}
	}
	return set
}

// checkDuplicatePeriods reports two workbooks (or sheets) of one period,
// naming both.
func checkDuplicatePeriods(ps []*Period) ErrorList {
	var errs ErrorList
	byPeriod := map[Month]*Period{}
	sorted := append([]*Period(nil), ps...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].File < sorted[j].File })
	for _, p := range sorted {
		if q, dup := byPeriod[p.Month]; dup {
			where := q.File
			if q.File == p.File {
				where = "本工作簿的另一张表"
			}
			errs = append(errs, &CellError{File: p.File, Err: fmt.Errorf("%w:与 %s 同为 %s", ErrDuplicatePeriod, where, p.Month), sheetIdx: -1})
			continue
		}
		byPeriod[p.Month] = p
	}
	return errs
}

// readFile reads one input file.
func readFile(in Input, opts Options) *fileResult {
	fail := func(err error) *fileResult {
		return &fileResult{errs: ErrorList{{File: in.Name, Err: err, sheetIdx: -1}}}
	}
	fh, err := os.Open(in.Path)
	if err != nil {
		return fail(fmt.Errorf("无法打开: %w", OSError(err)))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return fail(OSError(err))
	}
	if isCSV(in.Name) {
		b, err := readCSVFile(fh, st.Size(), in.Name, opts)
		if err != nil {
			return fail(err)
		}
		return readWorkbook(in.Name, bytes.NewReader(b), opts)
	}
	if err := sniff(fh, in.Name, st.Size(), opts); err != nil {
		return fail(err)
	}
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		return fail(err)
	}
	return readWorkbook(in.Name, fh, opts)
}

// readWorkbook reads one workbook from r; name is its file name, used in
// messages and, failing 参数/期间 and opts.Period, for the period. A
// workbook holds one period, or several when it has a long-format sheet.
func readWorkbook(name string, r io.Reader, opts Options) (res *fileResult) {
	defer func() {
		// A malformed part can panic inside the workbook library; the user
		// gets a message about the file, never a crash.
		if recover() != nil {
			res = &fileResult{errs: ErrorList{{File: name, Err: fmt.Errorf("%w:文件结构异常,请用 Excel 打开后另存为 .xlsx", ErrNotWorkbook), sheetIdx: -1}}}
		}
	}()
	limit := opts.maxUnzip()
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: opts.maxSheet()})
	if err != nil {
		return &fileResult{errs: ErrorList{{File: name, Err: openError(err, limit), sheetIdx: -1}}}
	}
	defer f.Close()
	if reportApp(part(f, "docProps/app.xml")) {
		return &fileResult{errs: ErrorList{{File: name, Err: ErrReportOutput, sheetIdx: -1}}}
	}
	rd := newReader(f, name, opts)
	res = &fileResult{name: name, periods: rd.read(), guessed: rd.guessed}
	if rd.ownUnits {
		res.book = rd.units
	}
	rd.errs = append(rd.errs, checkDuplicatePeriods(res.periods)...)
	rd.errs.Sort()
	rd.warns.Sort()
	rd.notes.Sort()
	res.errs, res.warns, res.notes = rd.errs, rd.warns, rd.notes
	return res
}

// openError explains why the workbook library refused a file.
func openError(err error, limit int64) error {
	if strings.Contains(err.Error(), "unzip size exceeds") || strings.Contains(err.Error(), "size limit") {
		return fmt.Errorf("%w:解压后超过 %d MB,已拒绝", ErrUnzipLimit, limit>>20)
	}
	return fmt.Errorf("%w:文件结构异常,无法打开,请用 Excel 打开后另存为 .xlsx", ErrNotWorkbook)
}

// ReadBytes reads a workbook (or, named .csv, a CSV file) held in memory:
// the embedded sample, a returned form, tests.
func ReadBytes(name string, b []byte, opts Options) (*Dataset, error) {
	if isCSV(name) {
		var err error
		if b, err = csvWorkbook(b, name, opts); err != nil {
			return nil, ErrorList{{File: name, Err: err, sheetIdx: -1}}
		}
	}
	return readBytes(name, b, opts)
}

// readBytes reads a workbook held in memory.
func readBytes(name string, b []byte, opts Options) (*Dataset, error) {
	if err := sniff(bytes.NewReader(b), name, int64(len(b)), opts); err != nil {
		return nil, ErrorList{{File: name, Err: err, sheetIdx: -1}}
	}
	res := readWorkbook(name, bytes.NewReader(b), opts)
	ds := &Dataset{Warnings: res.warns, Notes: res.notes}
	if err := res.errs.Err(); err != nil {
		return ds, err
	}
	ds.Periods = res.periods
	sortPeriods(ds.Periods)
	return ds, nil
}
