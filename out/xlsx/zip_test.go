package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestSortDefaults(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
	const tail = `<Override PartName="/xl/workbook.xml" ContentType="w"></Override></Types>`
	png := `<Default Extension="png" ContentType="image/png"></Default>`
	bmp := `<Default Extension="bmp" ContentType="image/bmp"></Default>`
	xml := `<Default Extension="xml" ContentType="application/xml"/>`
	tests := []struct {
		name, in, want string
	}{
		{"shuffled", head + png + xml + bmp + tail, head + bmp + png + xml + tail},
		{"sorted already", head + bmp + png + xml + tail, head + bmp + png + xml + tail},
		{"reversed", head + xml + png + bmp + tail, head + bmp + png + xml + tail},
		{"split by an override", head + png + tail + bmp, head + bmp + tail + png},
		{"one", head + png + tail, head + png + tail},
		{"none", head + tail, head + tail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(sortDefaults([]byte(tt.in))); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestSortedZip(t *testing.T) {
	big := strings.Repeat(`<row r="1"><c r="A1" s="3" t="inlineStr"><is><t>婺城区</t></is></c></row>`, 3*zipChunkSize/70)
	parts := []struct{ name, body string }{
		{"xl/workbook.xml", "<workbook/>"},
		{"xl/worksheets/sheet2.xml", big},
		{"[Content_Types].xml", `<Types><Default Extension="png" ContentType="p"/><Default Extension="bmp" ContentType="b"/></Types>`},
		{"xl/worksheets/sheet1.xml", "<worksheet/>"},
		{"_rels/.rels", "<Relationships/>"},
		{"docProps/app.xml", ""},
	}
	write := func(order []int) []byte {
		var buf bytes.Buffer
		z := newSortedZip(&buf, nil)
		for _, i := range order {
			p := parts[i]
			w, err := z.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			// excelize may write a part in several calls.
			io.WriteString(w, p.body[:len(p.body)/2])
			io.WriteString(w, p.body[len(p.body)/2:])
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	b := write([]int{0, 1, 2, 3, 4, 5})
	// Parts rewritten in the background end in any order: the bytes do
	// not change.
	if again := write([]int{3, 1, 0, 5, 4, 2}); !bytes.Equal(b, again) {
		t.Errorf("the order of the parts changes the bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		// Reading to the end checks the checksum and the size.
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		var body string
		for _, p := range parts {
			if p.name == f.Name {
				body = p.body
			}
		}
		if f.Name == contentTypesPart {
			body = `<Types><Default Extension="bmp" ContentType="b"/><Default Extension="png" ContentType="p"/></Types>`
		}
		if string(got) != body {
			t.Errorf("%s: %d bytes differ from the %d written", f.Name, len(got), len(body))
		}
		if f.Method != zip.Deflate || !f.Modified.IsZero() && f.Modified.Year() > 1980 {
			t.Errorf("%s: method %d, modified %v", f.Name, f.Method, f.Modified)
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("parts = %q, want %q", names, want)
	}
}
