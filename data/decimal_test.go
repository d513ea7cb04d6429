package data

import (
	"math"
	"math/big"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

func TestFixed(t *testing.T) {
	tests := []struct {
		v    float64
		d    int
		want string
	}{
		{90.8, 2, "90.80"},
		{90.805, 2, "90.81"}, // binary 90.80499…, shown as Excel shows it
		{90.804, 2, "90.80"}, {2.5, 0, "3"}, {-2.5, 0, "-3"}, {99.995, 2, "100.00"},
		{0.125, 2, "0.13"}, {1e-7, 2, "0.00"}, {-0.001, 2, "0.00"}, {123, 1, "123.0"}, {9.99, 1, "10.0"},
		{66.66, 2, "66.66"}, {100, 0, "100"}, {-1.5, 0, "-2"}, {9255, 0, "9255"}, {-9.99, 1, "-10.0"},
		{41.666666666666664, 2, "41.67"},
	}
	for _, tt := range tests {
		if got := Fixed(tt.v, tt.d); got != tt.want {
			t.Errorf("Fixed(%v, %d) = %q, want %q", tt.v, tt.d, got, tt.want)
		}
	}
	if Round(90.805, 2) != Round(90.81, 2) {
		t.Error("equal after rounding must compare equal")
	}
	if math.Signbit(Round(-0.001, 2)) {
		t.Error("-0.001 should round to +0")
	}
}

// TestFixedRounding: Fixed rounds as big.Rat's FloatString does on the
// shortest decimal text, but never writes "-0".
func TestFixedRounding(t *testing.T) {
	rat := func(v float64, d int) string {
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(v, 'f', -1, 64))
		s := r.FloatString(d)
		if strings.Trim(s, "-0.") == "" {
			s = strings.TrimPrefix(s, "-")
		}
		return s
	}
	r := rand.New(rand.NewSource(1))
	values := []float64{0, -0.0, 0.5, 1.5, 2.5, -2.5, 9.995, 99.995, 999.5, 0.045, -0.001, 1e21, 123.456, 0.125, -0.125}
	for range 5000 {
		v := float64(r.Intn(2000000)-1000000) / math.Pow(10, float64(r.Intn(6)))
		values = append(values, v, v+0.005, r.NormFloat64()*1e4)
	}
	for _, v := range values {
		for d := range 5 {
			if got, want := Fixed(v, d), rat(v, d); got != want {
				t.Errorf("Fixed(%v, %d) = %q, big.Rat %q", v, d, got, want)
			}
		}
	}
}

// TestRoundHalfWay: three-decimal half-way values round on their decimal
// text, where binary arithmetic (math.Round(v*100)/100) disagrees on
// hundreds of them.
func TestRoundHalfWay(t *testing.T) {
	for i := range 10000 {
		s := strconv.Itoa(i/1000) + "." + strconv.Itoa(i/100%10) + strconv.Itoa(i/10%10) + "5"
		v, _ := strconv.ParseFloat(s, 64)
		want, _ := new(big.Rat).SetString(s)
		if got := Fixed(v, 2); got != want.FloatString(2) {
			t.Fatalf("Fixed(%s, 2) = %s, want %s", s, got, want.FloatString(2))
		}
	}
}
