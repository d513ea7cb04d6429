package data

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// wellFormed is encoding/xml's verdict, the one excelize reads by.
func wellFormed(b []byte) bool { return decodeXML(b) == nil }

// sheetXML returns the first worksheet part of a workbook.
func firstSheetXML(t *testing.T, book []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			return zipPart(f, 1<<30)
		}
	}
	t.Fatal("no sheet")
	return nil
}

// TestQuickXML: the quick scan accepts the sheets excelize and LibreOffice
// write, and never accepts what encoding/xml rejects: every byte of a
// sheet flipped to characters that break XML, and random bytes.
func TestQuickXML(t *testing.T) {
	book := workbook(t, sheet{name: "s", rows: [][]any{{"地区", "a(%)", "b"}, {"婺城区", 90.8, "x&y<z>"}, {"金东区", 1, "\"q\""}},
		merges: [][2]string{{"B1", "C1"}}, formula: map[string]string{"C3": "B3*2"}})
	libre := mustReadFile(t, "testdata/libreoffice-2022-04.xlsx")
	for _, b := range [][]byte{firstSheetXML(t, book), firstSheetXML(t, libre)} {
		if !quickXML(b) || !wellFormed(b) {
			t.Fatalf("rejects a sound sheet:\n%s", b)
		}
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range b {
			for _, c := range []byte{'<', '>', '&', '"', '/', '=', ' ', 0x01, 0xff, 'x', byte(rng.IntN(256))} {
				d := bytes.Clone(b)
				d[i] = c
				if quickXML(d) && !wellFormed(d) {
					t.Fatalf("accepts damaged XML (byte %d → %q):\n%s", i, c, d)
				}
			}
		}
	}
}

// TestDamagedSheet: a worksheet whose XML is damaged is an error, never an
// empty or short sheet; the damage is found wherever it is.
func TestDamagedSheet(t *testing.T) {
	rows := [][]any{{"地区", "a"}}
	for _, u := range []string{"婺城区", "金东区", "兰溪市", "东阳市", "义乌市"} {
		rows = append(rows, []any{u, 88.5})
	}
	book := workbook(t, sheet{name: "s", rows: rows})
	part := firstSheetXML(t, book)
	for _, at := range []string{`<row r="1"`, `<c r="B4"`, `</row></sheetData>`, `<v>88.5</v></c></row></sheetData>`} {
		i := bytes.Index(part, []byte(at))
		if i < 0 {
			t.Fatalf("no %q in %s", at, part)
		}
		damaged := replacePart(t, book, "xl/worksheets/sheet1.xml", flip(part, i+2))
		_, err := ReadBytes("2022-04.xlsx", damaged, Options{})
		if !errors.Is(err, ErrSheetDamaged) || !strings.Contains(err.Error(), "2022-04.xlsx: s: 工作表损坏") {
			t.Errorf("damage at %q: %v", at, err)
		}
	}
}

// flip returns b with the byte at i changed.
func flip(b []byte, i int) []byte {
	d := bytes.Clone(b)
	d[i] ^= 0x20
	return d
}

// replacePart returns a workbook with one part's content replaced.
func replacePart(t *testing.T, book []byte, name string, content []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		b := zipPart(f, 1<<30)
		if f.Name == name {
			b = content
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDamageNeverSilent changes the bytes of a sheet's XML one at a time:
// the reading is then an error 工作表损坏, or reads every figure as before,
// or the XML is still well-formed (a changed digit, which no reader can
// tell). A sheet cut short is never read as if whole. The LibreOffice
// workbook has percent styles, read through the whole-sheet path.
func TestDamageNeverSilent(t *testing.T) {
	excelize := workbook(t, sheet{name: "s", rows: [][]any{
		{"县（市、区）", "城市更新", nil}, {nil, "投资额(亿元)", "完成率(%)"},
		{"婺城区", 1.5, 40}, {"金东区", 2.5, 50}, {"兰溪市", 3.5, 60}}, merges: [][2]string{{"A1", "A2"}, {"B1", "C1"}}})
	libre := mustReadFile(t, "testdata/libreoffice-2022-04.xlsx")
	for _, c := range []struct {
		book []byte
		step int
	}{{excelize, 1}, {libre, 3}} {
		want := describeRead(t, c.book)
		part := firstSheetXML(t, c.book)
		for i := 0; i < len(part); i += c.step {
			ch := []byte{'<', 'x', '"', 0x01, '>', '/'}[(i/c.step)%6]
			if part[i] == ch {
				continue
			}
			d := bytes.Clone(part)
			d[i] = ch
			b := replacePart(t, c.book, "xl/worksheets/sheet1.xml", d)
			_, err := ReadBytes("2022-04.xlsx", b, Options{})
			if errors.Is(err, ErrSheetDamaged) || wellFormed(d) {
				continue
			}
			if got := describeRead(t, b); got != want {
				t.Fatalf("byte %d → %q read silently:\n%s\nwant\n%s\n%s", i, ch, got, want, d)
			}
		}
	}
}

// describeRead is what a workbook reads to: indicators, units, values.
func describeRead(t *testing.T, b []byte) string {
	t.Helper()
	ds, err := ReadBytes("2022-04.xlsx", b, Options{})
	if err != nil {
		return err.Error()
	}
	p := ds.Latest()
	var s strings.Builder
	for _, ind := range p.Indicators {
		fmt.Fprintf(&s, "%s:", ind.Key())
		for k, v := range ind.Values {
			fmt.Fprintf(&s, " %s=%s", p.Units[k], fmtNum(v))
		}
		s.WriteString("\n")
	}
	return s.String()
}
