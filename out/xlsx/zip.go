package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// contentTypesPart is the one part excelize writes in a varying order:
// AddChart registers the image extensions by ranging over a Go map, so the
// <Default> elements of [Content_Types].xml come out shuffled run to run
// (excelize v2.11.1, workbook.go setContentTypePartImageExtensions).
const contentTypesPart = "[Content_Types].xml"

// sortedZip is an excelize.ZipWriter that writes some parts anew (the
// worksheets' rows and the shared strings, see Sheet), makes the workbook's
// bytes depend on its content alone, and compresses it on every core.
//
// Determinism: the rewritten parts are finished by goroutines in whatever
// order they finish, and the <Default> elements of [Content_Types].xml come
// shuffled (see contentTypesPart). sortedZip keeps every part, compressed,
// until Close and then writes them in a fixed order (partOrder), with the
// <Default> elements sorted. Neither order carries meaning.
//
// Speed: a national workbook is some 400 MB of XML, and deflating it on one
// core took longer than making it. Each part is cut into chunks that are
// deflated at once, as pigz does: every chunk but the last ends on a byte
// boundary (a sync flush), so the chunks joined are one deflate stream that
// any inflater reads. Only the compressed parts are kept, an eighth of the
// XML.
type sortedZip struct {
	w     io.Writer
	parts []*zipEntry
	cur   *zipEntry
	sem   chan struct{} // a slot per core for the chunks being deflated
	wg    sync.WaitGroup
	// rewrite writes the parts it names anew from what excelize wrote
	// for them (see rewrite), each in its own goroutine, beside the others
	// and the compressors, while excelize goes on with the next part.
	rewrite   map[string]rewrite
	rewritten map[string]bool
	gens      sync.WaitGroup
	mu        sync.Mutex
	err       error
}

// zipChunkSize is the XML deflated as one chunk: large enough that the
// restart of the compressor's window at each chunk costs little, small
// enough to keep every core busy on a part of a few megabytes.
const zipChunkSize = 1 << 20

// zipLevel trades size for speed: flate.BestSpeed deflates XML three times
// as fast as the default level, for files about a third larger.
const zipLevel = flate.BestSpeed

// zipEntry is one part being written: its checksum and size over the whole
// XML, the chunks handed to the compressors, and the XML not yet handed
// over.
type zipEntry struct {
	z      *sortedZip
	name   string
	crc    uint32
	size   uint64
	chunks []*zipChunk
	buf    []byte
	// async is set when a goroutine writes the part and ends it (see
	// rewriter).
	async bool
}

// zipChunk is a deflated chunk, ready once its compressor is done.
type zipChunk struct {
	out []byte
	err error
}

// rewrite writes a part to w given the part excelize wrote, doc.
type rewrite func(doc []byte, w io.Writer) error

// newSortedZip is passed to excelize's SetZipWriter, with the parts to
// rewrite, by name.
func newSortedZip(w io.Writer, parts map[string]rewrite) *sortedZip {
	return &sortedZip{w: w, sem: make(chan struct{}, runtime.GOMAXPROCS(0)), rewrite: parts, rewritten: map[string]bool{}}
}

// Create starts a part.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	z.end()
	z.cur = &zipEntry{z: z, name: name}
	z.parts = append(z.parts, z.cur)
	if r, ok := z.rewrite[name]; ok {
		return &rewriter{e: z.cur, rewrite: r}, nil
	}
	return z.cur, nil
}

// rewriter is a part to be written anew.
type rewriter struct {
	e       *zipEntry
	rewrite rewrite
}

// Write takes the part excelize wrote, all of it (excelize writes a part
// in one call), and rewrites it in the background.
func (r *rewriter) Write(doc []byte) (int, error) {
	e, z := r.e, r.e.z
	if e.async {
		return 0, fmt.Errorf("内部错误:%s 分多次写入", e.name)
	}
	z.rewritten[e.name] = true
	e.async = true
	z.gens.Add(1)
	go func() {
		defer z.gens.Done()
		z.fail(r.rewrite(doc, e))
		e.end()
	}()
	return len(doc), nil
}

// fail keeps the first error of the rewriting goroutines.
func (z *sortedZip) fail(err error) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.err == nil && err != nil {
		z.err = err
	}
}

// AddFS adds a file system's files as parts; excelize does not call it,
// but the interface requires it.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, _ := z.Create(name)
		_, err = w.Write(data)
		return err
	})
}

// Write adds XML to the part, deflating each full chunk as it fills.
func (p *zipEntry) Write(b []byte) (int, error) {
	n := len(b)
	if p.name == contentTypesPart {
		// Sorted and checksummed whole, when it ends.
		p.buf = append(p.buf, b...)
		return n, nil
	}
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += uint64(n)
	for len(b) > 0 {
		if p.buf == nil {
			p.buf = chunkBufs.Get().([]byte)[:0]
		}
		k := min(len(b), zipChunkSize-len(p.buf))
		p.buf, b = append(p.buf, b[:k]...), b[k:]
		if len(p.buf) == zipChunkSize {
			p.deflate(false)
		}
	}
	return n, nil
}

// end ends the current part, unless a goroutine is still writing it.
func (z *sortedZip) end() {
	p := z.cur
	z.cur = nil
	if p != nil && !p.async {
		p.end()
	}
}

// end hands the part's last chunk to a compressor.
func (p *zipEntry) end() {
	if p.name == contentTypesPart {
		p.buf = sortDefaults(p.buf)
		p.crc = crc32.ChecksumIEEE(p.buf)
		p.size = uint64(len(p.buf))
	}
	p.deflate(true)
}

// deflate compresses the part's pending XML as its next chunk, in the
// background; the last chunk ends the deflate stream.
func (p *zipEntry) deflate(last bool) {
	c := &zipChunk{}
	p.chunks = append(p.chunks, c)
	data := p.buf
	p.buf = nil
	z := p.z
	z.sem <- struct{}{}
	z.wg.Add(1)
	go func() {
		defer func() { <-z.sem; z.wg.Done() }()
		if cap(data) == zipChunkSize {
			defer chunkBufs.Put(data[:0])
		}
		fw := flateWriters.Get().(*flate.Writer)
		defer flateWriters.Put(fw)
		// Deflated into a reused buffer and kept at its exact size: a
		// buffer grown by doubling would make twice the garbage.
		out := outBufs.Get().(*bytes.Buffer)
		defer outBufs.Put(out)
		out.Reset()
		fw.Reset(out)
		if _, c.err = fw.Write(data); c.err != nil {
			return
		}
		if last {
			c.err = fw.Close()
		} else {
			c.err = fw.Flush()
		}
		c.out = bytes.Clone(out.Bytes())
	}()
}

// flateWriters are reused: each holds a window and hash tables of about a
// megabyte.
var flateWriters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(io.Discard, zipLevel)
	return fw
}}

// outBufs hold chunks being deflated.
var outBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// chunkBufs hold the XML of chunks waiting to be deflated: a national
// workbook passes four hundred of them.
var chunkBufs = sync.Pool{New: func() any { return make([]byte, 0, zipChunkSize) }}

// Close waits for the compressors and writes the parts and the zip
// directory.
func (z *sortedZip) Close() error {
	z.end()
	z.gens.Wait()
	z.wg.Wait()
	if z.err != nil {
		return z.err
	}
	for name := range z.rewrite {
		if !z.rewritten[name] {
			return fmt.Errorf("内部错误:excelize 没有写出 %s", name)
		}
	}
	parts := slices.Clone(z.parts)
	slices.SortStableFunc(parts, func(a, b *zipEntry) int { return partOrder(a.name, b.name) })
	zw := zip.NewWriter(z.w)
	for _, p := range parts {
		var compressed uint64
		for _, c := range p.chunks {
			if c.err != nil {
				return c.err
			}
			compressed += uint64(len(c.out))
		}
		fh := &zip.FileHeader{
			Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: compressed, UncompressedSize64: p.size,
			// What Create writes for a deflated part: version 2.0 made by
			// MS-DOS, needed to extract; UTF-8 names flagged.
			CreatorVersion: 20, ReaderVersion: 20,
		}
		if !isASCII(p.name) {
			fh.Flags |= 0x800
		}
		w, err := zw.CreateRaw(fh)
		if err != nil {
			return err
		}
		for _, c := range p.chunks {
			if _, err := w.Write(c.out); err != nil {
				return err
			}
			c.out = nil // written: let it go
		}
	}
	return zw.Close()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// partOrder puts [Content_Types].xml first, where tools that sniff a
// file's type look for it, then the package relationships, then the rest
// by name.
func partOrder(a, b string) int {
	rank := func(name string) int {
		switch {
		case name == contentTypesPart:
			return 0
		case strings.HasPrefix(name, "_rels/"):
			return 1
		}
		return 2
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	return strings.Compare(a, b)
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
