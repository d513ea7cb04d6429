package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/sync/errgroup"
)

// Options control reading.
type Options struct {
	// Period sets the period of a single input workbook, overriding its
	// 参数/期间 and its file name. With several inputs it is not used here:
	// it then chooses the current period when ranking.
	Period Month
	// MaxUnzipSize refuses a workbook that unpacks past this many bytes
	// (0: DefaultMaxUnzipSize), so a zip bomb is refused before it is read.
	MaxUnzipSize int64
	// MaxSheetSize refuses a workbook with a worksheet (or shared-string
	// table) that unpacks past this many bytes (0: DefaultMaxSheetSize).
	MaxSheetSize int64
	// Progress, when set, is told how many of the files Load reads are
	// done: once with 0 before the first, then as each one finishes.
	// Calls come one at a time, done increasing.
	Progress func(done, total int)
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

// Load reads workbooks (or directories of them) into a Dataset, one period
// per workbook. Every problem in every file is collected: the error is an
// ErrorList sorted by position. Files are read concurrently; the result
// does not depend on the order they finish in.
func Load(opts Options, paths ...string) (*Dataset, error) {
	files, err := expand(paths)
	if err != nil {
		return nil, err
	}
	if len(files) != 1 {
		opts.Period = 0
	}
	type result struct {
		ps          []*Period
		errs, warns ErrorList
	}
	results := make([]result, len(files))
	finished := opts.counter(len(files))
	var g errgroup.Group // reading never fails here: problems are collected
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, path := range files {
		g.Go(func() error {
			ps, warns, errs := readFile(path, opts)
			results[i] = result{ps, errs, warns}
			finished()
			return nil
		})
	}
	g.Wait()
	ds := &Dataset{}
	var errs ErrorList
	var all []*Period // also from files with problems, to name duplicates
	for _, r := range results {
		errs = append(errs, r.errs...)
		ds.Warnings = append(ds.Warnings, r.warns...)
		for _, p := range r.ps {
			if !p.Month.IsZero() {
				all = append(all, p)
			}
		}
		if len(r.errs) == 0 {
			ds.Periods = append(ds.Periods, r.ps...)
		}
	}
	errs = append(errs, checkDuplicatePeriods(all)...)
	ds.Warnings.Sort()
	if err := errs.Err(); err != nil {
		return ds, err
	}
	sortPeriods(ds.Periods)
	return ds, nil
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, os.ErrNotExist) {
			return errors.New("文件不存在")
		}
		if errors.Is(err, os.ErrPermission) {
			return errors.New("没有读取权限")
		}
		return pe.Err
	}
	return err
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

// readFile opens one workbook read-only and reads it.
func readFile(path string, opts Options) ([]*Period, ErrorList, ErrorList) {
	name := filepath.Base(path)
	fail := func(err error) ([]*Period, ErrorList, ErrorList) {
		return nil, nil, ErrorList{{File: name, Err: err, sheetIdx: -1}}
	}
	fh, err := os.Open(path)
	if err != nil {
		return fail(fmt.Errorf("无法打开: %w", unwrapPathErr(err)))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return fail(err)
	}
	if err := sniff(fh, st.Size(), opts); err != nil {
		return fail(err)
	}
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		return fail(err)
	}
	return Read(name, fh, opts)
}

// Read reads one workbook from r; name is its file name, used in messages
// and, failing 参数/期间 and opts.Period, for the period. A workbook holds one
// period, or several when it has a long-format sheet.
func Read(name string, r io.Reader, opts Options) (ps []*Period, warns, errs ErrorList) {
	defer func() {
		// A malformed part can panic inside the workbook library; the user
		// gets a message about the file, never a crash.
		if v := recover(); v != nil {
			ps, errs = nil, ErrorList{{File: name, Err: fmt.Errorf("%w:文件结构异常(%v),请用 Excel 打开后另存为 .xlsx", ErrNotWorkbook, v), sheetIdx: -1}}
		}
	}()
	limit := opts.maxUnzip()
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: opts.maxSheet()})
	if err != nil {
		return nil, nil, ErrorList{{File: name, Err: openError(err, limit), sheetIdx: -1}}
	}
	defer f.Close()
	rd := newReader(f, name, opts)
	ps = rd.read()
	rd.errs = append(rd.errs, checkDuplicatePeriods(ps)...)
	rd.errs.Sort()
	rd.warns.Sort()
	return ps, rd.warns, rd.errs
}

// openError explains why the workbook library refused a file.
func openError(err error, limit int64) error {
	if strings.Contains(err.Error(), "unzip size exceeds") || strings.Contains(err.Error(), "size limit") {
		return fmt.Errorf("%w:解压后超过 %d MB,已拒绝", ErrUnzipLimit, limit>>20)
	}
	return fmt.Errorf("%w:%v", ErrNotWorkbook, err)
}

// ReadBytes reads a workbook held in memory (the embedded sample, tests).
func ReadBytes(name string, b []byte, opts Options) (*Dataset, error) {
	if err := sniff(bytes.NewReader(b), int64(len(b)), opts); err != nil {
		return nil, ErrorList{{File: name, Err: err}}
	}
	ps, warns, errs := Read(name, bytes.NewReader(b), opts)
	ds := &Dataset{Warnings: warns}
	if err := errs.Err(); err != nil {
		return ds, err
	}
	ds.Periods = ps
	sortPeriods(ds.Periods)
	return ds, nil
}
