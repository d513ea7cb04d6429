package out

import (
	"archive/zip"
	"bytes"
	"io"
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
	parts := []struct{ name, body string }{
		{"xl/workbook.xml", "<workbook/>"},
		{"[Content_Types].xml", `<Types><Default Extension="png" ContentType="p"/><Default Extension="bmp" ContentType="b"/></Types>`},
		{"docProps/app.xml", "<app/>"},
	}
	var buf bytes.Buffer
	z := newSortedZip(&buf)
	for _, p := range parts {
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
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(parts) {
		t.Fatalf("%d parts, want %d", len(zr.File), len(parts))
	}
	for i, f := range zr.File {
		rc, _ := f.Open()
		got, _ := io.ReadAll(rc)
		rc.Close()
		want := parts[i].body
		if f.Name == contentTypesPart {
			want = `<Types><Default Extension="bmp" ContentType="b"/><Default Extension="png" ContentType="p"/></Types>`
		}
		if f.Name != parts[i].name || string(got) != want {
			t.Errorf("part %d = %s %q, want %s %q (order kept, only content types sorted)", i, f.Name, got, parts[i].name, want)
		}
	}
}
