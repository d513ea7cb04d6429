package data

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// missingWords are the ways offices write "no figure"; after narrowing and
// whitespace removal.
var missingWords = map[string]bool{
	"": true, "/": true, "无": true, "暂无": true, "未报送": true, "未报": true,
	"N/A": true, "n/a": true, "NA": true, "#N/A": true,
}

var (
	plainNumber = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)$`)
	groupedNum  = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`)
)

// isDashes reports whether s is only dash-like characters (—, ——, -, －, –).
func isDashes(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch r {
		case '-', '—', '–', '―', '─', '－', '‐', '‑', '−', '‒', '﹣':
		default:
			return false
		}
	}
	return true
}

// minusSigns are the characters pasted as a minus sign: − (U+2212, from
// Word and web pages), – ‒ ‐ ‑ (dashes and hyphens), ﹣ (U+FE63, from
// Chinese input methods); the full-width － is narrowed before.
var minusSigns = strings.NewReplacer("\u2212", "-", "\u2013", "-", "\u2012", "-", "\u2010", "-", "\u2011", "-", "\ufe63", "-")

// stripSpace removes every white-space character, half- or full-width.
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// parsedValue is the outcome of reading one cell.
type parsedValue struct {
	missing  bool
	number   float64
	decimals int
}

// parseText reads a value typed as text: "91.86", "52.7%", "1,234.5",
// "９１．８６", "91.86分", "17.9亿元" (when unit is 亿元). It never reads
// qualitative text such as "近1.1".
func parseText(raw, unit string) (parsedValue, error) {
	if p, ok := plainDecimal(raw); ok {
		return p, nil
	}
	s := width.Narrow.String(stripSpace(raw))
	if missingWords[s] || isDashes(s) {
		return parsedValue{missing: true}, nil
	}
	if strings.HasPrefix(s, "#") {
		return parsedValue{}, ErrFormulaError
	}
	s = minusSigns.Replace(s)
	switch {
	case strings.HasSuffix(s, "%"):
		s = strings.TrimSuffix(s, "%")
	case strings.HasSuffix(s, "分"):
		s = strings.TrimSuffix(s, "分")
	case unit != "" && unit != "%" && strings.HasSuffix(s, width.Narrow.String(unit)):
		s = strings.TrimSuffix(s, width.Narrow.String(unit))
	}
	if groupedNum.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	if !plainNumber.MatchString(s) {
		return parsedValue{}, ErrNotNumber
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return parsedValue{}, ErrNotNumber
	}
	dec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		dec = len(s) - i - 1
	}
	return parsedValue{number: f, decimals: dec}, nil
}

// parseNumber reads a numeric cell's raw stored value. Excel stores up to 17
// significant digits but shows 15; we keep what Excel shows (88.9, not
// 88.90000000000001). percent scales a %-formatted cell by 100.
func parseNumber(raw string, percent bool) (parsedValue, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return parsedValue{}, ErrNotNumber
	}
	f = excelRound(f)
	if percent {
		f = excelRound(f * 100)
	}
	return parsedValue{number: f, decimals: decimalsOf(f)}, nil
}

// excelRound rounds to 15 significant digits, as Excel displays numbers.
func excelRound(f float64) float64 {
	g, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return g
}

// decimalsOf counts the decimals of f's shortest representation.
func decimalsOf(f float64) int {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// describe is used in messages about a bad value.
func describe(err error, unit string) error {
	if err == ErrNotNumber && unit != "" {
		return fmt.Errorf("%w(本列单位为 %s)", ErrNotNumber, unit)
	}
	return err
}

// formatDecimals writes f with exactly d decimals.
func formatDecimals(f float64, d int) string { return strconv.FormatFloat(f, 'f', d, 64) }

// plainDecimal reads the common case quickly: ASCII digits with an
// optional sign and point, as most cells are.
func plainDecimal(s string) (parsedValue, bool) {
	if s == "" || len(s) > 24 {
		return parsedValue{}, false
	}
	dot, digits := -1, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && dot < 0:
			dot = i
		case (c == '-' || c == '+') && i == 0:
		default:
			return parsedValue{}, false
		}
	}
	if digits == 0 {
		return parsedValue{}, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return parsedValue{}, false
	}
	dec := 0
	if dot >= 0 {
		dec = len(s) - dot - 1
	}
	return parsedValue{number: f, decimals: dec}, true
}
