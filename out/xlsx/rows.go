package xlsx

import "fmt"

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
