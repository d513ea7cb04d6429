package data

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
)

// fileLike is what sniff needs: *os.File and *bytes.Reader both are.
type fileLike interface {
	io.ReadSeeker
	io.ReaderAt
}

// sniff tells a real .xlsx (a zip holding a workbook) from what else
// arrives named .xlsx: an old .xls, a WPS .et or an encrypted workbook
// (OLE files), a Word document, an OpenDocument file, a CSV, an empty
// file. excelize reports all of these as "not a valid zip file", or worse
// as EOF. name is the file name: its extension words some messages.
//
// For a zip it also applies the size limits, read from the zip's
// directory: a workbook that unpacks past the limit, or a sheet past its
// limit, is refused before any of it is unpacked.
func sniff(r fileLike, name string, size int64, opts Options) error {
	head := make([]byte, 512)
	n, _ := io.ReadFull(r, head)
	head = head[:n]
	switch {
	case n == 0:
		return fmt.Errorf("%w:文件是空的", ErrNotWorkbook)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(r, size)
		if err != nil {
			return fmt.Errorf("%w:文件不完整或已损坏(zip 结构无效),请重新导出", ErrNotWorkbook)
		}
		if err := checkZipSizes(zr, opts); err != nil {
			return err
		}
		return zipKind(zr)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return err
		}
		return oleKind(r, name)
	case bytes.HasPrefix(head, []byte("PK")):
		return fmt.Errorf("%w:文件不完整或已损坏(zip 结构无效),请重新导出", ErrNotWorkbook)
	case utf8.Valid(head) || bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return fmt.Errorf("%w:这是文本文件(可能是 CSV);如是 CSV,请把扩展名改为 .csv,或用 Excel 打开后另存为 .xlsx", ErrNotWorkbook)
	}
	return fmt.Errorf("%w:无法识别的文件格式,请用 Excel 或 WPS 另存为 .xlsx", ErrNotWorkbook)
}

// oleKind reads the stream names of an OLE compound file: an encrypted
// .xlsx holds EncryptedPackage, an old workbook (.xls, WPS .et) Workbook
// or Book, a Word 97 document WordDocument.
func oleKind(r io.ReaderAt, name string) error {
	doc, err := mscfb.New(r)
	if err != nil {
		return fmt.Errorf("%w:OLE 文件已损坏", ErrNotWorkbook)
	}
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		switch e.Name {
		case "EncryptedPackage", "EncryptionInfo":
			return fmt.Errorf("%w:工作簿设置了打开密码,请取消密码后另存为 .xlsx", ErrNotWorkbook)
		case "Workbook", "Book":
			if strings.EqualFold(filepath.Ext(name), ".et") {
				return fmt.Errorf("%w:这是 WPS 表格文件(.et),请用 WPS 另存为 .xlsx", ErrNotWorkbook)
			}
			return fmt.Errorf("%w:这是旧版 .xls 文件,请用 Excel 或 WPS 另存为 .xlsx", ErrNotWorkbook)
		case "WordDocument":
			return fmt.Errorf("%w:这是 Word 文档(.doc)", ErrNotWorkbook)
		case "PowerPoint Document":
			return fmt.Errorf("%w:这是 PowerPoint 演示文稿(.ppt)", ErrNotWorkbook)
		}
	}
	return errors.Join(ErrNotWorkbook, errors.New("这是 OLE 文件但不是工作簿,请另存为 .xlsx"))
}

// checkZipSizes refuses a zip whose declared unpacked size, or one of whose
// worksheets or shared-string table, is past the limits.
func checkZipSizes(zr *zip.Reader, opts Options) error {
	total, maxTotal, maxPart := uint64(0), uint64(opts.maxUnzip()), uint64(opts.maxSheet())
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > maxTotal {
			return fmt.Errorf("%w:解压后超过 %d MB,已拒绝", ErrUnzipLimit, maxTotal>>20)
		}
		name := strings.ToLower(f.Name)
		if (strings.HasPrefix(name, "xl/worksheets/") || name == "xl/sharedstrings.xml") && f.UncompressedSize64 > maxPart {
			return fmt.Errorf("%w:%s 解压后 %d MB,超过单表上限 %d MB,已拒绝",
				ErrSheetLimit, f.Name, f.UncompressedSize64>>20, maxPart>>20)
		}
	}
	return nil
}

// zipKind says what a zip holds when it is not an Excel workbook: the
// package's main part (_rels/.rels) tells a Word document from a workbook;
// OpenDocument files name their kind in mimetype.
func zipKind(zr *zip.Reader) error {
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(f.Name)] = f
	}
	main := mainPart(zipPart(parts["_rels/.rels"], 1<<20))
	mime := string(zipPart(parts["mimetype"], 256))
	switch {
	case strings.HasSuffix(main, ".bin") || parts["xl/workbook.bin"] != nil:
		return fmt.Errorf("%w:这是 Excel 二进制工作簿(.xlsb),请用 Excel 另存为 .xlsx", ErrNotWorkbook)
	case strings.HasPrefix(main, "xl/") && parts[main] != nil, main == "" && parts["xl/workbook.xml"] != nil:
		return nil
	case strings.HasPrefix(main, "word/") || parts["word/document.xml"] != nil:
		return fmt.Errorf("%w:这是 Word 文档(.docx)", ErrNotWorkbook)
	case strings.HasPrefix(main, "ppt/") || parts["ppt/presentation.xml"] != nil:
		return fmt.Errorf("%w:这是 PowerPoint 演示文稿(.pptx)", ErrNotWorkbook)
	case strings.Contains(mime, "opendocument.spreadsheet"):
		return fmt.Errorf("%w:这是 OpenDocument 表格(.ods),请用 Excel 或 WPS 另存为 .xlsx", ErrNotWorkbook)
	case strings.Contains(mime, "opendocument"):
		return fmt.Errorf("%w:这是 OpenDocument 文档(%s)", ErrNotWorkbook, strings.TrimPrefix(mime, "application/vnd.oasis.opendocument."))
	}
	return fmt.Errorf("%w:这是压缩包(zip),其中没有 Excel 工作簿;如工作簿在压缩包里,请先解压", ErrNotWorkbook)
}

// mainPart is the lower-case name of a package's main part, from its
// _rels/.rels; "" when there is none.
func mainPart(rels []byte) string {
	var rs struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(rels, &rs) != nil {
		return ""
	}
	for _, r := range rs.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return strings.ToLower(strings.TrimPrefix(r.Target, "/"))
		}
	}
	return ""
}
