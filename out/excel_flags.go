package out

import (
	"fmt"

	"shaipin/data"
	"shaipin/out/xlsx"
	"shaipin/rank"
	"shaipin/text"
)

// writeFlags fills 红黄旗: every flag the flag rules gave (rank.Flag), red
// first, with the facts that fired it and the rule, under the sentence
// the notice and the HTML also say (text.FlagSummary).
func writeFlags(s *sheet) {
	const last = 5
	s.Limit(4, 24, 60)
	head := s.heading(last, "红黄旗:"+text.FlagSummary(s.res)+"规则写法见 docs/flags.md。", s.res.Month)
	s.headers(head, "序号", "单位", "旗帜", "依据", "规则")
	row := head + 1
	flags := s.res.Flags
	if cut := len(flags) - (s.MaxRows() - row + 1); cut > 0 {
		flags = flags[:max(0, len(flags)-cut-1)] // and a row for the note
	}
	for i, f := range flags {
		tier := rank.Top
		if f.Kind == data.FlagYellow {
			tier = rank.Bottom
		}
		s.Int(1, row, i+1, styleKey{role: roleCenter})
		s.Text(2, row, f.Unit, styleKey{role: roleText})
		s.Text(3, row, text.FlagName(f), styleKey{role: roleCenter, tier: tier})
		s.Text(4, row, f.Evidence, styleKey{role: roleWrap})
		s.Text(5, row, f.Rule, styleKey{role: roleText})
		row++
	}
	if len(flags) < len(s.res.Flags) {
		s.overflow(row, last, fmt.Sprintf("注:共 %d 面旗帜,超出 Excel 单表 %d 行的上限,其余 %d 面未列出,见 JSON 文件。", len(s.res.Flags), s.MaxRows(), len(s.res.Flags)-len(flags)))
	}
	s.SetLayout(xlsx.Layout{Cols: last, TitleRows: head - 1, HeadRows: head, KeepCols: 2})
}
