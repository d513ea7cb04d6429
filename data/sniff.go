package data

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
)

// fileLike is what sniff needs: *os.File and *bytes.Reader both are.
type fileLike interface {
	io.ReadSeeker
	io.ReaderAt
}

// sniff tells a real .xlsx (a zip) from what else arrives named .xlsx: an
// old .xls, an encrypted workbook (both OLE files), a CSV, an empty file.
// excelize reports all of these as "not a valid zip file".
//
// For a zip it also applies the size limits, read from the zip's
// directory: a workbook that unpacks past the limit, or a sheet past its
// limit, is refused before any of it is unpacked.
func sniff(r fileLike, size int64, opts Options) error {
	head := make([]byte, 512)
	n, _ := io.ReadFull(r, head)
	head = head[:n]
	switch {
	case n == 0:
		return fmt.Errorf("%w:文件是空的", ErrNotWorkbook)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return checkZipSizes(r, size, opts)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return err
		}
		return oleKind(r)
	case bytes.HasPrefix(head, []byte("PK")):
		return fmt.Errorf("%w:文件不完整或已损坏(zip 结构无效),请重新导出", ErrNotWorkbook)
	case utf8.Valid(head) || bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return fmt.Errorf("%w:这是文本文件(可能是 CSV),请用 Excel 打开后另存为 .xlsx", ErrNotWorkbook)
	}
	return fmt.Errorf("%w:无法识别的文件格式,请用 Excel 另存为 .xlsx", ErrNotWorkbook)
}

// oleKind reads the stream names of an OLE compound file: an encrypted
// .xlsx holds EncryptedPackage, an old workbook holds Workbook or Book.
func oleKind(r io.ReaderAt) error {
	doc, err := mscfb.New(r)
	if err != nil {
		return fmt.Errorf("%w:OLE 文件已损坏", ErrNotWorkbook)
	}
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		switch e.Name {
		case "EncryptedPackage", "EncryptionInfo":
			return fmt.Errorf("%w:工作簿设置了打开密码,请取消密码后另存为 .xlsx", ErrNotWorkbook)
		case "Workbook", "Book":
			return fmt.Errorf("%w:这是旧版 .xls 文件,请用 Excel 另存为 .xlsx", ErrNotWorkbook)
		}
	}
	return errors.Join(ErrNotWorkbook, errors.New("这是 OLE 文件但不是工作簿,请另存为 .xlsx"))
}

// checkZipSizes refuses a zip whose declared unpacked size, or one of whose
// worksheets or shared-string table, is past the limits.
func checkZipSizes(r io.ReaderAt, size int64, opts Options) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fmt.Errorf("%w:文件不完整或已损坏(zip 结构无效),请重新导出", ErrNotWorkbook)
	}
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
