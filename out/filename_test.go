package out

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidName(t *testing.T) {
	long := strings.Repeat("晒", MaxNameLen-5) + ".xlsx" // 255 UTF-16 units, 765 bytes
	for _, c := range []struct {
		name string
		ok   bool
		why  string // part of the message
	}{
		{"金华市2022年4月晒拼排名.xlsx", true, ""},
		{"leaderboard 2022-04 (终稿).html", true, ""},
		{"CONSOLE.xlsx", true, ""},
		{"com10.xlsx", true, ""},
		{".hidden", true, ""},
		{long, true, ""},
		{"晒" + long, false, "太长(256 个字符"},
		{"", false, "不是文件名"},
		{"..", false, "不是文件名"},
		{"CON", false, "CON 是 Windows 保留的设备名"},
		{"con.xlsx", false, "con 是 Windows 保留的设备名"},
		{"NUL .tar.gz", false, "NUL 是"},
		{"Aux.html", false, "Aux 是"},
		{"PRN.json", false, "PRN 是"},
		{"COM1.xlsx", false, "COM1 是"},
		{"lpt9.csv", false, "lpt9 是"},
		{"COM¹.xlsx", false, "COM¹ 是"},
		{"排名.", false, "以点或空格结尾"},
		{"排名.xlsx ", false, "以点或空格结尾"},
		{"4/5月.xlsx", false, "不允许的字符 /"},
		{`a\b.xlsx`, false, `不允许的字符 \`},
		{"义乌:排名.xlsx", false, "不允许的字符 :"},
		{"排名?.xlsx", false, "不允许的字符 ?"},
		{"*.xlsx", false, "不允许的字符 *"},
		{`"引号".xlsx`, false, `不允许的字符 "`},
		{"<排名>.xlsx", false, "不允许的字符 <"},
		{"a|b.xlsx", false, "不允许的字符 |"},
		{"换\n行.xlsx", false, "控制字符 U+000A"},
	} {
		err := ValidName(c.name)
		if c.ok {
			if err != nil {
				t.Errorf("ValidName(%q) = %v, want nil", c.name, err)
			}
			continue
		}
		var ne *NameError
		if !errors.As(err, &ne) || ne.Name != c.name || !strings.Contains(err.Error(), c.why) {
			t.Errorf("ValidName(%q) = %v, want a NameError saying %q", c.name, err, c.why)
		}
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"义乌市":               "义乌市",
		"金义新区/金东区":          "金义新区_金东区",
		`a\b:c*d?e"f<g>h|i`: "a_b_c_d_e_f_g_h_i",
		"开发区\t(金开)":         "开发区_(金开)",
	} {
		got := SafeName(in)
		if got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
		if err := ValidName(got + ".xlsx"); err != nil {
			t.Errorf("SafeName(%q) still invalid: %v", in, err)
		}
	}
}

// TestWriteRefusesWindowsNames: no output gets a name Windows cannot
// open, whatever system writes it, and nothing is written.
func TestWriteRefusesWindowsNames(t *testing.T) {
	for _, name := range []string{"CON.xlsx", "报告.", "nul", "a:b.html"} {
		dir := t.TempDir()
		err := WriteFile(filepath.Join(dir, name), content("x"))
		var ne *NameError
		if !errors.As(err, &ne) {
			t.Errorf("WriteFile(%q) = %v, want a NameError", name, err)
		}
		if got := files(t, dir); len(got) != 0 {
			t.Errorf("WriteFile(%q) left %v", name, got)
		}
	}
}
