package out

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
	"shaipin/synth"
)

// The print tests check the pages as an office prints them. The page
// counts come from LibreOffice (the workbook converted to PDF), installed
// here and in CI (.ci/run); the layout checks need no printer.

// libreOfficeUnit is the width in points that LibreOffice prints a column
// width unit at, at most: it lays 11 columns 10 wide across a landscape
// page of 784 points, and 24 columns 4.5 wide (xlsx.PageWidth plans with a
// little more).
const libreOfficeUnit = 7.13

// provinceResult ranks a province's two latest months as generated for
// the benchmarks (90 units × 200 indicators in 5 groups), with the
// robustness check and the plausibility checks, as `report` does. It is
// made once for all the tests that print it.
func provinceResult(t testing.TB) *rank.Result {
	t.Helper()
	return provinces[1].get(t, 2)
}

// provinceMonth is a province's latest month alone, as the meeting of one
// month ranks it: no 历史.
func provinceMonth(t testing.TB) *rank.Result {
	t.Helper()
	return provinces[0].get(t, 1)
}

// provinces are the province results of one and two months, made once.
var provinces [2]provinceCache

type provinceCache struct {
	once sync.Once
	res  *rank.Result
	err  error
}

// get generates, reads and ranks the province's last periods months.
func (c *provinceCache) get(t testing.TB, periods int) *rank.Result {
	t.Helper()
	c.once.Do(func() {
		dir, err := os.MkdirTemp("", "shaipin-province")
		if err != nil {
			c.err = err
			return
		}
		defer os.RemoveAll(dir)
		scale := synth.Province
		scale.Periods = periods
		files, err := synth.Generate(dir, scale, 1)
		if err != nil {
			c.err = err
			return
		}
		ds, err := data.Load(data.Options{}, files...)
		if err != nil {
			c.err = err
			return
		}
		c.res = richResult(t, ds)
	})
	if c.err != nil {
		t.Fatal(c.err)
	}
	return c.res
}

// lastPrinted is the last column a sheet prints: its print area's, or its
// last.
func lastPrinted(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	for _, n := range f.GetDefinedName() {
		if n.Scope == sheet && n.Name == "_xlnm.Print_Area" {
			m := regexp.MustCompile(`:\$([A-Z]+)\$`).FindStringSubmatch(n.RefersTo)
			last, err := excelize.ColumnNameToNumber(m[1])
			if err != nil {
				t.Fatal(err)
			}
			return last
		}
	}
	return lastCol(t, f, sheet)
}

// printedWidth is the width of the columns a sheet prints.
func printedWidth(t *testing.T, f *excelize.File, sheet string) float64 {
	t.Helper()
	w := 0.0
	for c := 1; c <= lastPrinted(t, f, sheet); c++ {
		name, _ := excelize.ColumnNumberToName(c)
		cw, _ := f.GetColWidth(sheet, name)
		w += cw
	}
	return w
}

// lastCol is the last column of a sheet's used range.
func lastCol(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	dim, err := f.GetSheetDimension(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col, _, err := excelize.CellNameToCoordinates(dim[strings.Index(dim, ":")+1:])
	if err != nil {
		t.Fatal(err)
	}
	return col
}

// TestExcelPrintWidths: the tables fitted to a page across print at 90 %
// or more, so that their 11-point text prints at 10 points at least; the
// remark columns that made them print at 70 % are left to the screen.
func TestExcelPrintWidths(t *testing.T) {
	books := map[string]*excelize.File{
		"sample":   openExcel(t, writeExcel(t, richResult(t, sampleData(t, nil)))),
		"province": openExcel(t, writeExcel(t, provinceResult(t))),
	}
	budget := xlsx.PageWidthPoints / 0.9 / libreOfficeUnit
	for name, f := range books {
		for _, sheet := range []string{"总榜", "分项排名", "前三后三", "数据核查", "说明"} {
			if w := printedWidth(t, f, sheet); w > budget {
				t.Errorf("%s %s prints %.1f units wide: at %.0f %%, beyond the %.1f that print at 90 %%",
					name, sheet, w, 100*budget*0.9/w, budget)
			}
		}
		for _, sheet := range []string{"总榜", "分项排名"} {
			if heads := headersOf(t, f, sheet); heads[lastPrinted(t, f, sheet)-1] == "说明" {
				t.Errorf("%s %s prints its 说明 column", name, sheet)
			}
		}
	}
}

// TestExcelPrintMatrix: a province's matrix is not squeezed onto one page:
// it prints at its scale, group by group, every page across no wider than
// a page, the rank and unit columns repeated on each.
func TestExcelPrintMatrix(t *testing.T) {
	res := provinceResult(t)
	b := writeExcel(t, res)
	f := openExcel(t, b)
	pl, err := f.GetPageLayout("排名矩阵")
	if err != nil {
		t.Fatal(err)
	}
	scale := int(*pl.AdjustTo)
	if scale < 70 || scale > 90 {
		t.Fatalf("matrix prints at %d %%", scale)
	}
	starts := append([]int{3}, sheetBreaks(t, b, 3, "colBreaks")...)
	if len(starts) < len(res.Groups()) {
		t.Errorf("%d pages across for %d groups", len(starts), len(res.Groups()))
	}
	starts = append(starts, lastCol(t, f, "排名矩阵")+1)
	keep := colsWidth(t, f, 1, 2)
	for i := 0; i+1 < len(starts); i++ {
		if w := keep + colsWidth(t, f, starts[i], starts[i+1]-1); w > xlsx.PageWidth(scale) {
			t.Errorf("page %d across (columns %d–%d) is %.1f units wide, more than %.1f", i+1, starts[i], starts[i+1]-1, w, xlsx.PageWidth(scale))
		}
		// Each page's first column starts a group, or continues one
		// with its name repeated.
		group, _ := f.GetCellValue("排名矩阵", cellName(t, starts[i], 3))
		if group == "" {
			t.Errorf("page %d across has no group header", i+1)
		}
	}
	for _, n := range f.GetDefinedName() {
		if n.Scope == "排名矩阵" && n.Name == "_xlnm.Print_Titles" && !strings.HasPrefix(n.RefersTo, "'排名矩阵'!$A:$B,") {
			t.Errorf("print titles %s do not repeat the unit columns", n.RefersTo)
		}
	}
}

// colsWidth is the width of columns c1..c2.
func colsWidth(t *testing.T, f *excelize.File, c1, c2 int) float64 {
	t.Helper()
	w := 0.0
	for c := c1; c <= c2; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		cw, _ := f.GetColWidth("排名矩阵", name)
		w += cw
	}
	return w
}

// sheetBreaks are the manual page breaks of the nth sheet, as the row or
// column that starts a page.
func sheetBreaks(t *testing.T, b []byte, n int, tag string) []int {
	t.Helper()
	doc := zipPart(t, b, "xl/worksheets/sheet"+strconv.Itoa(n)+".xml")
	section := regexp.MustCompile(`<` + tag + `[^>]*>.*?</` + tag + `>`).FindString(doc)
	var out []int
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllStringSubmatch(section, -1) {
		id, _ := strconv.Atoi(m[1])
		out = append(out, id+1)
	}
	return out
}

// TestExcelPrintBreaks: 分项排名 breaks its pages only between indicators,
// and 总榜's charts each start on a page of their own when they would not
// fit under what is above them: none is cut across two pages.
func TestExcelPrintBreaks(t *testing.T) {
	res := provinceResult(t)
	b := writeExcel(t, res)
	f := openExcel(t, b)
	firsts := map[int]bool{}
	row := headRowOf(t, f, "分项排名") + 1
	for _, ind := range res.Indicators {
		firsts[row] = true
		row += len(ind.Entries)
	}
	for _, r := range sheetBreaks(t, b, 2, "rowBreaks") {
		if !firsts[r] {
			t.Errorf("分项排名 breaks before row %d, inside an indicator", r)
		}
	}
	anchors := regexp.MustCompile(`<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>(\d+)</xdr:row>`).
		FindAllStringSubmatch(zipPart(t, b, "xl/drawings/drawing1.xml"), -1)
	breaks := sheetBreaks(t, b, 1, "rowBreaks")
	if len(anchors) < 3 {
		t.Fatalf("%d charts for 90 units, want them split over pages", len(anchors))
	}
	for _, a := range anchors {
		r, _ := strconv.Atoi(a[1])
		if !containsInt(breaks, r+1) {
			t.Errorf("the chart at row %d does not start a page (breaks %v)", r+1, breaks)
		}
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// pdfPages counts the pages of a PDF as LibreOffice writes it.
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestExcelPrintPages prints the sample's workbook and a province's
// through LibreOffice and bounds their pages: the sample's in a few dozen,
// the province's (a month of 90 units × 200 indicators) in what its
// 18,000 rows of 分项排名 need at a readable size and no more (README).
// LibreOffice takes half a minute over the province: -short skips it. Set
// SHAIPIN_PDF=DIR to keep the PDFs to look at.
func TestExcelPrintPages(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice takes half a minute to print a province")
	}
	office, err := exec.LookPath("libreoffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("libreoffice 未安装:CI 必须运行打印测试(.ci/run 会安装 libreoffice-calc): %v", err)
		}
		t.Skip("libreoffice 未安装,跳过打印测试")
	}
	dir := os.Getenv("SHAIPIN_PDF")
	if dir == "" {
		dir = t.TempDir()
	}
	books := []struct {
		name     string
		res      *rank.Result
		max, min int
	}{
		{"sample", richResult(t, sampleData(t, nil)), 32, 26},
		{"province", provinceMonth(t), 730, 660},
	}
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(t.TempDir(), "profile"),
		"--convert-to", "pdf", "--outdir", dir}
	for _, bk := range books {
		path := filepath.Join(dir, bk.name+".xlsx")
		if err := os.WriteFile(path, writeExcel(t, bk.res), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	start := time.Now()
	if out, err := exec.Command(office, args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	t.Logf("LibreOffice printed both in %v", time.Since(start).Round(time.Second))
	for _, bk := range books {
		pdf, err := os.ReadFile(filepath.Join(dir, bk.name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		n := len(pdfPage.FindAll(pdf, -1))
		t.Logf("%s: %d pages", bk.name, n)
		if n > bk.max || n < bk.min || !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Errorf("%s prints on %d pages, want %d to %d", bk.name, n, bk.min, bk.max)
		}
	}
}
