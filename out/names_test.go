package out

import (
	"strings"
	"testing"
	"unicode/utf8"

	"shaipin/data"
)

func TestFileName(t *testing.T) {
	long := strings.Repeat("金华市", 40)
	for _, c := range []struct{ stem, ext, want string }{
		{"2022-05-义乌市", ".xlsx", "2022-05-义乌市.xlsx"},
		{`金华市:2022/4 "晒拼"?<>|*\`, ".html", "金华市_2022_4 _晒拼_______.html"},
		{"通报\t2022-04", ".md", "通报_2022-04.md"},
		{"报告. . ", ".json", "报告.json"},
		{"con", ".xlsx", "con_.xlsx"},
		{"NUL.tar", ".gz", "NUL.tar_.gz"},
		{"COM1", ".html", "COM1_.html"},
		{"console", ".html", "console.html"},
		{"", ".xlsx", "_.xlsx"},
		{long, ".xlsx", strings.Repeat("金华市", 25) + ".xlsx"},
		{strings.Repeat("a", 74) + ".", ".json", strings.Repeat("a", 74) + ".json"},
	} {
		got := FileName(c.stem, c.ext)
		if got != c.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", c.stem, c.ext, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > MaxCardNameLen {
			t.Errorf("%q: %d characters", got, n)
		}
	}
}

func TestReportName(t *testing.T) {
	april := data.NewMonth(2022, 4)
	for _, c := range []struct{ pattern, title, want string }{
		{"", "金华市2022年1—4月晒拼指标排名(示例数据)", "金华市2022年4月晒拼排名.html"},
		{"", "2022年4月金华市扛旗争先大晒拼", "金华市2022年4月晒拼排名.html"},
		{"", "浙江省县域晒拼", "浙江省2022年4月晒拼排名.html"},
		{"", "2022年4月晒拼指标排名", "2022年4月晒拼排名.html"},
		{"", "全市晒拼指标", "2022年4月晒拼排名.html"},
		{"", "【金华市】晒拼", "金华市2022年4月晒拼排名.html"},
		{"leaderboard-{period}", "金华市晒拼", "leaderboard-2022-04.html"},
		{"{title}", "金华市2022年4月晒拼:终稿", "金华市2022年4月晒拼_终稿.html"},
		{"{city}晒拼{label}", "义乌市晒拼", "义乌市晒拼2022年4月.html"},
	} {
		p, err := ParseNamePattern(c.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Name(c.title, april, ".html"); got != c.want {
			t.Errorf("%q on %q: %q, want %q", c.pattern, c.title, got, c.want)
		}
	}
	for _, bad := range []string{"{month}", "报告/{period}", `a\b`, "{period}.xlsx"} {
		if _, err := ParseNamePattern(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestFileNameIsValid: whatever the title holds, FileName makes a name
// ValidName accepts.
func TestFileNameIsValid(t *testing.T) {
	for _, stem := range []string{"", " ", "CON", "nul.", "a:b|c", "金华市 2022年4月. ", "lpt¹", "\x00\x7f", strings.Repeat("晒拼", 100)} {
		name := FileName(stem, ".xlsx")
		if err := ValidName(name); err != nil {
			t.Errorf("FileName(%q) = %q: %v", stem, name, err)
		}
	}
}
