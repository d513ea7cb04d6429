package docx

import "math"

// The page of GB/T 9704-2012 §5: A4, 天头 37 mm, 订口 28 mm, a type area of
// 156 × 225 mm, so the right and bottom margins are what is left (26 mm,
// 35 mm). Word measures pages in twips (1/20 pt); the rounded values are
// the ones Chinese 公文 templates carry (2098, 1587, 1474, 1984).
var (
	pageWidth    = twips(210)
	pageHeight   = twips(297)
	marginTop    = twips(37)
	marginLeft   = twips(28)
	marginRight  = twips(26)
	marginBottom = twips(35)
	typeWidth    = pageWidth - marginLeft - marginRight  // 8845 twips, 156 mm
	typeHeight   = pageHeight - marginTop - marginBottom // 12756 twips, 225 mm
)

// Lines and characters of a page (§5.2.3: 22 × 28, filling the type area).
const (
	linesPerPage = 22
	charsPerLine = 28
)

// Font sizes in half-points, Word's unit: 2号 22 pt, 3号 16 pt, 4号 14 pt.
const (
	size2 = 44
	size3 = 32
	size4 = 28
)

// linePitch is the height of one line: the type area's height shared by 22
// lines, rounded down so that 22 always fit (579 twips, 28.95 pt). Every
// paragraph uses it as exact line spacing and the section's document grid
// repeats it, so Word, WPS and LibreOffice all put 22 lines on a page
// whether or not they honour the grid.
var linePitch = typeHeight / linesPerPage

// charPitch is the width of one 字 (§3.1): 28 of them fill the 156 mm
// line, so a 字 is 315.9 twips, a little narrower than the 16 pt (320
// twips) of a 3号 character.
var charPitch = float64(typeWidth) / charsPerLine

// footerDistance puts the middle of the page number's 一字线 7 mm below the
// type area (§7.5): Word measures the footer from the page's bottom edge
// to the bottom of the footer line, and the dashes of a 4号 line sit about
// 2.5 mm above its bottom.
var footerDistance = twips(35 - 7 - 2.5)

// headerDistance is Word's default for the unused header, 15 mm.
var headerDistance = twips(15)

// chars is the width of n 字 in twips.
func chars(n float64) int { return int(math.Round(n * charPitch)) }

// twips converts millimetres to twips.
func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// condense narrows every character by 0.25 pt (w:spacing, in 1/20 pt), so
// that 28 characters of 3号 fill the line exactly as the standard wants,
// in every reader. The section has a line grid only: with Word's
// character grid (linesAndChars) LibreOffice spreads Chinese lines out
// ("扛 旗 争 先 …") and puts a gap after every number, and Word and WPS set
// the condensed characters 28 to the line without it.
const condense = -5
