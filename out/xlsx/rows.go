package xlsx

import (
	"encoding/binary"
	"fmt"
	"math"
)

// cell is a cell of an open or a replayed row: a number, a string's index
// in the shared string table, or an inline string. A cell with no style
// was not written: every cell written has one.
type cell struct {
	style int
	kind  cellKind
	num   float64
	text  string
}

type cellKind uint8

const (
	cellBlank cellKind = iota
	cellText
	cellInline
	cellNumber
	cellInt
)

// rows are a sheet's rows as they are filled: rows up to done are in the
// record, and open holds rows done+1, done+2, … until they are. A row is
// recorded once the writer has moved two rows past it: a sheet is filled
// row by row, but for headers two rows tall.
type rows struct {
	done  int
	open  [][]cell
	spare [][]cell
	rec   record
}

// at is the cell at col, row, or false when its row is already recorded.
func (rs *rows) at(col, row int) (*cell, bool) {
	if row <= rs.done {
		return nil, false
	}
	rs.end(row - 2)
	for rs.done+len(rs.open) < row {
		var cells []cell
		if n := len(rs.spare); n > 0 {
			cells, rs.spare = rs.spare[n-1], rs.spare[:n-1]
		}
		rs.open = append(rs.open, cells)
	}
	r := &rs.open[row-rs.done-1]
	for len(*r) < col {
		*r = append(*r, cell{})
	}
	return &(*r)[col-1], true
}

// end records every row up to through.
func (rs *rows) end(through int) {
	for rs.done < through {
		var cells []cell
		if len(rs.open) > 0 {
			cells = rs.open[0]
			copy(rs.open, rs.open[1:])
			rs.open = rs.open[:len(rs.open)-1]
		}
		rs.done++
		rs.rec.add(cells)
		if cells != nil {
			clear(cells)
			rs.spare = append(rs.spare, cells[:0])
		}
	}
}

// at is the cell at col, row of the sheet.
func (s *Sheet[K]) at(col, row int) *cell {
	c, ok := s.rows.at(col, row)
	if !ok {
		s.Fail(fmt.Errorf("内部错误:%s 第 %d 行已写出后又被写入", s.name, row))
		return &cell{}
	}
	return c
}

// record is a sheet's rows, a few bytes a cell, in blocks that are let go
// as they are replayed. A national sheet of 8.5 million cells would take
// 340 MB as cells; recorded, it is about the size of its compressed XML.
//
// Each row is its number of cells, then each cell: a tag, then what the
// tag says follows. Rows are numbered from 1 in order. A cell whose style
// or shared string is that of the cell above it (the last recorded in its
// column) says so in its tag instead.
type record struct {
	blocks []*block
	prev   []prevCell // the last cell recorded in each column
	// next is the block being replayed.
	next int
}

// block is a run of recorded rows, and the inline strings of their cells
// in order.
type block struct {
	b      []byte
	inline []string
}

// blockSize is the size a block grows to before the next row starts a new
// one: small enough that a sheet being replayed lets its record go as the
// compressed XML that replaces it grows.
const blockSize = 64 << 10

// prevCell is the style and shared string index of a column's last cell
// (str is the index + 1, 0 for none).
type prevCell struct {
	style, str int
}

// The tag of a cell: its kind in the low bits, and flags.
const (
	tagKind      = 0x07
	tagWritten   = 0x08 // not set: a cell not written, and nothing follows
	tagSameStyle = 0x10 // the style of the cell above; else it follows
	tagSameStr   = 0x20 // the string of the cell above; else its index follows
)

// add records the next row.
func (r *record) add(cells []cell) {
	n := len(r.blocks)
	if n == 0 || len(r.blocks[n-1].b) >= blockSize {
		r.blocks = append(r.blocks, &block{b: make([]byte, 0, blockSize+blockSize/8)})
		n++
	}
	bl := r.blocks[n-1]
	b := binary.AppendUvarint(bl.b, uint64(len(cells)))
	for len(r.prev) < len(cells) {
		r.prev = append(r.prev, prevCell{})
	}
	for i := range cells {
		b = r.addCell(b, bl, &cells[i], &r.prev[i])
	}
	bl.b = b
}

func (r *record) addCell(b []byte, bl *block, c *cell, p *prevCell) []byte {
	if c.style == 0 {
		return append(b, 0)
	}
	tag := byte(c.kind) | tagWritten
	if c.style == p.style {
		tag |= tagSameStyle
	}
	str := 0
	if c.kind == cellText {
		str = int(c.num) + 1
		if str == p.str {
			tag |= tagSameStr
		}
		p.str = str
	}
	b = append(b, tag)
	if tag&tagSameStyle == 0 {
		b = binary.AppendUvarint(b, uint64(c.style))
		p.style = c.style
	}
	switch c.kind {
	case cellText:
		if tag&tagSameStr == 0 {
			b = binary.AppendUvarint(b, uint64(str-1))
		}
	case cellInline:
		bl.inline = append(bl.inline, c.text)
	case cellNumber:
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.num))
	case cellInt:
		b = binary.AppendVarint(b, int64(c.num))
	}
	return b
}

// replay calls emit with each recorded row in order, and lets each block
// go once its rows are replayed.
func (r *record) replay(emit func(row int, cells []cell)) {
	prev := make([]prevCell, len(r.prev))
	var cells []cell
	row := 0
	for ; r.next < len(r.blocks); r.next++ {
		bl := r.blocks[r.next]
		b, inline := bl.b, bl.inline
		for len(b) > 0 {
			n, k := binary.Uvarint(b)
			b = b[k:]
			cells = cells[:0]
			for i := range int(n) {
				var c cell
				b, inline = readCell(b, inline, &c, &prev[i])
				cells = append(cells, c)
			}
			row++
			emit(row, cells)
		}
		r.blocks[r.next] = nil
	}
}

// readCell reads a cell that addCell wrote.
func readCell(b []byte, inline []string, c *cell, p *prevCell) ([]byte, []string) {
	tag := b[0]
	b = b[1:]
	if tag&tagWritten == 0 {
		return b, inline
	}
	c.kind = cellKind(tag & tagKind)
	if tag&tagSameStyle == 0 {
		v, k := binary.Uvarint(b)
		b = b[k:]
		p.style = int(v)
	}
	c.style = p.style
	switch c.kind {
	case cellText:
		if tag&tagSameStr == 0 {
			v, k := binary.Uvarint(b)
			b = b[k:]
			p.str = int(v) + 1
		}
		c.num = float64(p.str - 1)
	case cellInline:
		c.text, inline = inline[0], inline[1:]
	case cellNumber:
		c.num = math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
	case cellInt:
		v, k := binary.Varint(b)
		b = b[k:]
		c.num = float64(v)
	}
	return b, inline
}
