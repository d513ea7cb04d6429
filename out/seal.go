package out

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"regexp"
	"strings"
)

// The parts of an Office package that say where its properties are.
const (
	typesPart = "[Content_Types].xml"
	relsPart  = "_rels/.rels"
)

// propertyParts are the two property parts a sealed package has, with
// what its content types and relationships must say of each.
var propertyParts = []struct{ name, contentType, relType string }{
	{appPart, "application/vnd.openxmlformats-officedocument.extended-properties+xml",
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"},
	{customPart, "application/vnd.openxmlformats-officedocument.custom-properties+xml",
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"},
}

const emptyApp = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>`

// sealPackage copies the Office package src (an .xlsx or .docx) to dst
// with command's marker: Application in docProps/app.xml, and the digest
// of every other part in docProps/custom.xml. The parts that do not change
// are copied as they are, compressed, so a large workbook costs a copy.
func sealPackage(dst io.Writer, src io.ReaderAt, size int64, command string) error {
	z, err := zip.NewReader(src, size)
	if err != nil {
		return fmt.Errorf("内部错误:输出不是完整的 Office 文件: %w", err)
	}
	changed, err := propertyEdits(z.File, command)
	if err != nil {
		return err
	}
	var sums []partSum
	for _, f := range z.File {
		if _, ok := changed[f.Name]; !ok {
			sums = append(sums, partSum{f.Name, f.CRC32, f.UncompressedSize64})
		}
	}
	for name, content := range changed {
		sums = append(sums, sumOf(name, content))
	}
	changed[customPart] = []byte(customProperties(packageDigest(sums)))
	return writePackage(dst, z.File, changed)
}

// propertyEdits are the parts sealing a package writes anew, but the
// digest: app.xml naming the command, and the content types and package
// relationships declaring both property parts. A part that cannot be read
// is taken as missing: app.xml is then made anew, and a package without
// content types or relationships is refused.
func propertyEdits(files []*zip.File, command string) (map[string][]byte, error) {
	edits := map[string][]byte{appPart: withApplication(readPart(files, appPart), Generator(command))}
	types, rels := readPart(files, typesPart), readPart(files, relsPart)
	for _, p := range propertyParts {
		types = declare(types, `PartName="/`+p.name+`"`, `</Types>`,
			`<Override PartName="/`+p.name+`" ContentType="`+p.contentType+`"/>`)
		rels = declare(rels, `Target="`+p.name+`"`, `</Relationships>`,
			`<Relationship Id="rIdShaipin`+strings.TrimSuffix(p.name[len("docProps/"):], ".xml")+`" Type="`+p.relType+`" Target="`+p.name+`"/>`)
	}
	if types == nil || rels == nil {
		return nil, fmt.Errorf("内部错误:输出缺少 %s 或 %s", typesPart, relsPart)
	}
	edits[typesPart], edits[relsPart] = types, rels
	return edits, nil
}

var applicationAny = regexp.MustCompile(`<Application>[^<]*</Application>|<Application/>`)

// withApplication is app.xml (or an empty one) with Application set.
func withApplication(app []byte, name string) []byte {
	if len(app) == 0 {
		app = []byte(emptyApp)
	}
	elem := []byte("<Application>" + name + "</Application>")
	if applicationAny.Match(app) {
		return applicationAny.ReplaceAllLiteral(app, elem)
	}
	at := bytes.LastIndex(app, []byte("</Properties>"))
	if at < 0 {
		return []byte(strings.Replace(emptyApp, "></Properties>", ">"+string(elem)+"</Properties>", 1))
	}
	return append(append(append([]byte{}, app[:at]...), elem...), app[at:]...)
}

// declare adds elem before the closing tag end of doc unless doc has
// present; nil when doc is not there or not closed.
func declare(doc []byte, present, end, elem string) []byte {
	if doc == nil || bytes.Contains(doc, []byte(present)) {
		return doc
	}
	at := bytes.LastIndex(doc, []byte(end))
	if at < 0 {
		return nil
	}
	return append(append(append([]byte{}, doc[:at]...), elem...), doc[at:]...)
}

// customProperties is docProps/custom.xml holding the digest.
func customProperties(digest string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="` + digestProp + `"><vt:lpwstr>` + digest + `</vt:lpwstr></property></Properties>`
}

// writePackage writes the parts of files in their order, those in changed
// with their new content, then the changed parts that are new, in the
// order of propertyParts.
func writePackage(dst io.Writer, files []*zip.File, changed map[string][]byte) error {
	zw := zip.NewWriter(dst)
	var model *zip.FileHeader // the header new parts copy: the time, the flags
	put := func(name string) error {
		fh := *model
		fh.Name, fh.Method, fh.Extra, fh.Comment = name, zip.Deflate, nil, ""
		w, err := zw.CreateHeader(&fh)
		if err == nil {
			_, err = w.Write(changed[name])
		}
		delete(changed, name)
		return err
	}
	for _, f := range files {
		if model == nil {
			model = &f.FileHeader
		}
		var err error
		if _, ok := changed[f.Name]; ok {
			err = put(f.Name)
		} else {
			err = zw.Copy(f)
		}
		if err != nil {
			return err
		}
	}
	for _, p := range propertyParts {
		if _, ok := changed[p.name]; ok && model != nil {
			if err := put(p.name); err != nil {
				return err
			}
		}
	}
	return zw.Close()
}

// sealer hashes a text file as it is written, to end it with its seal.
type sealer struct {
	w    io.Writer
	h    hash.Hash
	last byte // the last byte written
}

func newSealer(w io.Writer) *sealer { return &sealer{w: w, h: sha256.New()} }

func (s *sealer) Write(b []byte) (int, error) {
	n, err := s.w.Write(b)
	s.h.Write(b[:n])
	if n > 0 {
		s.last = b[n-1]
	}
	return n, err
}

// close writes the seal. It must be a line of its own: a line break is
// added first when the text does not end with one.
func (s *sealer) close(command string) error {
	if s.last != '\n' {
		if _, err := s.Write([]byte("\n")); err != nil {
			return err
		}
	}
	_, err := io.WriteString(s.w, seal(command, s.h.Sum(nil)))
	return err
}
