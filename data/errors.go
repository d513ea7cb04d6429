package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"syscall"
)

// Sentinel errors wrapped by CellError; test with errors.Is.
var (
	ErrNotNumber       = errors.New("不是数字")
	ErrFormulaError    = errors.New("公式结果是错误值")
	ErrFormula         = errors.New("公式无法计算")
	ErrNoUnitColumn    = errors.New("找不到单位列(表头应为 地区、单位、县(市、区)、县市区、区县 或 名称)")
	ErrDuplicateUnit   = errors.New("单位重复出现")
	ErrUnknownUnit     = errors.New("不在「单位」表中")
	ErrDuplicateInd    = errors.New("同一分组中指标重复")
	ErrBadDirection    = errors.New("方向只能是 正向/正向指标/越大越好 或 逆向/逆向指标/越小越好")
	ErrBadWeight       = errors.New("权重必须是不小于 0 的数字")
	ErrBadDecimals     = errors.New("小数位必须是 0 到 10 的整数")
	ErrBadYesNo        = errors.New("只能填 是 或 否")
	ErrBadLimit        = errors.New("下限、上限只能填数字(如 0、100)或 不限")
	ErrNoPeriod        = errors.New("无法确定期间:请在「参数」表填写 期间(如 2022-04),或把文件命名为 2022-04.xlsx")
	ErrBadPeriod       = errors.New("期间格式无法识别(应如 2022-04 或 2022年4月)")
	ErrDuplicatePeriod = errors.New("期间重复")
	ErrZeroWeights     = errors.New("参与排名指标的权重之和为 0")
	ErrNotWorkbook     = errors.New("不是 Excel 工作簿")
	ErrEmptyWorkbook   = errors.New("工作簿中没有数据表")
	ErrNoIndicators    = errors.New("没有读到任何指标")
	ErrTooLarge        = errors.New("文件过大")
	ErrPeriodMismatch  = errors.New("期间与文件名不一致")
	ErrReportOutput    = errors.New("这是 shaipin report 生成的汇总表,不是输入数据")
	ErrNoValues        = errors.New("没有任何数值")
)

// ErrUnzipLimit and ErrSheetLimit say which limit of Options refused a
// workbook (MaxUnzipSize, MaxSheetSize), so that a caller can say how to
// raise it; both are ErrTooLarge and print as it does.
var (
	ErrUnzipLimit = fmt.Errorf("%w", ErrTooLarge)
	ErrSheetLimit = fmt.Errorf("%w", ErrTooLarge)
)

// CellError is a problem at a place in a workbook: the file, and where known
// the sheet and cell. It prints as `2022-04.xlsx: 城市更新!D7: "9l.2" 不是数字`.
type CellError struct {
	File  string // base name of the workbook
	Sheet string // "" for a file-level problem
	Cell  string // "D7"; "" for a sheet-level problem
	Value string // the offending text, quoted in the message when not ""
	Err   error  // what is wrong; often one of the Err… sentinels wrapped with detail

	sheetIdx int // position of the sheet in the workbook, for sorting
	row, col int
}

// Error formats the problem on one line.
func (e *CellError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if e.Sheet != "" {
		b.WriteString(e.Sheet)
		if e.Cell != "" {
			b.WriteString("!")
			b.WriteString(e.Cell)
		}
		b.WriteString(": ")
	}
	if e.Value != "" {
		fmt.Fprintf(&b, "%q ", e.Value)
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *CellError) Unwrap() error { return e.Err }

// ErrorAt returns a problem found after reading, at where: "城市更新!D7",
// a range "城市更新!D3:D12" (placed at its first cell), or "" for the whole
// file. sheets is the workbook's sheet order, for sorting.
func ErrorAt(file string, sheets []string, where, value string, err error) *CellError {
	first, _, isRange := strings.Cut(where, ":")
	e := cellErrorAt(file, sheets, first, value, err)
	if isRange && e.Sheet != "" {
		e.Cell = strings.TrimPrefix(where, e.Sheet+"!")
	}
	return e
}

// ErrorList is a list of problems, printed one per line in position order
// (file, sheet order in the workbook, row, column), like go/scanner.ErrorList.
type ErrorList []*CellError

// Error prints every problem, one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the list by position.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.sheetIdx != b.sheetIdx {
			return a.sheetIdx < b.sheetIdx
		}
		if a.row != b.row {
			return a.row < b.row
		}
		return a.col < b.col
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Unwrap lets errors.Is and errors.As look at every problem.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// OSError says in words users read why the file system refused: 文件不存在,
// 没有访问权限, 磁盘空间不足… It leaves out the path the system error
// carries (for a file written atomically, a temporary name the user never
// sees): the caller names the real one. Errors it does not know keep the
// system's words.
func OSError(err error) error {
	for _, k := range osReasons {
		if errors.Is(err, k.err) {
			return errors.New(k.why)
		}
	}
	if why := platformReason(err); why != "" {
		return errors.New(why)
	}
	var pe *os.PathError
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	case errors.As(err, &se):
		return se.Err
	}
	return err
}

// osReasons are the file-system errors OSError words, most specific first.
var osReasons = []struct {
	err error
	why string
}{
	{fs.ErrNotExist, "文件不存在"},
	{fs.ErrPermission, "没有访问权限(文件或文件夹只读,或被其他程序占用)"},
	{syscall.ENOSPC, "磁盘空间不足"},
	{syscall.EROFS, "磁盘是只读的"},
	{syscall.ENOTDIR, "路径中有一级是文件而不是文件夹"},
	{syscall.EISDIR, "这是文件夹,不是文件"},
	{syscall.ENAMETOOLONG, "路径过长"},
	{fs.ErrExist, "已有同名的文件或文件夹"},
}
