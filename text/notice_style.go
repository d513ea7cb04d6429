package text

import (
	"strconv"
	"strings"
	"unicode"
)

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// formalPunct are the half-width marks the other outputs use in Chinese
// text and their full-width forms in a 公文.
var formalPunct = map[rune]rune{',': '\uff0c', ';': '\uff1b', ':': '\uff1a', '(': '\uff08', ')': '\uff09', '?': '\uff1f'}

// Formal sets a sentence in the typography of a 公文 (GB/T 15834): the
// HTML and the Excel write Chinese with half-width punctuation and a space
// around numbers ("总榜第 1 名,居前3位"); a 公文 has full-width
// punctuation and no such spaces ("总榜第1名,居前3位"). Marks between
// digits or Latin letters ("1,234", "D3:D12") and spaces between two Latin
// words are kept.
func Formal(s string) string {
	rs := []rune(s)
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return 0
		}
		return rs[i]
	}
	latin := func(c rune) bool { return c < 0x80 && (unicode.IsLetter(c) || isDigit(c)) }
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i, r := range rs {
		prev, next := at(i-1), at(i+1)
		full, mark := formalPunct[r]
		switch {
		case r == ' ' && !(latin(prev) && latin(next)):
		case mark && !(latin(prev) && latin(next)):
			b.WriteRune(full)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// chineseDigits are the numerals of Numeral.
var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes n (1–9999) in Chinese numerals, as 公文 number their parts:
// "一", "十", "十二", "二十一", "一百零五"; other numbers in Arabic.
func Numeral(n int) string {
	if n < 1 || n > 9999 {
		return strconv.Itoa(n)
	}
	units := []string{"千", "百", "十", ""}
	var b strings.Builder
	zero := false
	for i, p := range []int{1000, 100, 10, 1} {
		d := n / p % 10
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if p != 10 || d != 1 || b.Len() > 0 {
			b.WriteString(chineseDigits[d])
		}
		b.WriteString(units[i])
	}
	return b.String()
}

// titleEnds are the endings of a ranking's title that the notice's title
// replaces with 晒拼情况通报.
var titleEnds = []string{"晒拼指标排名", "晒拼排名", "指标排名", "排名情况", "排行榜", "排名", "情况"}

// NoticeTitle makes the notice's title from the ranking's (参数/标题):
// "金华市2022年1—4月晒拼指标排名(示例数据)" → "金华市2022年1—4月晒拼情况通报
// (示例数据)", "…“扛旗争先”大晒拼" → "…“扛旗争先”大晒拼情况通报"; a title that
// is already a 通报 is kept. period names an untitled ranking.
func NoticeTitle(title, period string) string {
	t := strings.TrimSpace(title)
	if t == "" {
		t = period
	}
	if strings.Contains(t, "通报") {
		return t
	}
	core, note := t, ""
	if strings.HasSuffix(t, ")") || strings.HasSuffix(t, "\uff09") {
		if i := strings.LastIndexAny(t, "(\uff08"); i > 0 {
			core, note = t[:i], t[i:]
		}
	}
	for _, end := range titleEnds {
		if c, ok := strings.CutSuffix(core, end); ok && c != "" {
			core = c
			break
		}
	}
	if !strings.HasSuffix(core, "晒拼") {
		core += "晒拼"
	}
	return core + "情况通报" + note
}
