package xlsx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// xmlOut is XML on its way to the compressor, handed over in pieces of
// flushSize.
type xmlOut struct {
	b   []byte
	w   io.Writer
	err error
}

const flushSize = 256 << 10

// newXMLOut starts XML for w in a buffer of xmlBufs.
func newXMLOut(w io.Writer) *xmlOut {
	return &xmlOut{w: w, b: xmlBufs.Get().([]byte)}
}

// xmlBufs are reused: grown a row at a time, each buffer would make
// twice its size of garbage for every sheet.
var xmlBufs = sync.Pool{New: func() any { return make([]byte, 0, flushSize+flushSize/4) }}

// flush hands the XML written so far to the compressor.
func (x *xmlOut) flush() {
	if len(x.b) > 0 && x.err == nil {
		_, x.err = x.w.Write(x.b)
	}
	x.b = x.b[:0]
}

// close hands over the rest of the XML and lets the buffer go.
func (x *xmlOut) close() error {
	x.flush()
	xmlBufs.Put(x.b[:0])
	x.b = nil
	return x.err
}

// rewrite writes the worksheet excelize wrote, doc, to w with the sheet's
// rows in place of whatever is in its <sheetData> (nothing, or the empty
// cells excelize makes for merged ranges: the rows recorded have every
// cell, merged ones too).
func (s *Sheet[K]) rewrite(doc []byte, w io.Writer) error {
	i := bytes.Index(doc, []byte("<sheetData"))
	j := bytes.Index(doc, []byte("</sheetData>"))
	switch {
	case i >= 0 && bytes.HasPrefix(doc[i:], []byte("<sheetData/>")):
		j = i + len("<sheetData/>")
	case i >= 0 && j > i:
		j += len("</sheetData>")
	default:
		return fmt.Errorf("内部错误:工作表 %s 中找不到 sheetData", s.name)
	}
	x := newXMLOut(w)
	x.b = append(append(x.b, doc[:i]...), "<sheetData>"...)
	s.rows.rec.replay(func(row int, cells []cell) { s.emit(x, row, cells) })
	x.b = append(x.b, "</sheetData>"...)
	x.b = append(x.b, doc[j:]...)
	return x.close()
}

// emit writes one row as excelize writes it: cell references, style ids,
// strings by their index in the shared string table, numbers in excelize's
// format, a custom height where the row has one.
func (s *Sheet[K]) emit(x *xmlOut, row int, cells []cell) {
	h := s.height(row)
	if len(cells) == 0 && h == 0 {
		return
	}
	b := append(x.b, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if h > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, h, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i := range cells {
		if c := &cells[i]; c.style != 0 {
			b = s.appendCell(b, i+1, row, c)
		}
	}
	x.b = append(b, `</row>`...)
	if len(x.b) >= flushSize {
		x.flush()
	}
}

// appendCell appends a written cell's element.
func (s *Sheet[K]) appendCell(b []byte, col, row int, c *cell) []byte {
	b = append(b, `<c r="`...)
	b = append(b, s.colNames[col]...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, `" s="`...)
	b = strconv.AppendInt(b, int64(c.style), 10)
	b = append(b, '"')
	switch c.kind {
	case cellText:
		b = append(b, ` t="s"><v>`...)
		b = strconv.AppendInt(b, int64(c.num), 10)
		return append(b, `</v></c>`...)
	case cellInline:
		b = append(b, ` t="inlineStr"><is>`...)
		b = appendText(b, c.text)
		return append(b, `</is></c>`...)
	case cellNumber:
		b = append(b, `><v>`...)
		b = appendCellFloat(b, c.num)
		return append(b, `</v></c>`...)
	case cellInt:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, int64(c.num), 10)
		return append(b, `</v></c>`...)
	}
	return append(b, `></c>`...)
}

// sharedStrings is the workbook's shared string table, made as the sheets
// are filled. excelize makes the table's part, its relationship and its
// content type once a sheet has a string (see Book.Build); rewrite then
// writes the part with these strings.
type sharedStrings struct {
	index map[string]int
	list  []string
	refs  int // string cells
}

// add is the index of v, added to the table if it is new.
func (t *sharedStrings) add(v string) int {
	id, ok := t.index[v]
	if !ok {
		id = len(t.list)
		t.index[v] = id
		t.list = append(t.list, v)
	}
	return id
}

// rewrite writes the table, ignoring the one excelize wrote.
func (t *sharedStrings) rewrite(_ []byte, w io.Writer) error {
	x := newXMLOut(w)
	x.b = append(x.b, xml.Header...)
	x.b = append(x.b, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="`...)
	x.b = strconv.AppendInt(x.b, int64(t.refs), 10)
	x.b = append(x.b, `" uniqueCount="`...)
	x.b = strconv.AppendInt(x.b, int64(len(t.list)), 10)
	x.b = append(x.b, `">`...)
	for _, v := range t.list {
		x.b = append(x.b, `<si>`...)
		x.b = appendText(x.b, v)
		x.b = append(x.b, `</si>`...)
		if len(x.b) >= flushSize {
			x.flush()
		}
	}
	x.b = append(x.b, `</sst>`...)
	return x.close()
}

// appendText appends the <t> element of a shared string, as excelize
// writes a string (excelize v2.11.1, cell.go trimCellValue):
// at most 32,767 UTF-16 units, space preserved when the text starts or
// ends with white space, XML-escaped but for line breaks, and a literal
// "_x0041_" protected as "_x005F_x0041_" so that readers do not decode it
// as the character it names.
func appendText(b []byte, v string) []byte {
	if len(v) > excelize.TotalCellChars {
		n := 0
		for i, r := range v {
			if n += utf16.RuneLen(r); n > excelize.TotalCellChars {
				v = v[:i]
				break
			}
		}
	}
	b = append(b, `<t`...)
	if v != "" && (isXMLSpace(v[0]) || isXMLSpace(v[len(v)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	if plainText(v) {
		b = append(b, v...)
	} else {
		var buf bytes.Buffer
		_ = xml.EscapeText(&buf, []byte(v))
		esc := strings.ReplaceAll(buf.String(), "&#xA;", "\n")
		b = append(b, escapedCode.ReplaceAllString(esc, "_x005F$0")...)
	}
	return append(b, `</t>`...)
}

// escapedCode is a literal "_xHHHH_", which OOXML readers would decode.
var escapedCode = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// plainText reports whether v goes into XML as it is: valid UTF-8 without
// markup characters, control characters (but line breaks), the two
// non-characters XML forbids or anything like "_x0041_".
func plainText(v string) bool {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '<', c == '>', c == '&', c == '"', c == '\'', c < 0x20 && c != '\n':
			return false
		case c == '_' && i+1 < len(v) && v[i+1] == 'x':
			return false
		case c == 0xEF && i+2 < len(v) && v[i+1] == 0xBF && v[i+2] >= 0xBE: // U+FFFE, U+FFFF
			return false
		}
	}
	return utf8.ValidString(v)
}

// appendCellFloat appends v as excelize stores a float64 cell
// (excelize v2.11.1, cell.go formatCellFloat): the shortest decimal form,
// cut to Excel's 15 significant digits.
func appendCellFloat(b []byte, v float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return b
	}
	const maxPrec = 15
	str := b[start:]
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return bytes.TrimSuffix(b[:start+idx], []byte("."))
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for i := idx; i < decimal; i++ {
			str[i] = '0'
		}
		return b[:start+decimal]
	}
	return b
}
