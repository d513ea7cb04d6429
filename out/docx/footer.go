package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"

	gdocx "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// The page number of §7.5, "— 1 —" in 4号 宋体 below the type area, right
// on odd pages and left on even ones, one 字 in from the edge. godocx
// writes no footers, so this file adds two: the parts, their relationships
// and content types through godocx's exported fields; Word's switch for
// distinct even-page footers in settings.xml; and the section's references
// to them. godocx's section holds one footer reference, so the even one is
// put into word/document.xml after godocx has written the package.
const (
	footerType        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	footerContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	documentPart      = "word/document.xml"
	settingsPart      = "word/settings.xml"
)

// footerXML is a footer with one paragraph: the page number between two
// 一字线, aligned by jc and indented one 字 on that side.
func footerXML(jc stypes.Justification, indent string) []byte {
	return []byte(fmt.Sprintf(xmlHeader+`<w:ftr xmlns:w="%s"><w:p><w:pPr><w:pStyle w:val="%s"/>`+
		`<w:jc w:val="%s"/><w:ind w:%s="%d"/></w:pPr>`+
		`<w:r><w:t xml:space="preserve">— </w:t></w:r>`+
		`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`+
		`<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`,
		nsW, stylePageNumber, jc, indent, chars(1)))
}

// addFooters adds the odd-page (default) and even-page footers to rd and
// refers the section to the odd one; it returns the even one's
// relationship ID for referEvenFooter.
func addFooters(rd *gdocx.RootDoc) (string, error) {
	odd := addPart(rd, "footer1.xml", footerXML(stypes.JustificationRight, "right"))
	even := addPart(rd, "footer2.xml", footerXML(stypes.JustificationLeft, "left"))
	rd.Document.Body.SectPr.FooterReference = &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: odd}

	settings, ok := rd.FileMap.Load(settingsPart)
	const anchor = "<w:characterSpacingControl" // evenAndOddHeaders must precede it
	if !ok || !bytes.Contains(settings.([]byte), []byte(anchor)) {
		return "", fmt.Errorf("Word 模板的 %s 不是预期的样子，无法设置奇偶页页码", settingsPart)
	}
	rd.FileMap.Store(settingsPart, bytes.Replace(settings.([]byte),
		[]byte(anchor), []byte("<w:evenAndOddHeaders/>"+anchor), 1))
	return even, nil
}

// addPart stores a footer part in word/ and returns its relationship ID.
func addPart(rd *gdocx.RootDoc, name string, content []byte) string {
	rd.FileMap.Store("word/"+name, content)
	id := "rId" + strconv.Itoa(rd.Document.IncRelationID())
	rd.Document.DocRels.Relationships = append(rd.Document.DocRels.Relationships,
		&gdocx.Relationship{ID: id, Type: footerType, Target: name})
	_ = rd.ContentType.AddOverride("/word/"+name, footerContentType) // never fails
	return id
}

// referEvenFooter copies the package written by godocx to w, adding the
// section's reference to the even-page footer after the default one. The
// other parts are copied as they are, compressed bytes and timestamps
// included, so the output stays byte-for-byte reproducible.
func referEvenFooter(w io.Writer, pkg []byte, even string) error {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return fmt.Errorf("无法读取生成的 Word 文档: %w", err)
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		if f.Name == documentPart {
			err = addEvenReference(zw, f, even)
		} else {
			err = zw.Copy(f)
		}
		if err != nil {
			return fmt.Errorf("无法写入 Word 文档: %w", err)
		}
	}
	return zw.Close()
}

// addEvenReference writes word/document.xml with the even footer's
// reference put after the one godocx wrote.
func addEvenReference(zw *zip.Writer, f *zip.File, even string) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	doc, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	const end = "</w:footerReference>"
	if bytes.Count(doc, []byte(end)) != 1 {
		return fmt.Errorf("%s 中应有一个页脚引用", documentPart)
	}
	doc = bytes.Replace(doc, []byte(end),
		[]byte(end+`<w:footerReference w:type="even" r:id="`+even+`"/>`), 1)
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified})
	if err != nil {
		return err
	}
	_, err = out.Write(doc)
	return err
}
