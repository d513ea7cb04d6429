// Package docx writes a notice (通报) as a Word document laid out to
// GB/T 9704-2012, 党政机关公文格式: A4, 天头 37 mm, 订口 28 mm, a type area
// of 156 × 225 mm holding 22 lines of 28 characters, title in 2号 小标宋,
// body in 3号 仿宋 with headings in 黑体 (一、) and 楷体 (（一）), page numbers
// "— 1 —" in 4号 宋体. The caller supplies every word in a Document; Write
// only sets them on the page.
//
// The document is built with github.com/gomutex/godocx (MIT) from its
// template, restyled: named paragraph styles (公文正文, 一级标题, …) so an
// office can adjust a style in Word or WPS instead of every paragraph, and
// the section's page, margins and document grid. godocx cannot create
// footers. Rather than a template document of ours, which would have to
// carry every part of a package (styles, settings, relationships) as
// hand-written XML and would still lose the second footer reference when
// godocx reads it, footer.go adds the two footer parts to godocx's package
// and puts the one reference godocx's section cannot hold into
// word/document.xml after writing: the hand-written XML is one footer
// paragraph, one settings element and one reference. The font table
// (fonts.go) and the core properties (properties.go) are the only other
// parts written by hand.
//
// Page numbers follow §7.5, not the simpler centred number: odd pages on the
// right, even pages on the left, one 字 in, so that a notice printed on both
// sides has its numbers on the outer edge as offices expect.
//
// The 22 × 28 page: a line grid of 28.95 pt (line pitch 579), also set as
// exact line spacing, puts 22 lines on a page; 3号 characters condensed by
// 0.25 pt put 28 on a line. There is no character grid (Word's
// linesAndChars): LibreOffice spreads Chinese lines out on one and leaves
// a gap after every number, while Word, WPS and LibreOffice all set the
// condensed characters 28 to the line without it.
//
// Output is deterministic: the same Document gives the same bytes (godocx's
// pseudo-version v0.1.6-0.20250811222946 writes the package's parts in
// sorted order with a fixed timestamp; v0.1.5 stamps them with the time of
// writing). Text cannot make Word refuse the file: characters that XML does
// not allow are written as U+FFFD.
package docx
