package check

import (
	"errors"
	"slices"
	"strconv"

	"shaipin/data"
)

// Finding is one questioned figure, or a questioned column.
type Finding struct {
	Kind   Kind       `json:"kind"`
	Period data.Month `json:"period"`
	File   string     `json:"file"` // workbook base name
	Sheet  string     `json:"sheet,omitempty"`
	Cell   string     `json:"cell,omitempty"`  // "D7"; a range "D3:D12" when the whole column is questioned
	Value  string     `json:"value,omitempty"` // the figure as reported; "" for a whole column
	Group  string     `json:"group"`
	// Indicator is the indicator's name.
	Indicator string `json:"indicator"`
	// Units are the units whose own figures are questioned: the unit of the
	// cell, or the units driving a skewed column; none for a copied column.
	Units  []string `json:"units,omitempty"`
	Reason string   `json:"reason"` // in Chinese, saying what to check

	sheets []string // the file's data sheets in order, for sorting
}

// CellError is the finding as a problem at a cell, sorted and printed like
// the reader's: `2022-04.xlsx: 城市更新!D7: "0.527" 疑似…`.
func (f *Finding) CellError() *data.CellError {
	where := ""
	if f.Sheet != "" {
		where = f.Sheet + "!" + f.Cell
	}
	return data.ErrorAt(f.File, f.sheets, where, f.Value, errors.New(f.Reason))
}

// String prints the finding on one line, as CellError does.
func (f *Finding) String() string { return f.CellError().Error() }

// Findings are the findings of a run, sorted by position.
type Findings []*Finding

// ErrorList returns the findings as problems, for a caller that treats
// them as errors (--strict) or lists them with the reader's warnings.
func (fs Findings) ErrorList() data.ErrorList {
	list := make(data.ErrorList, len(fs))
	for i, f := range fs {
		list[i] = f.CellError()
	}
	list.Sort()
	return list
}

// Err returns the findings as an error (a data.ErrorList), or nil when
// there are none.
func (fs Findings) Err() error {
	if len(fs) == 0 {
		return nil
	}
	return fs.ErrorList()
}

// String prints the findings one per line, as the reader's errors print.
func (fs Findings) String() string { return fs.ErrorList().Error() }

// sort orders the findings by position, as data.ErrorList sorts; findings
// at the same place keep the order the checks ran in.
func (fs Findings) sort() {
	list := make(data.ErrorList, len(fs))
	of := make(map[*data.CellError]*Finding, len(fs))
	for i, f := range fs {
		list[i] = f.CellError()
		of[list[i]] = f
	}
	list.Sort()
	for i, e := range list {
		fs[i] = of[e]
	}
}

// UnitCount is how many findings question one unit's figures.
type UnitCount struct {
	Unit  string
	Count int
}

// String is the line `validate` prints: "义乌市:2 条核查提示".
func (c UnitCount) String() string { return c.Unit + ":" + strconv.Itoa(c.Count) + " 条核查提示" }

// PerUnit counts the findings per unit, in the order of units; a unit not
// in units comes after them, and a unit with none is left out. Findings
// about a whole copied column name no unit and are not counted.
func (fs Findings) PerUnit(units []string) []UnitCount {
	count := map[string]int{}
	order := append([]string(nil), units...)
	for _, f := range fs {
		for _, u := range f.Units {
			if _, seen := count[u]; !seen && !slices.Contains(units, u) {
				order = append(order, u)
			}
			count[u]++
		}
	}
	var out []UnitCount
	for _, u := range order {
		if n := count[u]; n > 0 {
			out = append(out, UnitCount{u, n})
			count[u] = 0 // a unit listed twice is counted once
		}
	}
	return out
}
