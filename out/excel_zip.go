package out

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"regexp"
	"slices"
)

// contentTypesPart is the one part excelize writes in a varying order:
// AddChart registers the image extensions by ranging over a Go map, so the
// <Default> elements of [Content_Types].xml come out shuffled run to run
// (excelize v2.11.1, workbook.go setContentTypePartImageExtensions).
const contentTypesPart = "[Content_Types].xml"

// sortedZip is an excelize.ZipWriter that writes the parts excelize hands
// it unchanged and in the same order, except that it sorts the <Default>
// elements of [Content_Types].xml. Their order carries no meaning (each
// maps one file extension to a content type), so sorting them only makes
// the same workbook come out as the same bytes. Each part is held until
// the next one starts because excelize writes through the io.Writer it
// gets back from Create.
type sortedZip struct {
	zw      *zip.Writer
	name    string
	buf     bytes.Buffer
	pending bool
}

// newSortedZip is passed to excelize's SetZipWriter.
func newSortedZip(w io.Writer) *sortedZip { return &sortedZip{zw: zip.NewWriter(w)} }

// Create starts a part.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	z.name, z.pending = name, true
	z.buf.Reset()
	return &z.buf, nil
}

// AddFS adds a file system's files as parts; excelize does not call it,
// but the interface requires it.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes the last part and the zip directory.
func (z *sortedZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.Close()
}

func (z *sortedZip) flush() error {
	if !z.pending {
		return nil
	}
	z.pending = false
	data := z.buf.Bytes()
	if z.name == contentTypesPart {
		data = sortDefaults(data)
	}
	w, err := z.zw.Create(z.name)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// defaultElem matches one <Default .../> of [Content_Types].xml, in either
// form encoding/xml may write. Attribute values there never contain '>'.
var defaultElem = regexp.MustCompile(`<Default\s[^>]*?(?:/>|></Default>)`)

// sortDefaults puts the <Default> elements of a [Content_Types].xml in byte
// order, each into the slot of one of the originals, leaving every other
// byte where it was.
func sortDefaults(doc []byte) []byte {
	locs := defaultElem.FindAllIndex(doc, -1)
	if len(locs) < 2 {
		return doc
	}
	elems := make([][]byte, len(locs))
	for i, l := range locs {
		elems[i] = doc[l[0]:l[1]]
	}
	slices.SortFunc(elems, bytes.Compare)
	out := make([]byte, 0, len(doc))
	prev := 0
	for i, l := range locs {
		out = append(out, doc[prev:l[0]]...)
		out = append(out, elems[i]...)
		prev = l[1]
	}
	return append(out, doc[prev:]...)
}
