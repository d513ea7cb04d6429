// Package officetest changes Office files as other programs do, for the
// tests of what shaipin may write over.
package officetest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"regexp"
)

var application = regexp.MustCompile(`<Application>[^<]*</Application>`)

// Resave rewrites the Application property of the package at path to app
// ("Microsoft Excel"), as that program does when it saves the file; every
// other part keeps its content.
func Resave(path, app string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer z.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range z.File {
		b, err := readAll(f)
		if err != nil {
			return err
		}
		if f.Name == "docProps/app.xml" {
			b = application.ReplaceAllLiteral(b, []byte("<Application>"+app+"</Application>"))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func readAll(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}
