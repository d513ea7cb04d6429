package data

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// Settings are the ranking rules a city fixes once in its 参数 sheet
// instead of repeating them on every command line; a command-line option
// that is given wins. A field is "" (nil) when the sheet does not set it.
// The words are checked when the workbook is read and stored as the names
// the command line uses, so a typo is reported with its cell by validate.
type Settings struct {
	MinCoverage *float64 // 最低覆盖率, as a fraction: 0.5 for 50%
	Missing     string   // 缺失处理: skip, last or zero
	Score       string   // 综合得分方法: minmax, rank, efficacy, zscore, target or topsis
	Weights     string   // 权重方法: given, equal or entropy
	Board       string   // 总榜方式: score or tally
}

// ErrBadCoverage is a 最低覆盖率 that is not a share between 0 and 100 %.
var ErrBadCoverage = errors.New("最低覆盖率应为 0 到 100% 之间的数,如 50% 或 0.5")

// choice is one 参数 key whose value is a word from a fixed list.
type choice struct {
	keys  []string                  // the key and its aliases; WriteForm writes the first
	field func(s *Settings) *string // where the name goes
	words map[string]string         // accepted word → name (names accept themselves)
	hint  string                    // the accepted words, for the error message
	write map[string]string         // name → the word WriteForm writes
}

var choices = []choice{
	{keys: []string{"缺失处理", "缺失值处理", "未报送处理"},
		field: func(s *Settings) *string { return &s.Missing },
		words: map[string]string{"跳过": "skip", "不计入": "skip", "不计": "skip", "忽略": "skip",
			"末位": "last", "按末位": "last", "不报即末位": "last", "最低分": "last", "按最低分": "last",
			"零分": "zero", "0分": "zero", "计0分": "zero", "按0分": "zero"},
		hint:  "跳过(skip)、末位(last)或零分(zero)",
		write: map[string]string{"skip": "跳过", "last": "末位", "zero": "零分"}},
	{keys: []string{"综合得分方法", "得分方法", "计分方法"},
		field: func(s *Settings) *string { return &s.Score },
		words: map[string]string{"极差标准化": "minmax", "极差法": "minmax", "最大最小值法": "minmax",
			"名次得分": "rank", "名次法": "rank", "位次法": "rank",
			"功效系数法": "efficacy", "功效系数": "efficacy",
			"标准分": "zscore", "标准分数": "zscore", "Z分数": "zscore", "z分数": "zscore",
			"目标值法": "target", "目标值": "target",
			"TOPSIS法": "topsis", "优劣解距离法": "topsis", "逼近理想解法": "topsis"},
		hint: "极差标准化(minmax)、名次得分(rank)、功效系数法(efficacy)、标准分(zscore)、目标值法(target)或 TOPSIS(topsis)",
		write: map[string]string{"minmax": "极差标准化", "rank": "名次得分", "efficacy": "功效系数法", "zscore": "标准分",
			"target": "目标值法", "topsis": "TOPSIS法"}},
	{keys: []string{"权重方法", "赋权方法"},
		field: func(s *Settings) *string { return &s.Weights },
		words: map[string]string{"给定": "given", "按指标说明": "given", "指标说明": "given",
			"等权": "equal", "等权重": "equal", "熵权法": "entropy", "熵权": "entropy", "熵值法": "entropy"},
		hint:  "按指标说明(given)、等权(equal)或熵权法(entropy)",
		write: map[string]string{"given": "按指标说明", "equal": "等权", "entropy": "熵权法"}},
	{keys: []string{"总榜方式", "总榜排序"},
		field: func(s *Settings) *string { return &s.Board },
		words: map[string]string{"综合得分": "score", "得分": "score",
			"红黄旗项数": "tally", "项数": "tally", "前三后三项数": "tally"},
		hint:  "综合得分(score)或红黄旗项数(tally)",
		write: map[string]string{"score": "综合得分", "tally": "红黄旗项数"}},
}

// names lists the names a choice stores: the values of its word list.
func (c choice) names() map[string]bool {
	m := map[string]bool{}
	for _, n := range c.words {
		m[n] = true
	}
	return m
}

// readSetting reads one 参数 row that may be a ranking rule (other keys
// are left alone); key is already normalised.
func (r *reader) readSetting(sheet string, row int, key, raw string) {
	val := width.Narrow.String(stripSpace(raw))
	if key == paramCoverage || key == "最低数据覆盖率" {
		if val == "" {
			return
		}
		f, err := coverageShare(val)
		if err != nil {
			r.errorAt(sheet, row, 1, raw, err)
			return
		}
		r.period.Settings.MinCoverage = &f
		return
	}
	for _, c := range choices {
		if !slices.Contains(c.keys, key) {
			continue
		}
		if val == "" {
			return
		}
		name, ok := c.words[val]
		if !ok && c.names()[strings.ToLower(val)] {
			name, ok = strings.ToLower(val), true
		}
		if !ok {
			r.errorAt(sheet, row, 1, raw, fmt.Errorf("%s只能是 %s", key, c.hint))
			return
		}
		*c.field(&r.period.Settings) = name
		return
	}
}

// ParseCoverage reads a 最低覆盖率 as people write it, 50%, 50 or 0.5,
// as a fraction (0.5): the one reading of the 参数 cell and of the command
// line's --min-coverage.
func ParseCoverage(s string) (float64, error) {
	return coverageShare(width.Narrow.String(stripSpace(s)))
}

// coverageShare reads 最低覆盖率 as a fraction: "50%" and 50 are 0.5, and
// so is 0.5 (a cell formatted as a percentage stores 0.5). A bare number
// above 1 is a percentage: nobody means a share above 100 %.
func coverageShare(s string) (float64, error) {
	percent := strings.HasSuffix(s, "%")
	p, ok := plainDecimal(strings.TrimSuffix(s, "%"))
	if !ok {
		return 0, ErrBadCoverage
	}
	f := p.number
	if percent || f > 1 {
		f /= 100
	}
	if f < 0 || f > 1 {
		return 0, ErrBadCoverage
	}
	return f, nil
}

// rows are the 参数 rows that set s, as WriteForm writes them: the
// coverage as a percentage, each choice as its Chinese word, which the
// reader reads back to the same Settings.
func (s Settings) rows() [][2]string {
	var rows [][2]string
	if s.MinCoverage != nil {
		pct := strconv.FormatFloat(Round(*s.MinCoverage*100, 2), 'f', -1, 64)
		rows = append(rows, [2]string{paramCoverage, pct + "%"})
	}
	for _, c := range choices {
		if name := *c.field(&s); name != "" {
			rows = append(rows, [2]string{c.keys[0], c.write[name]})
		}
	}
	return rows
}
