// Package textwidth measures text as terminals, Excel columns and
// fixed-pitch layouts see it: in half-width cells, where an East Asian wide
// or full-width character (汉字, ，, Ａ) takes two and others one. It is the
// one width estimate of shaipin outside the browser (the HTML's charts
// measure in pixels, see charts).
package textwidth

import (
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Of is the width of s in half-width cells. ASCII and the CJK ideographs,
// nearly every character of a workbook, are settled without a table
// lookup: Excel column widths measure every cell of a sheet, 8.5 million
// at national scale.
func Of(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n += Rune(r)
	}
	return n
}

// Rune is the width of one character: 2 for East Asian wide and
// full-width characters, 1 otherwise.
func Rune(r rune) int {
	if r >= 0x4E00 && r <= 0x9FFF {
		return 2
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
