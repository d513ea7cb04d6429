package out

import (
	"encoding/csv"
	"io"
	"strconv"

	"shaipin/rank"
	"shaipin/text"
)

// CSVHeader is the first row of the CSV output. Columns are only ever
// added at the end, so that sheets built on the file keep working.
// 倒数名次 is given only where the tier comes from the worst end
// (rank.Entry.ReverseRank).
var CSVHeader = []string{"期间", "分组", "指标", "计量单位", "方向", "单位名称", "数值", "排名", "档次", "说明", "较上期变化", "倒数名次"}

// CSV writes one row per (indicator, unit), UTF-8 with a BOM so Excel opens
// it as Chinese text. Text a spreadsheet would run as a formula is
// prefixed with ' so it stays text.
func CSV(w io.Writer, res *rank.Result) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			value := ""
			if e.Value != nil {
				value = e.Display
			}
			row := []string{res.Month.String(), ind.Group, ind.Name, ind.Unit, dirLabel(ind), e.Unit, value, number(e.Rank),
				text.StyleOf(e.Tier).Name(res.Rules), e.Why, changeNumber(e.Change), number(e.ReverseRank)}
			for i := range row {
				row[i] = SafeText(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func dirLabel(ind rank.Indicator) string { return ind.Direction.Label() }

// SafeText prefixes text that a spreadsheet would take for a formula
// (starting with =, +, -, @, or a tab or carriage return) with an
// apostrophe. Plain signed numbers (-3.2, +2) are left alone.
func SafeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

// number writes a whole number, "" for none.
func number(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// changeNumber writes a rank change as a signed number (+2, -1, 0), ""
// when there is nothing to compare with.
func changeNumber(c *int) string {
	if c == nil {
		return ""
	}
	if *c > 0 {
		return "+" + strconv.Itoa(*c)
	}
	return strconv.Itoa(*c)
}
