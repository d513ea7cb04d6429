package out

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"shaipin/out/xlsx"
	"shaipin/rank"
	"shaipin/text"
)

// boardCharts draws the scored units' composite scores (the first n rows
// under 总榜's header row head, names in unitCol and scores in scoreCol) as
// horizontal bars, from row on, as wide as the printed columns 1..printed.
// A chart is kept on one printed page, below the repeated header, never
// across two: a board of more bars than a page holds is drawn as several
// charts of equal size, one a page. Of more than chartBars units the
// first chartBars are drawn: a province's 90 bars still read, the nation's
// 2,844 would make a chart three hundred pages tall.
func boardCharts(s *sheet, row, head, n, unitCol, scoreCol, printed int) {
	n = min(n, chartBars)
	// The page's room for a chart, in pixels, below the header row, less
	// a row for the chart's last, partly covered row.
	room := (xlsx.PageHeight - headerPoints(2) - 15) / xlsx.ChartPoints(1)
	bar, per := 26, n
	if chartPixels(n, bar) > room {
		bar = 18
		per = int((room - chartOverhead) / float64(bar))
		charts := (n + per - 1) / per
		per = (n + charts - 1) / charts // as even as can be
	}
	cols := chartColumns{head: head, unit: unitCol, score: scoreCol, printed: printed}
	for a := 0; a < n; a += per {
		p := chartPart{a: a, b: min(n, a+per), part: n < len(s.res.Overall) || per < n}
		p.height = chartPixels(p.b-p.a, bar)
		if row+int(p.height)/rowPixels >= s.MaxRows() {
			return // no room left on the sheet
		}
		last := boardChart(s, row, cols, p)
		s.Keep(row, last)
		row = last + 2
	}
}

// chartColumns are where a 总榜 chart finds its figures: the header row,
// the units' and scores' columns, and the last column printed.
type chartColumns struct{ head, unit, score, printed int }

// chartPart is one chart of the board: its rows a..b−1 of the scored
// units, its height in pixels, and whether it shows only part of the
// board (and says which in its title).
type chartPart struct {
	a, b   int
	height float64
	part   bool
}

// chartOverhead is what a 总榜 chart has besides its bars (title, axis,
// padding), in pixels, and rowPixels the fewest pixels a row takes when
// a chart is anchored to rows.
const (
	chartOverhead = 60
	rowPixels     = 18
)

// chartPixels is the height of a chart of n bars each bar pixels tall.
func chartPixels(n, bar int) float64 {
	return float64(max(280, chartOverhead+bar*n))
}

// headerPoints is the height of a header row of so many lines.
func headerPoints(lines int) float64 { return float64(6 + 16*lines) }

// boardChart draws part p of the board's scored units as one chart at
// row, and returns the last row it covers.
func boardChart(s *sheet, row int, c chartColumns, p chartPart) int {
	board := s.res.Overall[p.a:p.b]
	title := "综合得分"
	if p.part {
		title = fmt.Sprintf("综合得分(第 %d—%d 名)", *board[0].Rank, *board[len(board)-1].Rank)
	}
	ref := func(n int) string {
		col, err := excelize.ColumnNumberToName(n)
		s.Fail(err)
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s.Name(), col, c.head+1+p.a, col, c.head+p.b)
	}
	scoreName, err := excelize.ColumnNumberToName(c.score)
	s.Fail(err)
	lo, hi := 0.0, 100.0
	font := excelize.Font{Family: fontName, Size: 10, Color: "404040"}
	o := s.res.Rules
	chart := &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$%s$%d", s.Name(), scoreName, c.head),
			Categories: ref(c.unit),
			Values:     ref(c.score),
			Fill:       solid(text.StyleOf(rank.Middle).ExcelChart),
		}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: title, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true, Color: "404040"},
		}}},
		Legend: excelize.ChartLegend{Position: "none"},
		// The category axis runs bottom-up by default; reversed, rank 1
		// comes first as in the table.
		XAxis:    excelize.ChartAxis{ReverseOrder: true, Font: font},
		YAxis:    excelize.ChartAxis{MajorGridLines: true, Minimum: &lo, Maximum: &hi, MajorUnit: 20, Font: font},
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: scoreFormat}},
		// As wide as the printed table: excelize anchors the chart by the
		// default column width (64 pixels), before the columns get theirs,
		// so it spans columns 1..printed whatever their widths.
		Dimension: excelize.ChartDimension{Width: uint(64*c.printed - 1), Height: uint(p.height)},
		Format: excelize.GraphicOptions{
			AltText: fmt.Sprintf("%s条形图:红色为前%d位,黄色为后%d位", title, o.Top, o.Bottom),
		},
	}
	colours := make([]string, len(board))
	cats := make([]string, len(board))
	vals := make([]float64, len(board))
	for i, r := range board {
		if r.Tier == rank.Top || r.Tier == rank.Bottom { // the rest keep the series' middle fill
			colours[i] = text.StyleOf(r.Tier).ExcelChart
		}
		cats[i], vals[i] = r.Unit, *r.Score
	}
	return s.AddChart(1, row, chart, func(doc []byte) []byte { return completeBarChart(doc, colours, cats, vals) })
}

// completeBarChart adds to excelize's one-series bar chart what excelize
// cannot write for it: a colour per bar (its ChartDataPoint is for pie
// charts only) and the cached categories and values. Excel redraws from
// the cells anyway; the caches are what previewers without a calculation
// engine (mail and chat attachments, phones) draw from. An empty colour
// keeps the series colour. Anchors that are not found leave the chart as
// it was.
func completeBarChart(doc []byte, colours, cats []string, vals []float64) []byte {
	var pts bytes.Buffer
	for i, c := range colours {
		if c != "" {
			fmt.Fprintf(&pts, `<dPt><idx val="%d"/><invertIfNegative val="0"/><bubble3D val="0"/>`+
				`<spPr><a:solidFill><a:srgbClr val="%s"/></a:solidFill></spPr></dPt>`, i, c)
		}
	}
	// A series' data points follow its invertIfNegative (CT_BarSer).
	doc = insertAfter(doc, "</invertIfNegative>", pts.Bytes())

	var strs bytes.Buffer
	fmt.Fprintf(&strs, `<strCache><ptCount val="%d"/>`, len(cats))
	for i, c := range cats {
		fmt.Fprintf(&strs, `<pt idx="%d"><v>`, i)
		xml.EscapeText(&strs, []byte(c))
		strs.WriteString(`</v></pt>`)
	}
	strs.WriteString(`</strCache>`)
	if at := bytes.Index(doc, []byte("<cat><strRef>")); at >= 0 {
		doc = append(doc[:at:at], insertAfter(doc[at:], "</f>", strs.Bytes())...)
	}

	var nums bytes.Buffer
	fmt.Fprintf(&nums, `<numCache><formatCode>%s</formatCode><ptCount val="%d"/>`, scoreFormat, len(vals))
	for i, v := range vals {
		fmt.Fprintf(&nums, `<pt idx="%d"><v>%s</v></pt>`, i, strconv.FormatFloat(v, 'f', -1, 64))
	}
	nums.WriteString(`</numCache>`)
	return bytes.Replace(doc, []byte("<numCache><formatCode></formatCode></numCache>"), nums.Bytes(), 1)
}

// chartBars is the most bars the 总榜 chart draws.
const chartBars = 100

// insertAfter inserts ins after the first occurrence of anchor.
func insertAfter(doc []byte, anchor string, ins []byte) []byte {
	at := bytes.Index(doc, []byte(anchor))
	if at < 0 || len(ins) == 0 {
		return doc
	}
	at += len(anchor)
	out := make([]byte, 0, len(doc)+len(ins))
	out = append(append(append(out, doc[:at]...), ins...), doc[at:]...)
	return out
}
