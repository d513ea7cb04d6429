package xlsx

import (
	"encoding/xml"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestAppendText checks the <t> element against XML: it decodes to the
// text (a literal "_x0041_" protected), keeps its outer spaces, and stops
// at Excel's 32,767 characters.
func TestAppendText(t *testing.T) {
	long := strings.Repeat("长", excelize.TotalCellChars+10)
	tests := []struct {
		in, want string
		space    bool
	}{
		{"婺城区", "婺城区", false},
		{"", "", false},
		{" a ", " a ", true},
		{"a\nb", "a\nb", false},
		{"<&>\"'", "<&>\"'", false},
		{"_x0041_", "_x005F_x0041_", false},
		{"\t缩进", "\t缩进", true},
		{long, long[:3*excelize.TotalCellChars], false},
		{"😀" + long, "😀" + long[:3*(excelize.TotalCellChars-2)], false},
	}
	for _, tt := range tests {
		b := appendText(nil, tt.in)
		var el struct {
			Text  string `xml:",chardata"`
			Space string `xml:"http://www.w3.org/XML/1998/namespace space,attr"`
		}
		if err := xml.Unmarshal(b, &el); err != nil {
			t.Errorf("%.20q: %v in %.60s", tt.in, err, b)
			continue
		}
		if el.Text != tt.want || (el.Space == "preserve") != tt.space {
			t.Errorf("%.20q: got %.20q space %q, want %.20q", tt.in, el.Text, el.Space, tt.want)
		}
	}
}

// TestAppendCellFloat: numbers are stored as excelize stores them.
func TestAppendCellFloat(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	r := rand.New(rand.NewSource(1))
	values := []float64{0, -0.0, 1, -1, 0.1, 52.7, 91.86, 1.0 / 3, 2.0 / 3, 1e15, 1e16 + 2, 123456789012345678, -9.87654321098765e-7,
		1e-300, 1e300, math.MaxFloat64, math.SmallestNonzeroFloat64, 0.1 + 0.2}
	for range 2000 {
		values = append(values, (r.Float64()-0.5)*math.Pow(10, float64(r.Intn(40)-20)))
	}
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetCellFloat("Sheet1", cell, v, -1, 64); err != nil {
			t.Fatal(err)
		}
		want, _ := f.GetCellValue("Sheet1", cell, excelize.Options{RawCellValue: true})
		if got := string(appendCellFloat([]byte("x"), v)[1:]); got != want {
			t.Errorf("%v: %q, excelize %q", v, got, want)
		}
	}
}
