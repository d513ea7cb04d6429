package data

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// ErrSheetDamaged is a worksheet whose XML cannot be read to its end. The
// workbook library stops at the first bad byte without a word, which would
// read a damaged sheet as empty or short: a unit's figures would vanish.
var ErrSheetDamaged = errors.New("工作表损坏")

// sheetRows reads a sheet's cells as stored, not as formatted ("0.527",
// not "52.70%"), as excelize's GetRows does, but fails where GetRows
// stops early: a damaged part (xmlPart, when known), or a row or cell it
// cannot place.
func sheetRows(f *excelize.File, sheet string, xmlPart []byte) ([][]string, error) {
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
			return nil, fmt.Errorf("%w:第 %d 行的行号或单元格位置无法识别,请用 Excel 打开后另存,或重新导出", ErrSheetDamaged, n)
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
		return nil, fmt.Errorf("%w:行数超出 Excel 上限,请重新导出", ErrSheetDamaged)
	}
	if xmlPart != nil && !readToEnd(xmlPart, n) {
		if err := decodeXML(xmlPart); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readToEnd reports, cheaply, that the rows read (n, the number of the
// last) reached the part's last row and that nothing from that row on is
// damaged. The workbook library stops reading at the first bad byte, so
// damage before the last row leaves n short, and damage in the last row or
// after it is in the tail scanned here. false is not damage: encoding/xml
// then decides.
func readToEnd(b []byte, n int) bool {
	i := lastRowTag(b)
	if i < 0 {
		return quickXML(b) // no row (or rows written unusually): scan it all
	}
	last, ok := rowNumber(b[i:])
	return ok && last == n && quickTail(b[i:])
}

// lastRowTag is the position of the last <row element of a sheet part, or
// -1.
func lastRowTag(b []byte) int {
	for end := len(b); ; {
		i := bytes.LastIndex(b[:end], []byte("<row"))
		if i < 0 || i+4 >= len(b) {
			return -1
		}
		switch b[i+4] {
		case ' ', '>', '/', '\t', '\n', '\r':
			return i
		}
		end = i // <rowBreaks>
	}
}

// rowNumber reads the r attribute of the row start tag b begins with.
func rowNumber(b []byte) (int, bool) {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return 0, false
	}
	tag := b[:end]
	i := bytes.Index(tag, []byte(` r="`))
	if i < 0 {
		return 0, false
	}
	digits := tag[i+4:]
	j := bytes.IndexByte(digits, '"')
	if j < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(string(digits[:j]))
	return n, err == nil
}

// decodeXML reads every token of b with encoding/xml, as the workbook
// library reads a sheet, and reports the first error.
func decodeXML(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			line, _ := d.InputPos()
			return fmt.Errorf("%w:内部 XML 第 %d 行结构错误,请用 Excel 打开后另存,或重新导出", ErrSheetDamaged, line)
		}
	}
}

// quickXML reports whether b is well-formed XML of the plain kind
// spreadsheet programs write: elements, quoted attributes, the five named
// entities, comments and the XML declaration, valid UTF-8. It may say
// false for well-formed XML (CDATA, a DOCTYPE, character references,
// non-ASCII names), never true for XML that encoding/xml rejects.
func quickXML(b []byte) bool { return plainChars(b) && (&xmlScan{b: b}).run() }

// quickTail is quickXML for the end of a sheet part from its last row on,
// inside <worksheet><sheetData>.
func quickTail(b []byte) bool {
	s := xmlScan{b: b, stack: [][]byte{[]byte("worksheet"), []byte("sheetData")}, root: true}
	return plainChars(b) && s.run()
}

// plainChars reports whether b is valid UTF-8 without the characters XML
// forbids, and whose every & starts a named entity.
func plainChars(b []byte) bool {
	return utf8.Valid(b) && !bytes.Contains(b, []byte("\xef\xbf\xbe")) && !bytes.Contains(b, []byte("\xef\xbf\xbf")) &&
		controlFree(b) && entitiesOK(b)
}

// run scans the markup, jumping from one '<' to the next.
func (s *xmlScan) run() bool {
	b := s.b
	for s.i < len(b) {
		lt := bytes.IndexByte(b[s.i:], '<')
		end := len(b)
		if lt >= 0 {
			end = s.i + lt
		}
		if len(s.stack) == 0 && !whiteSpace(b[s.i:end]) {
			return false // text outside the root element
		}
		s.i = end
		if lt < 0 {
			break
		}
		if !s.markup() {
			return false
		}
	}
	return len(s.stack) == 0 && s.root
}

// controlFree reports whether b holds no control character XML forbids
// (all below 0x20 but tab, line feed and carriage return), eight bytes at
// a time.
func controlFree(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if (x-0x20*ones)&^x&highs == 0 {
			continue // no byte below 0x20
		}
		if !controlFreeBytes(b[i : i+8]) {
			return false
		}
	}
	return controlFreeBytes(b[i:])
}

func controlFreeBytes(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// entitiesOK reports whether every & starts one of the five named
// entities.
func entitiesOK(b []byte) bool {
	for i := bytes.IndexByte(b, '&'); i >= 0; {
		if !namedEntity(b[i:]) {
			return false
		}
		next := bytes.IndexByte(b[i+1:], '&')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return true
}

// namedEntity reports whether b starts with &amp; &lt; &gt; &quot; or &apos;.
func namedEntity(b []byte) bool {
	for _, e := range []string{"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"} {
		if bytes.HasPrefix(b, []byte(e)) {
			return true
		}
	}
	return false
}

func whiteSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// xmlScan is the state of quickXML and quickTail.
type xmlScan struct {
	b     []byte
	i     int
	stack [][]byte // open element names
	root  bool     // the root element was opened
}

// markup checks the markup at s.i (which is '<') and moves past it.
func (s *xmlScan) markup() bool {
	rest := s.b[s.i:]
	if len(rest) < 2 {
		return false
	}
	switch rest[1] {
	case '/':
		return s.endTag()
	case '?', '!':
	default:
		return s.startTag()
	}
	switch {
	case bytes.HasPrefix(rest, []byte("<?")):
		// Only the XML declaration, first, in UTF-8.
		end := bytes.Index(rest, []byte("?>"))
		if s.i != 0 || end < 0 || !bytes.HasPrefix(rest, []byte("<?xml ")) || bytes.IndexByte(rest[:end], '<') > 0 ||
			!bytes.Contains(rest[:end], []byte(`version="1.0"`)) ||
			(bytes.Contains(rest[:end], []byte("encoding")) && !bytes.Contains(bytes.ToLower(rest[:end]), []byte(`encoding="utf-8"`))) {
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
	}
	return false
}

// nameByte classes the bytes of XML names the quick scan accepts: 1 for
// those that can start one (ASCII letters, _ and :), 2 for those that can
// only follow (digits, . and -).
var nameByte = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	t['_'], t[':'], t['.'], t['-'] = 1, 1, 2, 2
	return t
}()

// name reads an XML name of ASCII letters, digits and _:.- at s.i.
func (s *xmlScan) name() []byte {
	start := s.i
	if s.i < len(s.b) && nameByte[s.b[s.i]] == 1 {
		for s.i++; s.i < len(s.b) && nameByte[s.b[s.i]] != 0; s.i++ {
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
	end := bytes.IndexByte(s.b[s.i:], q)
	if end < 0 || bytes.IndexByte(s.b[s.i:s.i+end], '<') >= 0 {
		return false
	}
	s.i += end + 1
	return true
}

// brokenSheet records, once, that the workbook library could not read a
// sheet as a whole (for a cell's style, type or formula, or its merged
// ranges): a damaged part, which the row-by-row reading got past.
func (r *reader) brokenSheet(sheet string) {
	if r.broken == nil {
		r.broken = map[string]bool{}
	}
	if !r.broken[sheet] {
		r.broken[sheet] = true
		r.errorAt(sheet, -1, -1, "", fmt.Errorf("%w:内部 XML 结构错误,请用 Excel 打开后另存,或重新导出", ErrSheetDamaged))
	}
}
