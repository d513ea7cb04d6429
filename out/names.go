package out

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"shaipin/data"
)

// MaxCardNameLen is the longest file name FileName makes, in characters with
// the extension: a chat's file card shows about that much, and the path
// stays far from Windows' 260.
const MaxCardNameLen = 80

// FileName makes a file name every system accepts from stem and ext
// (".xlsx"): the characters Windows forbids become _ (SafeName), trailing
// dots and spaces (which Windows drops) go, a device name (CON, NUL, COM1…)
// gets a _, and the stem is cut so the name has at most MaxCardNameLen
// characters. The result always passes ValidName.
func FileName(stem, ext string) string {
	stem = SafeName(strings.TrimSpace(stem))
	if room := MaxCardNameLen - utf8.RuneCountInString(ext); utf8.RuneCountInString(stem) > room {
		stem = string([]rune(stem)[:room])
	}
	stem = strings.TrimRight(stem, ". ")
	if base, _, _ := strings.Cut(stem, "."); stem == "" || reserved[strings.ToUpper(base)] {
		stem += "_"
	}
	return stem + ext
}

// NamePattern names a report's files (without the extension): the text
// with {city} (金华市, from the title), {label} (2022年4月), {period}
// (2022-04) and {title} (the whole title) filled in.
type NamePattern string

// DefaultName names a report's files as a chat shows them best:
// 金华市2022年4月晒拼排名.
const DefaultName NamePattern = "{city}{label}晒拼排名"

var (
	placeholder  = regexp.MustCompile(`\{[^{}]*\}`)
	placeholders = map[string]bool{"{city}": true, "{label}": true, "{period}": true, "{title}": true}
)

// ParseNamePattern checks a pattern given by the user: only the known
// placeholders, no folder, no extension. "" is DefaultName.
func ParseNamePattern(s string) (NamePattern, error) {
	if s == "" {
		return DefaultName, nil
	}
	for _, p := range placeholder.FindAllString(s, -1) {
		if !placeholders[p] {
			return "", fmt.Errorf("%q 中的 %s 无法识别,可用 {city}、{label}、{period}、{title}", s, p)
		}
	}
	if strings.ContainsAny(s, `/\`) {
		return "", fmt.Errorf("%q 只是文件名,不含目录(输出目录用 -o 指定)", s)
	}
	for _, ext := range []string{".html", ".xlsx", ".json"} {
		if strings.HasSuffix(strings.ToLower(s), ext) {
			return "", errors.New("文件名不含扩展名(.html、.xlsx、.json 会自动加上)")
		}
	}
	return NamePattern(s), nil
}

// Name is the file name the pattern gives a report of title and month,
// with ext, made safe by FileName. The empty pattern is DefaultName.
func (p NamePattern) Name(title string, m data.Month, ext string) string {
	if p == "" {
		p = DefaultName
	}
	stem := strings.NewReplacer(
		"{city}", City(title), "{label}", m.Label(), "{period}", m.String(), "{title}", title,
	).Replace(string(p))
	return FileName(stem, ext)
}

// cityName is a place name leading a title: two to ten characters and the
// word for a level of government (金华市, 浙江省, 金义新区), so that 全市
// is not taken for one.
var cityName = regexp.MustCompile(`\A\p{Han}{2,10}?(?:自治州|地区|省|市|州|盟|县|区)`)

// City is the place a title leads with, after any period in it:
// 金华市2022年1—4月晒拼指标排名 and 2022年4月金华市晒拼 both give 金华市;
// "" when the title starts with none.
func City(title string) string {
	rest := strings.TrimLeftFunc(data.WithoutPeriod(title), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
	return cityName.FindString(rest)
}
