package data

import (
	"os"
	"testing"
)

// FuzzParseText: any text either reads as a number, as missing, or is an
// error — never a panic — and a number read back reads the same.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{"91.86", "52.7%", "1,234.5", "９１．８６", "—", "近1.1", "9l.2", "-0", ".5", "1e5", "17.9亿元", "+3", "١٢"} {
		f.Add(s, "亿元")
	}
	f.Fuzz(func(t *testing.T, s, unit string) {
		p, err := parseText(s, unit)
		if err != nil || p.missing {
			return
		}
		again, err := parseText(formatDecimals(p.number, p.decimals), "")
		if err != nil || again.number != p.number {
			t.Fatalf("%q → %v → %v %v", s, p.number, again.number, err)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2022-04", "2022年1—4月", "202204", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if err != nil {
			return
		}
		p := m.String()
		if len(p) != 7 || p[4] != '-' {
			t.Fatalf("%q → %q", s, p)
		}
		if again, err := ParseMonth(p); err != nil || again != m || m.Next() <= m {
			t.Fatalf("%q → %q → %v %v", s, p, again, err)
		}
	})
}

// FuzzRead: any bytes give a Period or errors, never a panic.
func FuzzRead(f *testing.F) {
	f.Add(monthBookBytes(f))
	f.Add([]byte("PK\x03\x04garbage"))
	for _, c := range messyCorpus() {
		f.Add(workbook(f, c.sheets...))
	}
	for _, c := range badCorpus() {
		if c.raw == nil {
			f.Add(workbook(f, c.sheets...))
		}
	}
	for _, p := range []string{"testdata/libreoffice-2022-04.xlsx", "testdata/old-2022-04.xls"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<20 {
			return
		}
		_, _ = ReadBytes("2022-04.xlsx", b, Options{MaxUnzipSize: 16 << 20})
	})
}

func monthBookBytes(f *testing.F) []byte {
	return workbook(f, sheet{name: "g", rows: [][]any{{"地区", "a(%)"}, {"甲", 0.5}, {"乙", "52.7%"}}, merges: [][2]string{{"C1", "D1"}}})
}

// FuzzQuickXML: the quick scan never accepts XML that encoding/xml, by
// which the workbook library reads a sheet, rejects.
func FuzzQuickXML(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
		`<worksheet xmlns:x="u"><x:c a='1 &amp; 2'>t&lt;</x:c><!-- c --><e/></worksheet>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if quickXML(b) && !wellFormed(b) {
			t.Fatalf("accepts %q", b)
		}
	})
}
