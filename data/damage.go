package data

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// ErrSheetDamaged is a worksheet whose XML cannot be read to its end. The
// workbook library stops at the first bad byte without a word, which would
// read a damaged sheet as empty or short: a unit's figures would vanish.
var ErrSheetDamaged = errors.New("工作表损坏")

// sheetRows reads a sheet's cells as stored, not as formatted ("0.527",
// not "52.70%"), as excelize's GetRows does, but fails where GetRows
// stops early: a damaged part, or a row or cell it cannot place.
func sheetRows(f *excelize.File, sheet string, xmlPart []byte) ([][]string, error) {
	if xmlPart != nil {
		if err := xmlDamage(xmlPart); err != nil {
			return nil, err
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out, n, last := make([][]string, 0, 64), 0, 0
	for rows.Next() {
		n++
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%w:第 %d 行无法读取(%v)", ErrSheetDamaged, n, err)
		}
		if len(row) > 0 {
			for ; last < n-1; last++ {
				out = append(out, nil)
			}
			out = append(out, row)
			last = n
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%w:%v", ErrSheetDamaged, err)
	}
	return out, nil
}

// xmlDamage reports a part that is not well-formed XML. A quick scan
// accepts the XML spreadsheet programs write; anything it does not
// recognise is checked by encoding/xml, which decides.
func xmlDamage(b []byte) error {
	if quickXML(b) {
		return nil
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			line, _ := d.InputPos()
			return fmt.Errorf("%w:XML 第 %d 行有错(%v),请用 Excel 打开检查或重新导出", ErrSheetDamaged, line, err)
		}
	}
}

// textByte classes the bytes the quick scan looks at in text and
// attribute values: 1 for a control character XML forbids, 2 for &.
var textByte = func() (t [256]byte) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	t['\t'], t['\n'], t['\r'] = 0, 0, 0
	t['&'] = 2
	return t
}()

// quickXML reports whether b is well-formed XML of the plain kind
// spreadsheet programs write: elements, quoted attributes, the five named
// entities, comments and processing instructions, valid UTF-8. It may say
// false for well-formed XML (CDATA, a DOCTYPE, character references,
// non-ASCII names), never true for XML that encoding/xml rejects.
func quickXML(b []byte) bool {
	if !utf8.Valid(b) || bytes.Contains(b, []byte("\xef\xbf\xbe")) || bytes.Contains(b, []byte("\xef\xbf\xbf")) {
		return false
	}
	s := xmlScan{b: b}
	for s.i < len(b) {
		lt := bytes.IndexByte(b[s.i:], '<')
		end := len(b)
		if lt >= 0 {
			end = s.i + lt
		}
		if !s.text(end) {
			return false
		}
		if lt < 0 {
			break
		}
		if !s.markup() {
			return false
		}
	}
	return s.root && len(s.stack) == 0
}

// xmlScan is the state of quickXML.
type xmlScan struct {
	b     []byte
	i     int
	stack [][]byte // open element names
	root  bool     // the root element was opened
}

// text checks character data up to end: only white space outside the
// root element, allowed characters and entities inside it.
func (s *xmlScan) text(end int) bool {
	outside := len(s.stack) == 0
	for ; s.i < end; s.i++ {
		c := s.b[s.i]
		if outside && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
		switch textByte[c] {
		case 1:
			return false
		case 2:
			if !s.entity() {
				return false
			}
		}
	}
	return true
}

// entity checks the entity reference at s.i and leaves s.i on its ';'.
func (s *xmlScan) entity() bool {
	for _, e := range []string{"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"} {
		if bytes.HasPrefix(s.b[s.i:], []byte(e)) {
			s.i += len(e) - 1
			return true
		}
	}
	return false
}

// markup checks the markup at s.i (which is '<') and moves past it.
func (s *xmlScan) markup() bool {
	rest := s.b[s.i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<?")):
		end := bytes.Index(rest, []byte("?>"))
		if end < 0 || s.root || (bytes.Contains(rest[:end], []byte("encoding")) && !bytes.Contains(bytes.ToLower(rest[:end]), []byte("utf-8"))) {
			return false
		}
		s.i += end + 2
		return true
	case bytes.HasPrefix(rest, []byte("<!--")):
		end := bytes.Index(rest[4:], []byte("--"))
		if end < 0 || !bytes.HasPrefix(rest[4+end:], []byte("-->")) {
			return false
		}
		s.i += 4 + end + 3
		return true
	case bytes.HasPrefix(rest, []byte("<!")):
		return false
	case bytes.HasPrefix(rest, []byte("</")):
		return s.endTag()
	}
	return s.startTag()
}

// name reads an XML name of ASCII letters, digits and _:.- at s.i.
func (s *xmlScan) name() []byte {
	start := s.i
	for ; s.i < len(s.b); s.i++ {
		c := s.b[s.i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
		if !letter && (s.i == start || !(c >= '0' && c <= '9' || c == '.' || c == '-')) {
			break
		}
	}
	return s.b[start:s.i]
}

func (s *xmlScan) space() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

func (s *xmlScan) endTag() bool {
	s.i += 2
	n := s.name()
	s.space()
	if len(n) == 0 || s.i >= len(s.b) || s.b[s.i] != '>' || len(s.stack) == 0 || !bytes.Equal(s.stack[len(s.stack)-1], n) {
		return false
	}
	s.stack = s.stack[:len(s.stack)-1]
	s.i++
	return true
}

func (s *xmlScan) startTag() bool {
	s.i++
	n := s.name()
	if len(n) == 0 || (s.root && len(s.stack) == 0) {
		return false
	}
	for {
		sp := s.i
		s.space()
		if s.i >= len(s.b) {
			return false
		}
		switch {
		case s.b[s.i] == '>':
			s.i++
			s.stack, s.root = append(s.stack, n), true
			return true
		case bytes.HasPrefix(s.b[s.i:], []byte("/>")):
			s.i += 2
			s.root = true
			return true
		case s.i == sp || !s.attr():
			return false
		}
	}
}

// attr checks name="value" or name='value' at s.i.
func (s *xmlScan) attr() bool {
	if len(s.name()) == 0 {
		return false
	}
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != '=' {
		return false
	}
	s.i++
	s.space()
	if s.i >= len(s.b) || (s.b[s.i] != '"' && s.b[s.i] != '\'') {
		return false
	}
	q := s.b[s.i]
	s.i++
	for ; s.i < len(s.b) && s.b[s.i] != q; s.i++ {
		switch c := s.b[s.i]; {
		case c == '<' || textByte[c] == 1:
			return false
		case c == '&' && !s.entity():
			return false
		}
	}
	if s.i >= len(s.b) {
		return false
	}
	s.i++
	return true
}
