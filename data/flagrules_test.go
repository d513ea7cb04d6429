package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Every kind of condition, in the spellings offices write, reads to one
// canonical spelling.
func TestParseFlagCond(t *testing.T) {
	for _, c := range []struct {
		in, want string
		kind     CondKind
	}{
		{"总榜前3", "总榜前3", CondBoard},
		{" 总榜 后 三 ", "总榜后3", CondBoard},
		{"总榜前十二名", "总榜前12", CondBoard},
		{"单项前3", "单项前3", CondItems},
		{"单项后3累计≥5项", "单项后3累计≥5项", CondItems},
		{"单项后三累计五项以上", "单项后3累计≥5项", CondItems},
		{"单项后3位>4项", "单项后3累计≥5项", CondItems},
		{"单项后3累计\uff1e\uff1d5项", "单项后3累计≥5项", CondItems},
		{"连续2期总榜后3", "连续2期总榜后3", CondBoard},
		{"连续两个月总榜后三位", "连续2期总榜后3", CondBoard},
		{"连续3期单项后3累计≥5项", "连续3期单项后3累计≥5项", CondItems},
		{"进位≥3", "进位≥3", CondMove},
		{"总榜退位>=2", "退位≥2", CondMove},
		{"进位3名以上", "进位≥3", CondMove},
		{"连续2期进位≥1", "连续2期进位≥1", CondMove},
		{"未报送≥3项", "未报送≥3项", CondMissing},
		{"管控力量化指数<88", "管控力量化指数<88", CondValue},
		{"省级问题整改率低于60%", "省级问题整改率<60%", CondValue},
		{"城乡收入比 不高于 2.10", "城乡收入比≤2.1", CondValue},
		{"年度投资完成率\uff1c时序进度", "年度投资完成率<时序进度", CondValue},
		{"七张问题清单/管控力量化指数>=90分", "七张问题清单/管控力量化指数≥90分", CondValue},
		{"1平方公里以上片区改造完成投资额未达到2亿元", "1平方公里以上片区改造完成投资额<2亿元", CondValue},
	} {
		got, err := ParseFlagCond(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got.String() != c.want || got.Kind != c.kind {
			t.Errorf("%q: %q (%s), want %q (%s)", c.in, got.String(), got.Kind, c.want, c.kind)
		}
		// The canonical spelling reads back to the same condition.
		if again, err := ParseFlagCond(got.String()); err != nil || again != got {
			t.Errorf("%q does not read back: %+v, %v", got.String(), again, err)
		}
	}
}

func TestParseFlagCondBad(t *testing.T) {
	for _, in := range []string{
		"", "总榜前", "总榜前3累计≥2项", "随便写写", "<88", "管控力量化指数<很多",
		"进位", "单项后0", "连续期总榜后3", "连续2期未报送≥3项", "连续2期管控力量化指数<88",
	} {
		if c, err := ParseFlagCond(in); err == nil {
			t.Errorf("%q: read as %q", in, c.String())
		}
	}
}

func TestNewFlagRuleKinds(t *testing.T) {
	for _, c := range []struct {
		flag, name string
		kind       FlagKind
	}{
		{"红旗", "红旗", FlagRed}, {"黄旗\uff08警示\uff09", "黄旗(警示)", FlagYellow}, {"进步奖", "进步奖", FlagRed},
	} {
		r, err := NewFlagRule("总榜前3", c.flag)
		if err != nil || r.Flag != c.name || r.Kind != c.kind {
			t.Errorf("%q: %+v %v", c.flag, r, err)
		}
	}
	for _, bad := range []string{"", "蓝旗", "表扬"} {
		if _, err := NewFlagRule("总榜前3", bad); !errors.Is(err, ErrBadFlag) && !errors.Is(err, ErrNoFlag) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// flagSheet is a workbook with a data sheet and the given 红黄旗规则 rows.
func flagSheet(rows ...[]any) []sheet {
	return []sheet{
		{name: "g", rows: [][]any{{"地区", "a"}, {"甲", 1}, {"乙", 2}}},
		{name: SheetFlagRules, rows: rows},
	}
}

func TestReadFlagRulesSheet(t *testing.T) {
	p := mustRead(t, flagSheet(
		[]any{"条件", "旗帜", "说明"},
		[]any{"总榜前3", "红旗"},
		[]any{"注:以下为警示"},
		[]any{"连续2期总榜后3 → 黄旗(警示)", nil, "连续落后"},
		[]any{"a<1", "黄旗", "警戒线"},
	)...)
	var got []string
	for _, r := range p.FlagRules {
		got = append(got, r.Rule+"|"+r.Flag+"|"+r.Note+"|"+r.Where)
	}
	want := "总榜前3|红旗||红黄旗规则!A2 连续2期总榜后3|黄旗(警示)|连续落后|红黄旗规则!A4 a<1|黄旗|警戒线|红黄旗规则!A5"
	if strings.Join(got, " ") != want {
		t.Errorf("rules:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	// The sheet is not read as data.
	if len(p.Indicators) != 1 {
		t.Errorf("indicators: %d", len(p.Indicators))
	}
	// Without the sheet: nil (defaults); with an empty one: no rules.
	if p := mustRead(t, flagSheet()[0]); p.FlagRules != nil {
		t.Errorf("no sheet: %v", p.FlagRules)
	}
	if p := mustRead(t, flagSheet([]any{"条件", "旗帜"})...); p.FlagRules == nil || len(p.FlagRules) != 0 {
		t.Errorf("empty sheet: %v", p.FlagRules)
	}
}

// Every bad rule is reported at its cell, all at once.
func TestReadFlagRulesSheetErrors(t *testing.T) {
	_, err := read(t, flagSheet(
		[]any{"条件", "旗帜"},
		[]any{"总榜前3", "红旗"},
		[]any{"总榜前", "红旗"},
		[]any{"总榜后3", "蓝旗"},
		[]any{"总榜后3"},
		[]any{"总榜前3", "红旗"},
	)...)
	want := []string{
		`2022-04.xlsx: 红黄旗规则!A3: "总榜前" 无法识别的条件`,
		`2022-04.xlsx: 红黄旗规则!B4: "蓝旗" 旗帜应为`,
		`2022-04.xlsx: 红黄旗规则!B5: 缺少旗帜`,
		`2022-04.xlsx: 红黄旗规则!A6: "总榜前3" 与第 2 行的规则重复`,
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) != len(want) {
		t.Fatalf("errors:\n%v", err)
	}
	for i, w := range want {
		if !strings.HasPrefix(list[i].Error(), w) {
			t.Errorf("error %d: %q, want %q…", i, list[i].Error(), w)
		}
	}
}

// --flags reads a workbook of its own or a CSV, UTF-8 or GB18030.
func TestReadFlagRulesFile(t *testing.T) {
	dir := t.TempDir()
	xlsx := writeFile(t, dir, "规则.xlsx", workbook(t, sheet{name: "任意", rows: [][]any{{"总榜前3 → 红旗"}, {"进位≥3", "进步奖"}}}))
	rules, err := ReadFlagRules(xlsx, Options{})
	if err != nil || len(rules) != 2 || rules[1].Flag != "进步奖" || rules[1].File != "规则.xlsx" {
		t.Fatalf("xlsx: %+v %v", rules, err)
	}
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().String("条件,旗帜\n总榜后3,黄旗\n连续2期未报送≥3项,黄旗\n")
	csv := writeFile(t, dir, "规则.csv", []byte(gbk))
	_, err = ReadFlagRules(csv, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), `规则.csv: A3: "连续2期未报送≥3项" 「连续N期」只能用于`) {
		t.Fatalf("csv: %v", err)
	}
	if err := os.WriteFile(csv, []byte("\xef\xbb\xbf条件,旗帜\n总榜后3,黄旗\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rules, err := ReadFlagRules(csv, Options{}); err != nil || len(rules) != 1 || rules[0].Where != "A2" {
		t.Errorf("utf-8 csv: %+v %v", rules, err)
	}
	two := writeFile(t, dir, "两表.xlsx", workbook(t, sheet{name: "a"}, sheet{name: "b"}))
	if _, err := ReadFlagRules(two, Options{}); err == nil || !strings.Contains(err.Error(), "找不到「红黄旗规则」工作表") {
		t.Errorf("two sheets: %v", err)
	}
	if _, err := ReadFlagRules(filepath.Join(dir, "无.xlsx"), Options{}); err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
}
