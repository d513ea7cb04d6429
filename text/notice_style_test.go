package text

import "testing"

func TestFormal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"总榜第 1 名,居前3位", "总榜第1名\uff0c居前3位"},
		{"义乌市 91.86分、磐安县 91.17分;兰溪市未报送", "义乌市91.86分、磐安县91.17分\uff1b兰溪市未报送"},
		{"数据来源:各县(市、区)报送", "数据来源\uff1a各县\uff08市、区\uff09报送"},
		{"100%(并列第1)", "100%\uff08并列第1\uff09"},
		// Marks between Latin letters or digits, and spaces between words, stay.
		{"1,234 与 D3:D12, TOPSIS method", "1,234与D3:D12\uff0cTOPSIS method"},
		{" 前后空格 ", "前后空格"},
	} {
		if got := Formal(c.in); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 12: "十二", 20: "二十", 21: "二十一",
		100: "一百", 105: "一百零五", 110: "一百一十", 1001: "一千零一", 2844: "二千八百四十四", 0: "0", 10000: "10000"} {
		if got := Numeral(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

func TestNoticeTitle(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"金华市2022年1—4月晒拼指标排名(示例数据)", "金华市2022年1—4月晒拼情况通报(示例数据)"},
		{"金华市2022年1—4月“扛旗争先”大晒拼", "金华市2022年1—4月“扛旗争先”大晒拼情况通报"},
		{"2022年4月晒拼指标排名", "2022年4月晒拼情况通报"},
		{"某市重点工作排行榜", "某市重点工作晒拼情况通报"},
		{"关于4月晒拼的通报", "关于4月晒拼的通报"},
		{"", "2022年4月晒拼情况通报"},
	} {
		if got := NoticeTitle(c.title, "2022年4月"); got != c.want {
			t.Errorf("%q: %q, want %q", c.title, got, c.want)
		}
	}
}
