package data

import (
	"regexp"
	"strings"

	"golang.org/x/text/width"
)

// unitHeaders are the headers that mark the unit column, after whitespace
// removal and bracket narrowing.
var unitHeaders = map[string]bool{
	"地区": true, "单位": true, unitHeader: true, "县市区": true, "区县": true, "名称": true,
	"单位名称": true, "地区名称": true, "县(市,区)": true, "县(市区)": true,
	"部门": true, "责任单位": true, "乡镇(街道)": true, "乡镇街道": true, "县(市)": true,
}

// notIndicatorHeaders are columns that sit in data tables but are not measures.
var notIndicatorHeaders = map[string]bool{"序号": true, "排名": true, "名次": true, "备注": true}

// notePrefixes start the first non-empty cell of a note row under the table.
var notePrefixes = []string{"注", "备注", "说明", "数据来源"}

// Replacers of header text, built once: building one costs more than
// using it.
var (
	narrowPunct = strings.NewReplacer("（", "(", "）", ")", "，", ",")
	lineBreaks  = strings.NewReplacer("\r", "", "\n", "", "\t", "")
)

// normHeader removes white space and line breaks and narrows full-width
// brackets and punctuation so 县（市、区） matches 县(市、区).
func normHeader(s string) string {
	s = stripSpace(s)
	return narrowPunct.Replace(s)
}

// isUnitHeader reports whether a header cell names the unit column.
func isUnitHeader(s string) bool { return unitHeaders[normHeader(s)] }

// isNote reports whether a row's first non-empty cell starts a note.
func isNote(first string) bool {
	n := stripSpace(first)
	for _, p := range notePrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// trailingBracket matches the last bracket group of a header, either width.
var trailingBracket = regexp.MustCompile(`[(（]([^()（）]*)[)）]$`)

// splitHeader turns "年度投资完成率(%)" into ("年度投资完成率", "%") and
// "完成投资额（亿元）" into ("完成投资额", "亿元"). Line breaks and surrounding
// space are removed; the unit is narrowed (％ → %).
func splitHeader(h string) (name, unit string) {
	h = lineBreaks.Replace(h)
	h = strings.Trim(h, " \u3000")
	if m := trailingBracket.FindStringSubmatchIndex(h); m != nil {
		name = strings.Trim(h[:m[0]], " \u3000")
		unit = width.Narrow.String(stripSpace(h[m[2]:m[3]]))
		if name != "" {
			return name, unit
		}
	}
	return h, ""
}

// cleanName normalises a unit name as typed: all white space removed.
func cleanName(s string) string { return stripSpace(s) }
