package xlsx

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// key is a style for the tests: bold or not, a number format, and how its
// text is handled.
type key struct {
	text   Text
	bold   bool
	numFmt string
}

func (k key) Style() *excelize.Style {
	s := &excelize.Style{Font: &excelize.Font{Bold: k.bold}, Alignment: &excelize.Alignment{WrapText: k.text == Wrap}}
	if k.numFmt != "" {
		f := k.numFmt
		s.CustomNumFmt = &f
	}
	return s
}

func (k key) Text() Text { return k.text }

// write makes a workbook of the given sheets and returns its bytes.
func write(t *testing.T, opts Options, fills ...func(s *Sheet[key])) []byte {
	t.Helper()
	b := New[key](opts)
	defer b.Close()
	for i, fill := range fills {
		b.Sheet(string(rune('A'+i)), fill)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// table fills a small table: a title merged over a two-row header, then
// rows of text, numbers, integers, blanks and unique remarks.
func table(s *Sheet[key]) {
	s.Limit(4, 8, 12)
	s.Text(1, 1, "标题", key{text: Span, bold: true})
	s.Merge(1, 1, 4, 1, key{text: Span, bold: true})
	s.Height(1, 30)
	s.Text(1, 2, "单位", key{bold: true})
	s.Merge(1, 2, 1, 3, key{bold: true}) // a two-row header: row 3 after row 2's neighbour
	s.Text(2, 2, "数值", key{bold: true})
	s.Text(2, 3, "%", key{bold: true})
	for i, unit := range []string{"婺城区", "金东区", "兰溪市"} {
		row := 4 + i
		s.Text(1, row, unit, key{})
		s.Number(2, row, 52.7+float64(i), key{numFmt: "0.0"}, func() string { return "52.7" })
		s.Int(3, row, i+1, key{})
		if i == 1 {
			s.Blank(4, row, key{})
		} else {
			s.Text(4, row, "第"+strings.Repeat("长", 20*i+1)+"名", key{text: Unique})
		}
	}
	s.AutoFilter(1, 3, 4, 6)
	s.SetLayout(Layout{Cols: 4, HeadRows: 3, KeepCols: 1})
}

func TestBook(t *testing.T) {
	f := open(t, write(t, Options{Font: "等线", Footer: func(s string) string { return "&L" + s }}, table))
	rows, err := f.GetRows("A", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"标题"},
		{"单位", "数值"},
		{"", "%"},
		{"婺城区", "52.7", "1", "第长名"},
		{"金东区", "53.7", "2"},
		{"兰溪市", "54.7", "3", "第" + strings.Repeat("长", 41) + "名"},
	}
	for i := range want {
		if i >= len(rows) || !slices.Equal(rows[i], want[i]) {
			t.Fatalf("rows = %q\nwant %q", rows, want)
		}
	}
	merged, _ := f.GetMergeCells("A")
	var ranges []string
	for _, m := range merged {
		ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if !slices.Equal(ranges, []string{"A1:D1", "A2:A3"}) {
		t.Errorf("merged = %q", ranges)
	}
	// Both cells of the two-row merge carry its style.
	if a2, _ := f.GetCellStyle("A", "A2"); a2 == 0 {
		t.Errorf("A2 has no style")
	} else if a3, _ := f.GetCellStyle("A", "A3"); a3 != a2 {
		t.Errorf("A3 style %d, A2 %d", a3, a2)
	}
	if w, _ := f.GetColWidth("A", "D"); w != 12 {
		t.Errorf("D is %v wide, want its limit 12", w)
	}
	if w, _ := f.GetColWidth("A", "A"); w != Width("婺城区") {
		t.Errorf("A is %v wide, want %v", w, Width("婺城区"))
	}
	if h, _ := f.GetRowHeight("A", 1); h != 30 {
		t.Errorf("row 1 is %v high", h)
	}
	panes, _ := f.GetPanes("A")
	if !panes.Freeze || panes.XSplit != 1 || panes.YSplit != 3 {
		t.Errorf("panes = %+v", panes)
	}
	if dim, _ := f.GetSheetDimension("A"); dim != "A1:D6" {
		t.Errorf("dimension = %s", dim)
	}
	hf, _ := f.GetHeaderFooter("A")
	if hf.OddFooter != "&LA" {
		t.Errorf("footer = %q", hf.OddFooter)
	}
}

// TestFillOnce: a sheet's fill runs once, however the book is built and
// written.
func TestFillOnce(t *testing.T) {
	calls := 0
	b := New[key](Options{})
	defer b.Close()
	b.Sheet("A", func(s *Sheet[key]) { calls++; table(s) })
	if err := b.Build(); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(&bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("fill ran %d times", calls)
	}
}

func TestDeterministic(t *testing.T) {
	fills := []func(s *Sheet[key]){table, table, func(s *Sheet[key]) { s.Text(1, 1, "x", key{}) }}
	if a, b := write(t, Options{}, fills...), write(t, Options{}, fills...); !bytes.Equal(a, b) {
		t.Error("two writes differ")
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		fill func(s *Sheet[key])
		want string
	}{
		{"a row already recorded", func(s *Sheet[key]) {
			s.Text(1, 5, "a", key{})
			s.Text(1, 2, "b", key{})
		}, "第 2 行已写出后又被写入"},
		{"not a number", func(s *Sheet[key]) {
			s.Number(2, 1, math.NaN(), key{}, func() string { return "" })
		}, "B1 的值 NaN 不是 Excel 能存的数"},
		{"the caller's", func(s *Sheet[key]) { s.Fail(errors.New("坏了")) }, "坏了"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := New[key](Options{})
			defer b.Close()
			b.Sheet("A", tt.fill)
			if err := b.Write(&bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	b := New[key](Options{MaxRows: 30, MaxCols: 6})
	defer b.Close()
	b.Sheet("A", func(s *Sheet[key]) {
		if s.MaxRows() != 30 || s.MaxCols() != 6 {
			t.Errorf("limits %d × %d, want 30 × 6", s.MaxRows(), s.MaxCols())
		}
	})
	b.Build()
	if d := New[key](Options{}); d.opts.MaxRows != excelize.TotalRows || d.opts.MaxCols != excelize.MaxColumns {
		t.Errorf("default limits %d × %d", d.opts.MaxRows, d.opts.MaxCols)
	}
}
