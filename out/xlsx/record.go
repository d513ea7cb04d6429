package xlsx

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
)

// record is a sheet's rows, a few bytes a cell, in blocks that are let go
// as they are replayed. A national sheet of 8.5 million cells would take
// 340 MB as cells; recorded, a province's workbook (2 million cells) takes
// 1.3 MB, a third of the compressed workbook.
//
// Each row is its number of cells and whether their tags are those of the
// row above, then, unless they are, a tag per cell, then the content of
// each cell, as its tag says. Rows are numbered from 1 in order. A cell
// whose style or shared string is that of the cell above it (the last
// recorded in its column) says so in its tag instead; a figure with few
// decimals is an integer and a power of ten; an inline string is the
// number of its first occurrence in the sheet. The rows of a table mostly
// have the tags of the row above, and their cells a byte or two each.
type record struct {
	blocks []*block
	prev   []prevCell // the last cell recorded in each column
	// cur is the block being recorded, in scratch: each block is kept
	// at its size when it is full, so that the record holds no spare
	// capacity. The sheets of a book are filled one after the other and
	// share one scratch block.
	cur, scratch *block
	// texts are the sheet's inline strings, each once, up to maxTexts
	// of them; textIndex finds them while rows are recorded. The remarks
	// of a national sheet's 850,000 rows are a few thousand strings.
	texts     []string
	textIndex map[string]int
	// tags and pay are scratch for the row being recorded, and lastTags
	// the tags of the row before.
	tags, pay, lastTags []byte
	// next is the block being replayed.
	next int
}

// block is a run of recorded rows, and in order the inline strings of
// their cells that are not in the record's texts.
type block struct {
	b      []byte
	inline []string
}

// blockSize is the size a block grows to before the next row starts a new
// one: small enough that a sheet being replayed lets its record go as the
// compressed XML that replaces it grows.
const blockSize = 64 << 10

// maxTexts bounds the record's table of inline strings, for a sheet
// whose strings are all different.
const maxTexts = 1 << 16

// prevCell is the style and shared string index of a column's last cell
// (str is the index + 1, 0 for none).
type prevCell struct {
	style, str int
}

// The tag of a cell: its kind in the low bits, and flags. The last flag
// means one thing for each kind: the compact form of its content.
const (
	tagKind      = 0x07
	tagWritten   = 0x08 // not set: a cell not written, and nothing follows
	tagSameStyle = 0x10 // the style of the cell above; else it comes first
	tagSameStr   = 0x20 // text: the string of the cell above; else its index
	tagDecimal   = 0x40 // number: n / 10^d, as d and n; else its 8 bytes
	tagKnown     = 0x40 // inline: its number in texts; else it is next in the block
	tagNegative  = 0x40 // integer: negative, and its absolute value is recorded
)

// add records the next row.
func (r *record) add(cells []cell) {
	if r.cur == nil {
		if r.scratch == nil {
			r.scratch = &block{}
		}
		r.cur = r.scratch
	}
	bl := r.cur
	for len(r.prev) < len(cells) {
		r.prev = append(r.prev, prevCell{})
	}
	tags, pay := r.tags[:0], r.pay[:0]
	for i := range cells {
		var tag byte
		tag, pay = r.addCell(pay, bl, &cells[i], &r.prev[i])
		tags = append(tags, tag)
	}
	head := uint64(len(cells)) << 1
	if bytes.Equal(tags, r.lastTags) {
		head |= 1
	}
	b := binary.AppendUvarint(bl.b, head)
	if head&1 == 0 {
		b = append(b, tags...)
		r.lastTags = append(r.lastTags[:0], tags...)
	}
	bl.b = append(b, pay...)
	r.tags, r.pay = tags, pay
	if len(bl.b) >= blockSize {
		r.seal()
	}
}

// seal keeps the rows recorded since the last block as a block of their
// own, and frees the scratch block.
func (r *record) seal() {
	bl := r.cur
	r.cur = nil
	if bl == nil || len(bl.b) == 0 {
		return
	}
	kept := &block{b: slices.Clone(bl.b)}
	if len(bl.inline) > 0 {
		kept.inline = slices.Clone(bl.inline)
	}
	r.blocks = append(r.blocks, kept)
	clear(bl.inline)
	bl.b, bl.inline = bl.b[:0], bl.inline[:0]
}

// close ends the recording.
func (r *record) close() {
	r.seal()
	r.textIndex = nil
}

// addCell is a cell's tag, and its content appended to pay.
func (r *record) addCell(pay []byte, bl *block, c *cell, p *prevCell) (byte, []byte) {
	if c.style == 0 {
		return 0, pay
	}
	tag := byte(c.kind) | tagWritten
	if c.style == p.style {
		tag |= tagSameStyle
	} else {
		pay = binary.AppendUvarint(pay, uint64(c.style))
		p.style = c.style
	}
	switch c.kind {
	case cellText:
		if str := int(c.num) + 1; str == p.str {
			tag |= tagSameStr
		} else {
			pay = binary.AppendUvarint(pay, uint64(str-1))
			p.str = str
		}
	case cellInline:
		if i, ok := r.textNumber(c.text); ok {
			tag |= tagKnown
			pay = binary.AppendUvarint(pay, uint64(i))
		} else {
			bl.inline = append(bl.inline, c.text)
		}
	case cellNumber:
		if n, d, ok := decimal(c.num); ok {
			tag |= tagDecimal
			pay = binary.AppendUvarint(append(pay, byte(d)), zigzag(n))
		} else {
			pay = binary.LittleEndian.AppendUint64(pay, math.Float64bits(c.num))
		}
	case cellInt:
		n := int64(c.num)
		if n < 0 {
			tag |= tagNegative
			n = -n
		}
		pay = binary.AppendUvarint(pay, uint64(n))
	}
	return tag, pay
}

// textNumber is the number of v in the record's texts, added if it is new
// and there is room.
func (r *record) textNumber(v string) (int, bool) {
	if i, ok := r.textIndex[v]; ok {
		return i, true
	}
	if len(r.texts) >= maxTexts {
		return 0, false
	}
	if r.textIndex == nil {
		r.textIndex = map[string]int{}
	}
	r.textIndex[v] = len(r.texts)
	r.texts = append(r.texts, v)
	return len(r.texts) - 1, true
}

// replay calls emit with each recorded row in order, and lets each block
// go once its rows are replayed.
func (r *record) replay(emit func(row int, cells []cell)) {
	prev := make([]prevCell, len(r.prev))
	var cells []cell
	var tags []byte
	row := 0
	for ; r.next < len(r.blocks); r.next++ {
		bl := r.blocks[r.next]
		b, inline := bl.b, bl.inline
		for len(b) > 0 {
			var head uint64
			head, b = uvarint(b)
			n := int(head >> 1)
			if head&1 == 0 {
				tags, b = append(tags[:0], b[:n]...), b[n:]
			}
			cells = cells[:0]
			for i, tag := range tags {
				var c cell
				b, inline = r.readCell(tag, b, inline, &c, &prev[i])
				cells = append(cells, c)
			}
			row++
			emit(row, cells)
		}
		r.blocks[r.next] = nil
	}
	r.texts = nil
}

// readCell reads the content of a cell that addCell wrote, given its tag.
func (r *record) readCell(tag byte, b []byte, inline []string, c *cell, p *prevCell) ([]byte, []string) {
	if tag&tagWritten == 0 {
		return b, inline
	}
	var v uint64
	c.kind = cellKind(tag & tagKind)
	if tag&tagSameStyle == 0 {
		v, b = uvarint(b)
		p.style = int(v)
	}
	c.style = p.style
	switch c.kind {
	case cellText:
		if tag&tagSameStr == 0 {
			v, b = uvarint(b)
			p.str = int(v) + 1
		}
		c.num = float64(p.str - 1)
	case cellInline:
		if tag&tagKnown != 0 {
			v, b = uvarint(b)
			c.text = r.texts[v]
		} else {
			c.text, inline = inline[0], inline[1:]
		}
	case cellNumber:
		if tag&tagDecimal != 0 {
			d := b[0]
			v, b = uvarint(b[1:])
			c.num = float64(unzigzag(v)) / pow10[d]
		} else {
			c.num = math.Float64frombits(binary.LittleEndian.Uint64(b))
			b = b[8:]
		}
	case cellInt:
		v, b = uvarint(b)
		c.num = float64(v)
		if tag&tagNegative != 0 {
			c.num = -c.num
		}
	}
	return b, inline
}

func uvarint(b []byte) (uint64, []byte) {
	v, k := binary.Uvarint(b)
	return v, b[k:]
}

func zigzag(n int64) uint64   { return uint64(n<<1) ^ uint64(n>>63) }
func unzigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

// pow10 are the powers of ten a figure may be recorded with: reported
// figures have a few decimals.
var pow10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6}

// decimal is v as n / 10^d, when that is exactly v (to the bit: not -0)
// for some d of pow10. Both powers and n are exact in a float64, so
// dividing again gives v back.
func decimal(v float64) (n int64, d int, ok bool) {
	for d, p := range pow10 {
		x := v * p
		if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
			continue
		}
		n = int64(x)
		if math.Float64bits(float64(n)/p) == math.Float64bits(v) {
			return n, d, true
		}
	}
	return 0, 0, false
}
