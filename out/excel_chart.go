package out

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"shaipin/rank"
	"shaipin/text"
)

// boardChart draws the scored units' composite scores (the first n rows of
// 总榜, names in unitCol and scores in scoreCol) as horizontal bars, best
// at the top, each bar in its tier's colour. The chart reads the table's
// cells, so a score corrected in the sheet redraws it, and it stays an
// editable chart when pasted into a slide. Of more than chartBars units it
// draws the first chartBars: a province's 90 bars still read, the nation's
// 2,844 would make a chart three hundred pages tall.
func boardChart(s *sheet, row, n, unitCol, scoreCol int) {
	title := "综合得分"
	if n > chartBars {
		n = chartBars
		title = fmt.Sprintf("综合得分(前 %d 名)", n)
	}
	ref := func(c int) string {
		col, err := excelize.ColumnNumberToName(c)
		s.Fail(err)
		return fmt.Sprintf("'%s'!$%s$4:$%s$%d", s.Name(), col, col, 3+n)
	}
	scoreName, err := excelize.ColumnNumberToName(scoreCol)
	s.Fail(err)
	lo, hi := 0.0, 100.0
	font := excelize.Font{Family: fontName, Size: 10, Color: "404040"}
	o := s.res.Rules
	chart := &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$%s$3", s.Name(), scoreName),
			Categories: ref(unitCol),
			Values:     ref(scoreCol),
			Fill:       solid(text.StyleOf(rank.Middle).ExcelChart),
		}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: title, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true, Color: "404040"},
		}}},
		Legend: excelize.ChartLegend{Position: "none"},
		// The category axis runs bottom-up by default; reversed, rank 1
		// comes first as in the table.
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: font},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Minimum: &lo, Maximum: &hi, MajorUnit: 20, Font: font},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: scoreFormat}},
		Dimension: excelize.ChartDimension{Width: 720, Height: uint(max(280, 60+26*n))},
		Format: excelize.GraphicOptions{
			AltText: fmt.Sprintf("%s条形图:红色为前%d位,黄色为后%d位", title, o.Top, o.Bottom),
		},
	}
	colours := make([]string, n)
	cats := make([]string, n)
	vals := make([]float64, n)
	for i, r := range s.res.Overall[:n] {
		if r.Tier == rank.Top || r.Tier == rank.Bottom { // the rest keep the series' middle fill
			colours[i] = text.StyleOf(r.Tier).ExcelChart
		}
		cats[i], vals[i] = r.Unit, *r.Score
	}
	// Before the columns get their widths, as it always was: excelize
	// anchors the chart's corners by the widths it knows, so it spans the
	// columns A–L the way it did, wider than its nominal 720 pixels.
	s.AddChart(1, row, chart, func(doc []byte) []byte { return completeBarChart(doc, colours, cats, vals) })
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
