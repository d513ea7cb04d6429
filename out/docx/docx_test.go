package docx

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestWriteParagraphs checks every kind of block comes out in order, in its
// style, with its words.
func TestWriteParagraphs(t *testing.T) {
	d := Document{
		Title: "金华市“扛旗争先”\n情况通报",
		Lines: []string{"（2022年1—4月）"},
		Blocks: []Block{
			Heading1("一、总体情况"),
			Paragraph{Text: "总榜居前3位的是义乌市。"},
			Heading2("（一）七张问题清单"),
			Paragraph{Lead: "（二）专项债。", Text: "拨付进度并列第1。"},
			Table{Title: "红黄旗名单", Header: []string{"单位", "旗帜"}, Rows: [][]string{{"义乌市", "红旗"}}},
		},
		Closing:    &Closing{Issuer: "金华市扛旗争先办公室", Date: "2022年5月10日"},
		Appendices: []Appendix{{Title: "数据核查提示", Blocks: []Block{Paragraph{Text: "无。"}}}},
	}
	got := texts(paragraphs(t, write(t, d)[documentPart]))
	want := `GwTitle|金华市“扛旗争先”
情况通报
GwSubtitle|（2022年1—4月）
GwBody|
GwHeading1|一、总体情况
GwBody|总榜居前3位的是义乌市。
GwHeading2|（一）七张问题清单
GwBody|（二）专项债。拨付进度并列第1。
GwTableTitle|红黄旗名单
⊞GwTableHeader|单位
⊞GwTableHeader|旗帜
⊞GwTableText|义乌市
⊞GwTableText|红旗
GwBody|
GwAttachmentNote|附件：数据核查提示
GwBody|
GwClosing|金华市扛旗争先办公室
GwClosing|2022年5月10日
GwAttachment|附件
GwBody|
GwTitle|数据核查提示
GwBody|
GwBody|无。
`
	if got != want {
		t.Errorf("paragraphs:\n%s\nwant:\n%s", got, want)
	}
}

func TestLeadRun(t *testing.T) {
	ps := paragraphs(t, write(t, Document{Blocks: []Block{
		Paragraph{Lead: "（一）七张问题清单。", Text: "管控力量化指数"},
		Paragraph{Text: "没有段内标题"},
	}})[documentPart])
	if ps[0].Lead != "（一）七张问题清单。" || ps[0].Text != "（一）七张问题清单。管控力量化指数" {
		t.Errorf("lead paragraph = %+v", ps[0])
	}
	if ps[1].Lead != "" {
		t.Errorf("plain paragraph has a lead run: %+v", ps[1])
	}
}

// TestStyles checks the fonts and sizes GB/T 9704 asks for, as Word reads
// them from styles.xml.
func TestStyles(t *testing.T) {
	styles := write(t, Document{})["word/styles.xml"]
	defaults := styleProps(t, styles, "")
	if defaults["rFonts.eastAsia"] != "仿宋_GB2312" || defaults["sz.val"] != "32" ||
		defaults["rFonts.ascii"] != "Times New Roman" || defaults["lang.eastAsia"] != "zh-CN" {
		t.Errorf("document defaults: %v", defaults)
	}
	if defaults["spacing.line"] != "579" || defaults["spacing.lineRule"] != "exact" {
		t.Errorf("default line spacing: %v", defaults)
	}
	for _, c := range []struct{ id, name, font, size, more string }{
		{"Normal", "Normal", "仿宋_GB2312", "32", ""},
		{styleTitle, "公文标题", "方正小标宋简体", "44", "jc.val=center"},
		{styleSubtitle, "公文副标题", "楷体_GB2312", "32", "jc.val=center"},
		{styleBody, "公文正文", "", "", "ind.firstLineChars=200 ind.firstLine=632"},
		{styleHeading1, "一级标题", "黑体", "32", "outlineLvl.val=0 ind.firstLineChars=200 keepNext="},
		{styleHeading2, "二级标题", "楷体_GB2312", "32", "outlineLvl.val=1 ind.firstLineChars=200"},
		{styleLead, "段内标题", "楷体_GB2312", "32", ""},
		{styleTableHeader, "表头", "黑体", "28", "snapToGrid.val=false"},
		{styleTableText, "表格文字", "仿宋_GB2312", "28", "jc.val=center"},
		{styleAttachment, "附件标识", "黑体", "32", "jc.val=left"},
		{stylePageNumber, "页码", "宋体", "28", "rFonts.ascii=宋体"},
	} {
		p := styleProps(t, styles, c.id)
		if p == nil {
			t.Errorf("style %s missing", c.id)
			continue
		}
		want := "name.val=" + c.name + " " + c.more
		if c.font != "" {
			want += " rFonts.eastAsia=" + c.font + " sz.val=" + c.size + " szCs.val=" + c.size
		}
		for _, kv := range strings.Fields(want) {
			k, v, _ := strings.Cut(kv, "=")
			if got, ok := p[k]; !ok || got != v {
				t.Errorf("style %s: %s = %q, want %q", c.id, k, got, v)
			}
		}
	}
}

// styleProps flattens the style with id (the document defaults for "")
// to "element.attribute" → value.
func styleProps(t *testing.T, styles []byte, id string) map[string]string {
	var props map[string]string
	depth := 0
	for el := range elements(t, styles) {
		switch {
		case el.start && props == nil && ((id == "" && el.name == "docDefaults") ||
			(el.name == "style" && el.attr["styleId"] == id)):
			props, depth = map[string]string{}, 1
		case props != nil && depth > 0 && el.start:
			depth++
			props[el.name] = ""
			for k, v := range el.attr {
				props[el.name+"."+k] = v
			}
		case props != nil && depth > 0 && !el.start && el.text == "":
			depth--
		}
	}
	return props
}

// TestSection checks the page of GB/T 9704: A4, the margins, the 22 × 28
// grid, and the footers referred to for odd and even pages.
func TestSection(t *testing.T) {
	parts := write(t, Document{Blocks: []Block{Paragraph{Text: "正文"}}})
	doc := parts[documentPart]
	for name, want := range map[string]map[string]string{
		"pgSz":    {"w": "11906", "h": "16838"},
		"pgMar":   {"top": "2098", "left": "1587", "right": "1474", "bottom": "1984", "footer": "1446"},
		"docGrid": {"type": "lines", "linePitch": "579"},
	} {
		got := attrs(t, doc, name, nil)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s %s = %q, want %q", name, k, got[k], v)
			}
		}
	}
	rels := parts["word/_rels/document.xml.rels"]
	for kind, target := range map[string]string{"default": "footer1.xml", "even": "footer2.xml"} {
		ref := attrs(t, doc, "footerReference", map[string]string{"type": kind})
		if ref == nil {
			t.Errorf("no %s footer reference", kind)
			continue
		}
		rel := attrs(t, rels, "Relationship", map[string]string{"Id": ref["id"]})
		if rel["Target"] != target || !strings.HasSuffix(rel["Type"], "/footer") {
			t.Errorf("%s footer %s refers to %v, want %s", kind, ref["id"], rel, target)
		}
	}
}

// TestGrid checks the arithmetic behind the grid: 22 lines and 28
// characters fill the type area and one more would not fit.
func TestGrid(t *testing.T) {
	if typeWidth != 8845 || typeHeight != 12756 {
		t.Errorf("type area %d × %d twips, want 8845 × 12756 (156 × 225 mm)", typeWidth, typeHeight)
	}
	if linesPerPage*linePitch > typeHeight || (linesPerPage+1)*linePitch <= typeHeight {
		t.Errorf("line pitch %d does not give %d lines in %d", linePitch, linesPerPage, typeHeight)
	}
	// A 3号 character, condensed: 28 fit on a line, 29 do not.
	glyph := float64(size3)/2*20 + condense
	if charsPerLine*glyph > float64(typeWidth) || (charsPerLine+1)*glyph <= float64(typeWidth) {
		t.Errorf("character %.1f twips does not give %d characters in %d", glyph, charsPerLine, typeWidth)
	}
	if glyph > charPitch {
		t.Errorf("condensed character %.1f twips is wider than a 字 %.2f", glyph, charPitch)
	}
}

// TestFooters checks the page numbers: "— PAGE —" in 宋体, right on odd
// pages and left on even ones, switched on in settings.xml.
func TestFooters(t *testing.T) {
	parts := write(t, Document{})
	for part, side := range map[string]string{"word/footer1.xml": "right", "word/footer2.xml": "left"} {
		ps := paragraphs(t, parts[part])
		if len(ps) != 1 {
			t.Fatalf("%s: %d paragraphs, want 1", part, len(ps))
		}
		p := ps[0]
		if p.Style != stylePageNumber || p.Text != "— 1 —" || p.Props["jc.val"] != side ||
			p.Props["ind."+side] != strconv.Itoa(chars(1)) {
			t.Errorf("%s: %+v", part, p)
		}
		if f := attrs(t, parts[part], "fldSimple", nil); strings.TrimSpace(f["instr"]) != "PAGE" {
			t.Errorf("%s: field %v, want PAGE", part, f)
		}
		ct := attrs(t, parts["[Content_Types].xml"], "Override", map[string]string{"PartName": "/" + part})
		if ct["ContentType"] != footerContentType {
			t.Errorf("%s: content type %v", part, ct)
		}
	}
	settings := string(parts[settingsPart])
	if i := strings.Index(settings, "<w:evenAndOddHeaders/>"); i < 0 || i > strings.Index(settings, "<w:characterSpacingControl") {
		t.Errorf("settings.xml lacks evenAndOddHeaders before characterSpacingControl")
	}
}

// TestPackage checks the package is whole: every part is well-formed,
// every relationship and content-type override points at a part, and
// nothing is left of the template's thumbnail and authorship.
func TestPackage(t *testing.T) {
	parts := write(t, sampleNotice())
	for name, b := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			if err := xml.Unmarshal(b, new(struct{})); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	for name, b := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		base := path.Dir(path.Dir(name)) // word/_rels/document.xml.rels → word
		for el := range elements(t, b) {
			if el.start && el.name == "Relationship" && el.attr["TargetMode"] != "External" {
				if target := path.Join(base, el.attr["Target"]); parts[target] == nil {
					t.Errorf("%s: %s points at missing %s", name, el.attr["Id"], target)
				}
			}
		}
	}
	for el := range elements(t, parts["[Content_Types].xml"]) {
		if el.start && el.name == "Override" && parts[strings.TrimPrefix(el.attr["PartName"], "/")] == nil {
			t.Errorf("content type for missing part %s", el.attr["PartName"])
		}
	}
	if parts["docProps/thumbnail.jpeg"] != nil {
		t.Error("the template's thumbnail is still there")
	}
	core := string(parts["docProps/core.xml"])
	if !strings.Contains(core, "<dc:title>金华市2022年1—4月“扛旗争先”大晒拼情况通报</dc:title>") ||
		strings.Contains(core, "godocx") || strings.Contains(core, "gomutex") {
		t.Errorf("core.xml: %s", core)
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, sampleNotice()); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, sampleNotice()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same document gave different bytes")
	}
}

// TestText checks text that could break the XML or the layout.
func TestText(t *testing.T) {
	doc := write(t, Document{Blocks: []Block{
		Paragraph{Text: "a<b & c>\"d\"\x01"},
		Paragraph{Text: "  前后空格  "},
	}})[documentPart]
	ps := paragraphs(t, doc)
	if ps[0].Text != "a<b & c>\"d\"\uFFFD" {
		t.Errorf("escaped text read back as %q", ps[0].Text)
	}
	if ps[1].Text != "  前后空格  " {
		t.Errorf("spaces read back as %q", ps[1].Text)
	}
}

// TestEmpty checks an empty document is still a whole package with the page
// set up.
func TestEmpty(t *testing.T) {
	parts := write(t, Document{})
	if ps := paragraphs(t, parts[documentPart]); len(ps) != 0 {
		t.Errorf("empty document has paragraphs: %v", texts(ps))
	}
	if attrs(t, parts[documentPart], "docGrid", nil) == nil {
		t.Error("empty document has no grid")
	}
}

func TestTables(t *testing.T) {
	ps := paragraphs(t, write(t, Document{Blocks: []Block{
		Table{Title: "无行的表格"},
		Table{Header: []string{"单位"}, Rows: [][]string{{"义乌市", "多出一格"}, {}}},
	}})[documentPart])
	want := "⊞GwTableHeader|单位\n⊞GwTableHeader|\n⊞GwTableText|义乌市\n⊞GwTableText|多出一格\n⊞GwTableText|\n⊞GwTableText|\n"
	if got := texts(ps); got != want {
		t.Errorf("ragged table:\n%s\nwant:\n%s", got, want)
	}
}

func TestColumnWidths(t *testing.T) {
	for _, c := range []struct {
		name   string
		widest []int
		want   []uint64
	}{
		// Needs 4·140+260 = 820 and 10·140+260 = 1660, scaled by 8845/2480.
		{"fits", []int{4, 10}, []uint64{2924, 5921}},
		{"one column", []int{100}, []uint64{8845}},
		// The unit column keeps its 1660; the two long ones share 7185 by need.
		{"too wide", []int{10, 80, 60}, []uint64{1660, 3592, 3593}},
	} {
		got := columnWidths(c.widest)
		sum := uint64(0)
		for _, w := range got {
			sum += w
		}
		if sum != uint64(typeWidth) || !slices.Equal(got, c.want) {
			t.Errorf("%s: %v (sum %d), want %v", c.name, got, sum, c.want)
		}
	}
}

func TestWidth(t *testing.T) {
	for s, want := range map[string]float64{
		"":            0,
		"金华市":         3,
		"2022年5月10日":  6.5, // half-width digits: 2022 is two 字, 5 half of one
		"附件：1．":       4.5,
		"ab":          1,
		"abc":         1.5,
		"金华市扛旗争先办公室":  10,
		"2022年12月31日": 7,
	} {
		if got := width(s); got != want {
			t.Errorf("width(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestClosing checks the 落款: the date two 字 from the right margin and its
// first character two 字 right of the issuer's, or, when the issuer is the
// longer, the issuer two 字 from the right and the date following it.
func TestClosing(t *testing.T) {
	for _, c := range []struct {
		issuer, date     string
		issuerIn, dateIn float64
	}{
		{"金华市", "2022年5月10日", 7.5, 2},
		{"金华市扛旗争先办公室", "2022年5月10日", 2, 3.5},
		{"金华市人民政府", "2022年5月10日", 3.5, 2},
		{"金华市扛旗争先办公室", "", 2, 2},
		{"", "2022年5月10日", 2, 2},
	} {
		issuerIn, dateIn := closingIndents(c.issuer, c.date)
		if issuerIn != c.issuerIn || dateIn != c.dateIn {
			t.Errorf("%s / %s: indents %v, %v; want %v, %v", c.issuer, c.date, issuerIn, dateIn, c.issuerIn, c.dateIn)
		}
		if c.issuer == "" || c.date == "" {
			continue
		}
		// Where each starts, counted from the left of a 28-字 line.
		issuerStart := charsPerLine - issuerIn - width(c.issuer)
		dateStart := charsPerLine - dateIn - width(c.date)
		if dateStart-issuerStart != 2 || min(issuerIn, dateIn) != 2 {
			t.Errorf("%s / %s: date starts %v 字 after the issuer", c.issuer, c.date, dateStart-issuerStart)
		}
	}
	ps := paragraphs(t, write(t, Document{Closing: &Closing{Issuer: "金华市", Date: "2022年5月10日"}})[documentPart])
	if len(ps) != 3 || ps[1].Props["ind.right"] != strconv.Itoa(chars(7.5)) || ps[2].Props["ind.right"] != strconv.Itoa(chars(2)) {
		t.Errorf("closing paragraphs: %+v", ps)
	}
}

// TestAppendices checks the 附件说明 lists several appendices numbered and
// aligned, and each appendix starts on a new page with its label.
func TestAppendices(t *testing.T) {
	ps := paragraphs(t, write(t, Document{Appendices: []Appendix{{Title: "甲"}, {Title: "乙"}}})[documentPart])
	var notes, labels []para
	for _, p := range ps {
		switch p.Style {
		case styleNote:
			notes = append(notes, p)
		case styleAttachment:
			labels = append(labels, p)
		}
	}
	if len(notes) != 2 || notes[0].Text != "附件：1．甲" || notes[1].Text != "2．乙" {
		t.Fatalf("附件说明: %+v", notes)
	}
	// Both titles start 2 + 4.5 字 in: after the indent, "附件：" and "1．"
	// (a half-width digit is half a 字).
	for _, n := range notes {
		if n.Props["ind.left"] != strconv.Itoa(chars(6.5)) {
			t.Errorf("%s: left indent %s, want %d", n.Text, n.Props["ind.left"], chars(6.5))
		}
	}
	if notes[0].Props["ind.hanging"] != strconv.Itoa(chars(4.5)) || notes[1].Props["ind.hanging"] != strconv.Itoa(chars(1.5)) {
		t.Errorf("hanging indents %s, %s", notes[0].Props["ind.hanging"], notes[1].Props["ind.hanging"])
	}
	if len(labels) != 2 || labels[0].Text != "附件1" || labels[1].Text != "附件2" {
		t.Fatalf("labels: %+v", labels)
	}
	for _, l := range labels {
		if _, ok := l.Props["pageBreakBefore"]; !ok {
			t.Errorf("%s does not start a page", l.Text)
		}
	}
}

// TestGolden compares the sample's word/document.xml, indented, with
// testdata/sample.document.xml; -update rewrites it.
func TestGolden(t *testing.T) {
	got := indent(t, write(t, sampleNotice())[documentPart])
	file := filepath.Join("testdata", "sample.document.xml")
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("word/document.xml differs from %s (go test ./out/docx -run TestGolden -update, then review the diff)", file)
	}
}

// indent re-encodes part one element a line, keeping the prefixes Word uses.
func indent(t *testing.T, part []byte) []byte {
	var b bytes.Buffer
	d := xml.NewDecoder(bytes.NewReader(part))
	depth := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			b.WriteString("\n" + strings.Repeat("  ", depth) + "<" + qname(tok.Name))
			for _, a := range tok.Attr {
				b.WriteString(" " + qname(a.Name) + `="`)
				xml.EscapeText(&b, []byte(a.Value))
				b.WriteString(`"`)
			}
			b.WriteString(">")
			depth++
		case xml.EndElement:
			depth--
			b.WriteString("</" + qname(tok.Name) + ">")
		case xml.CharData:
			if depth > 0 {
				xml.EscapeText(&b, tok)
			}
		}
	}
	return append(bytes.TrimSpace(b.Bytes()), '\n')
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
