package docx

import (
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Style IDs. Every paragraph carries one of these named styles rather than
// direct formatting, so an office that wants 楷体 headings bold or a table
// in 小四 changes one style in Word or WPS, not every paragraph.
const (
	styleTitle       = "GwTitle"
	styleSubtitle    = "GwSubtitle"
	styleBody        = "GwBody"
	styleHeading1    = "GwHeading1"
	styleHeading2    = "GwHeading2"
	styleLead        = "GwLead"
	styleTableTitle  = "GwTableTitle"
	styleTableText   = "GwTableText"
	styleTableHeader = "GwTableHeader"
	styleClosing     = "GwClosing"
	styleNote        = "GwAttachmentNote"
	styleAttachment  = "GwAttachment"
	stylePageNumber  = "GwPageNumber"
)

// setStyles makes 3号 仿宋 on the 28.95 pt line the document default and
// adds the styles of a 公文. The default carries the base size because
// Word derives the document grid's character pitch from it.
func setStyles(s *ctypes.Styles) {
	s.DocDefaults = &ctypes.DocDefault{
		RunProp: &ctypes.RunPropDefault{RunProp: runProps(fontBody, size3)},
		ParaProp: &ctypes.ParaPropDefault{ParaProp: &ctypes.ParagraphProp{
			// Widow control would leave 21 lines on some pages.
			WindowControl: ctypes.OnOffFromBool(false),
			// No extra space between Chinese and Latin letters or digits:
			// a digit stays half a 字, so lines hold 28 characters and the
			// date of the 落款 lines up under the issuer as computed.
			AutoSpaceDE:   ctypes.OnOffFromBool(false),
			AutoSpaceDN:   ctypes.OnOffFromBool(false),
			Spacing:       exactSpacing(linePitch),
			Justification: ctypes.NewGenSingleStrVal(stypes.JustificationBoth),
		}},
	}
	// LibreOffice takes the grid's character pitch from the Normal style
	// alone, 12 pt when it has no size: repeat the default there.
	for i, st := range s.StyleList {
		if st.ID != nil && *st.ID == "Normal" {
			s.StyleList[i].RunProp = runProps(fontBody, size3)
		}
	}
	s.StyleList = append(s.StyleList,
		paraStyle(styleTitle, "公文标题", offGrid(centred()), runProps(fontTitle, size2)),
		paraStyle(styleSubtitle, "公文副标题", centred(), runProps(fontHeading2, size3)),
		paraStyle(styleBody, "公文正文", indented(), nil),
		paraStyle(styleHeading1, "一级标题", heading(0), runProps(fontHeading1, size3)),
		paraStyle(styleHeading2, "二级标题", heading(1), runProps(fontHeading2, size3)),
		charStyle(styleLead, "段内标题", runProps(fontHeading2, size3)),
		paraStyle(styleTableTitle, "表格标题", keptWithNext(centred()), runProps(fontHeading1, size3)),
		paraStyle(styleTableText, "表格文字", tableText(), runProps(fontBody, size4)),
		paraStyle(styleTableHeader, "表头", tableText(), runProps(fontHeading1, size4)),
		paraStyle(styleClosing, "落款", &ctypes.ParagraphProp{
			Justification: ctypes.NewGenSingleStrVal(stypes.JustificationRight),
		}, nil),
		// No first-line indent to override: each line sets its own hanging one.
		paraStyle(styleNote, "附件说明", &ctypes.ParagraphProp{}, nil),
		paraStyle(styleAttachment, "附件标识", &ctypes.ParagraphProp{
			Justification: ctypes.NewGenSingleStrVal(stypes.JustificationLeft),
		}, runProps(fontHeading1, size3)),
		paraStyle(stylePageNumber, "页码", offGrid(&ctypes.ParagraphProp{
			Spacing: &ctypes.Spacing{Line: ptr(240), LineRule: ptr(stypes.LineSpacingRuleAuto)},
		}), pageNumberProps()),
	)
}

// runProps sets an East Asian font and a size; Latin text keeps Times New
// Roman. The eastAsia hint makes Word set the quotation marks and dashes
// shared by both scripts (“”—) in the Chinese font, full width.
func runProps(eastAsia string, size uint64) *ctypes.RunProperty {
	return &ctypes.RunProperty{
		Fonts: &ctypes.RunFonts{
			Hint: stypes.FontTypeHintEastAsia, Ascii: fontLatin, HAnsi: fontLatin,
			EastAsia: eastAsia, CS: fontLatin,
		},
		Spacing: ctypes.NewDecimalNum(condense),
		Size:    ctypes.NewFontSize(size),
		SizeCs:  ctypes.NewFontSizeCS(size),
		// zh-CN also tells LibreOffice to fall back to Simplified Chinese
		// glyphs, not Japanese ones, when a font is missing.
		Lang: &ctypes.Lang{Val: ptr("en-US"), EastAsia: ptr("zh-CN")},
	}
}

// pageNumberProps is 4号 宋体 for the digits too (§7.5: 半角宋体阿拉伯数字).
func pageNumberProps() *ctypes.RunProperty {
	rp := runProps(fontPageNum, size4)
	rp.Fonts.Ascii, rp.Fonts.HAnsi, rp.Fonts.CS = fontPageNum, fontPageNum, fontPageNum
	return rp
}

func paraStyle(id, name string, pp *ctypes.ParagraphProp, rp *ctypes.RunProperty) ctypes.Style {
	return ctypes.Style{
		Type: ptr(stypes.StyleTypeParagraph), ID: ptr(id), CustomStyle: ptr(stypes.OnOffOne),
		Name: ctypes.NewCTString(name), BasedOn: ctypes.NewCTString("Normal"),
		QFormat: &ctypes.OnOff{}, ParaProp: pp, RunProp: rp,
	}
}

func charStyle(id, name string, rp *ctypes.RunProperty) ctypes.Style {
	return ctypes.Style{
		Type: ptr(stypes.StyleTypeCharacter), ID: ptr(id), CustomStyle: ptr(stypes.OnOffOne),
		Name: ctypes.NewCTString(name), BasedOn: ctypes.NewCTString("DefaultParagraphFont"),
		RunProp: rp,
	}
}

func centred() *ctypes.ParagraphProp {
	return &ctypes.ParagraphProp{Justification: ctypes.NewGenSingleStrVal(stypes.JustificationCenter)}
}

// indented is the body paragraph: first line indented by two 字. Word and
// WPS use the character count (on the grid), LibreOffice the twips.
func indented() *ctypes.ParagraphProp {
	return &ctypes.ParagraphProp{Indent: &ctypes.Indent{
		FirstLineChars: ptr(200), FirstLine: ptr(uint64(chars(2))),
	}}
}

// heading is a body paragraph in the outline (Word's navigation pane), kept
// on the page of the text it heads.
func heading(level int) *ctypes.ParagraphProp {
	pp := keptWithNext(indented())
	pp.OutlineLvl = ctypes.NewDecimalNum(level)
	return pp
}

// offGrid keeps a paragraph larger than 3号 on its exact line spacing:
// LibreOffice would otherwise give each of its lines two grid lines.
func offGrid(pp *ctypes.ParagraphProp) *ctypes.ParagraphProp {
	pp.SnapToGrid = ctypes.OnOffFromBool(false)
	return pp
}

func keptWithNext(pp *ctypes.ParagraphProp) *ctypes.ParagraphProp {
	pp.KeepNext = &ctypes.OnOff{}
	return pp
}

// tableText is 4号 on a 20 pt line, off the grid, so that cells are not
// stretched to the 3号 character pitch.
func tableText() *ctypes.ParagraphProp {
	return offGrid(&ctypes.ParagraphProp{
		Spacing:       exactSpacing(400),
		Justification: ctypes.NewGenSingleStrVal(stypes.JustificationCenter),
	})
}

func exactSpacing(line int) *ctypes.Spacing {
	return &ctypes.Spacing{
		Before: ptr(uint64(0)), After: ptr(uint64(0)),
		Line: ptr(line), LineRule: ptr(stypes.LineSpacingRuleExact),
	}
}

func ptr[T any](v T) *T { return &v }
