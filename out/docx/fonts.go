package docx

import (
	"fmt"
	"strings"
)

// The fonts of GB/T 9704-2012, named as Chinese government templates name
// them, so that a machine with the official fonts (方正小标宋简体 and the
// *_GB2312 fonts most offices install) shows them as intended. WPS maps the
// *_GB2312 names to its own 仿宋/楷体 when they are missing; Word looks up
// the alternative names in the font table below. Latin letters and
// digits take Times New Roman, except in the page number (§7.5: 宋体).
const (
	fontTitle    = "方正小标宋简体"
	fontBody     = "仿宋_GB2312"
	fontHeading1 = "黑体"
	fontHeading2 = "楷体_GB2312"
	fontPageNum  = "宋体"
	fontLatin    = "Times New Roman"
)

// fontTable lists each font with the names a missing one falls back to
// (w:altName, comma-separated) and its character set (86: GB2312), which
// Word uses to substitute a font it does not have: 仿宋_GB2312 becomes
// 仿宋 (FangSong, on every Windows since Vista) rather than the default
// 宋体. 方正小标宋简体 has no look-alike that ships with Windows; 宋体 keeps
// the title a 宋 face.
var fontTable = []struct{ name, alt, charset, family string }{
	{fontLatin, "", "00", "roman"},
	{fontTitle, "宋体,SimSun", "86", "script"},
	{fontBody, "仿宋,FangSong", "86", "modern"},
	{fontHeading1, "SimHei", "86", "modern"},
	{fontHeading2, "楷体,KaiTi", "86", "modern"},
	{fontPageNum, "SimSun", "86", "auto"},
}

// fontTableXML is word/fontTable.xml for the fonts above; it replaces the
// template's table of Japanese and Mac fonts.
func fontTableXML() []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">`)
	for _, f := range fontTable {
		fmt.Fprintf(&b, `<w:font w:name="%s">`, f.name)
		if f.alt != "" {
			fmt.Fprintf(&b, `<w:altName w:val="%s"/>`, f.alt)
		}
		fmt.Fprintf(&b, `<w:charset w:val="%s"/><w:family w:val="%s"/><w:pitch w:val="variable"/></w:font>`,
			f.charset, f.family)
	}
	b.WriteString(`</w:fonts>`)
	return []byte(b.String())
}

// Namespaces and the XML declaration of the parts written by hand.
const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)
