// Package text holds the wording of results: the Chinese phrases and
// sentences that describe a ranking ("总榜第 1 名,居前3位", "较上期进位 2
// 名", "超时序进度 19.4 个百分点", "连续 4 个月居前3位") and the one table of
// how each tier is named and coloured. Every output that states a result
// (the HTML report, the Excel summary, the written notice) takes its words
// from here, so that all of them say the same thing in the same words.
//
// Everything here is pure: fed by rank.Result values, it returns plain
// text, never markup.
package text

import "shaipin/rank"

// Style is how one tier is named and coloured in every output. Red is
// honour (红旗, the top tier) and yellow marks the laggards (黄旗, the
// bottom tier), as at the meetings; green never appears, because readers
// would take green-good / red-bad the Western way round.
type Style struct {
	Tier rank.Tier
	// Class is the tier's CSS class in the HTML report.
	Class string
	// Code is the tier's letter in the report's packed data, which the
	// page's script reads.
	Code byte
	// Color is the tier's bar, cell and swatch colour in the HTML report
	// and OnColor the colour of text drawn on it. Line is the tier's line
	// in a trend chart: a yellow line is a shade deeper than a yellow bar
	// so that it shows on white.
	Color, OnColor, Line string
	// ExcelFill and ExcelText are a tier cell's fill and font colour in the
	// Excel summary ("" keeps the sheet's default); ExcelChart is the
	// tier's bar colour in its chart.
	ExcelFill, ExcelText, ExcelChart string

	// word is the tier's name when it does not depend on the tier sizes;
	// "" takes rank's 前N / 后N and adds 位.
	word string
}

// styles is the tier table.
var styles = [...]Style{
	{Tier: rank.Top, Class: "top", Code: 't',
		Color: "#c0392b", OnColor: "#ffffff", Line: "#c0392b",
		ExcelFill: "F8CBAD", ExcelText: "C00000", ExcelChart: "C00000"},
	{Tier: rank.Middle, Class: "middle", Code: 'm', word: "中间",
		Color: "#aab2bc", OnColor: "#1f2328", Line: "#8c96a3",
		ExcelChart: "A6A6A6"},
	{Tier: rank.Bottom, Class: "bottom", Code: 'b',
		Color: "#f1c40f", OnColor: "#5c4400", Line: "#dba90b",
		ExcelFill: "FFE699", ExcelText: "7F6000", ExcelChart: "FFC000"},
	{Tier: rank.None, Class: "none", Code: 'n', word: "未报送",
		Color: "#eceff2", OnColor: "#8a929b", Line: "#8c96a3"},
}

// StyleOf is the style of tier t. Any other value is shown as not ranked.
func StyleOf(t rank.Tier) Style {
	for _, s := range styles {
		if s.Tier == t {
			return s
		}
	}
	return styles[len(styles)-1]
}

// Name is the tier's name for people under the tier sizes of o: 前3位,
// 中间, 后3位, and 未报送 for units without a rank.
func (s Style) Name(o rank.Options) string {
	if s.word != "" {
		return s.word
	}
	return s.Tier.Label(o) + "位"
}

// Labels are the names of the four tiers under one set of rank options,
// for legends and column headers: 前3位 / 中间 / 后3位 / 未报送.
type Labels struct{ Top, Middle, Bottom, Missing string }

// TierLabels names the tiers under the tier sizes of o.
func TierLabels(o rank.Options) Labels {
	return Labels{
		Top:     StyleOf(rank.Top).Name(o),
		Middle:  StyleOf(rank.Middle).Name(o),
		Bottom:  StyleOf(rank.Bottom).Name(o),
		Missing: StyleOf(rank.None).Name(o),
	}
}
