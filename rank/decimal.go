package rank

import (
	"strconv"
	"strings"
)

// roundHalfUp rounds v to d decimals, half away from zero (四舍五入, as
// Excel's ROUND), working on v's shortest decimal form so 90.805 rounds to
// 90.81 although its binary value is a hair below. Values equal after
// rounding come back as the same float64, so they compare equal.
func roundHalfUp(v float64, d int) float64 {
	f, _ := strconv.ParseFloat(roundString(v, d), 64)
	return f
}

// roundString is roundHalfUp's decimal text with exactly d decimals.
func roundString(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	up := false
	if len(frac) > d {
		up = frac[d] >= '5'
		frac = frac[:d]
	}
	frac += strings.Repeat("0", d-len(frac))
	digits := []byte(intPart + frac)
	if up {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	n := len(digits) - d
	out := string(digits[:n])
	if d > 0 {
		out += "." + string(digits[n:])
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
