package text

import (
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

// oneIndicator ranks one indicator of the given values ("" not reported)
// over units 甲…癸 in April.
func oneIndicator(t *testing.T, setup func(*data.Indicator), values ...string) (*rank.Result, rank.Indicator) {
	t.Helper()
	units := strings.Split("甲 乙 丙 丁 戊 己 庚 辛 壬 癸", " ")[:len(values)]
	in := &data.Indicator{Name: "指标", Group: "组", Unit: "%", Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true}
	if setup != nil {
		setup(in)
	}
	for _, v := range values {
		if v == "" {
			in.Values = append(in.Values, data.Value{})
			continue
		}
		d := 0
		if i := strings.IndexByte(v, '.'); i >= 0 {
			d = len(v) - i - 1
		}
		var f float64
		for _, c := range strings.ReplaceAll(v, ".", "") {
			f = f*10 + float64(c-'0')
		}
		for range d {
			f /= 10
		}
		in.Values = append(in.Values, data.Value{OK: true, Number: f, Decimals: d})
	}
	p := &data.Period{Month: data.NewMonth(2022, 4), Units: units, Indicators: []*data.Indicator{in}}
	o := rank.DefaultOptions()
	o.MinCoverage = new(0.0)
	res, err := rank.ComputePeriod(p, o)
	if err != nil {
		t.Fatal(err)
	}
	return res, res.Indicators[0]
}

func TestIndicatorSentence(t *testing.T) {
	lower := func(in *data.Indicator) { in.Direction = data.Lower }
	shown := func(in *data.Indicator) { in.Ranked = false }
	schedule := func(in *data.Indicator) { in.Schedule = true }
	for _, c := range []struct {
		name   string
		setup  func(*data.Indicator)
		values []string
		want   string
	}{
		{"full list with a tie", nil, []string{"90", "95", "95", "", "80"},
			"指标排名由高到低依次为:乙、丙 95%(并列第1)、甲 90%、戊 80%;丁未报送。"},
		{"lower is better", lower, []string{"2.1", "1.9", "2.5"},
			"指标(越小越好)排名由高到低依次为:乙 1.9%、甲 2.1%、丙 2.5%。"},
		{"long list", nil, []string{"10", "9", "8", "7", "6", "5", "4", "3", "2", ""},
			"指标共 9 个单位排名,居前3位的是甲 10%、乙 9%、丙 8%;居后3位的是庚 4%、辛 3%、壬 2%;癸未报送。"},
		{"shown, not ranked", shown, []string{"1", "", "3"}, "指标不参与排名,各单位数值为:丙 3%、甲 1%。"},
		{"nobody reported", nil, []string{"", ""}, "指标各单位均未报送。"},
		{"时序进度", schedule, []string{"52.7", "46.9", "27.4", "20", "33.3"},
			"指标排名由高到低依次为:甲 52.7%、乙 46.9%、戊 33.3%、丙 27.4%、丁 20.0%;对照时序进度 33.33%,2 个单位超过时序进度,其中甲超时序进度 19.37 个百分点,为最多;丁落后时序进度 13.33 个百分点、丙落后时序进度 5.93 个百分点。"},
	} {
		res, ind := oneIndicator(t, c.setup, c.values...)
		if got := IndicatorSentence(res, ind); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

func TestTallyChange(t *testing.T) {
	o := rank.DefaultOptions()
	for _, c := range []struct {
		change *rank.TallyChange
		want   string
	}{
		{nil, ""},
		{&rank.TallyChange{Top: 2, Bottom: -1}, "居前3位的指标较上期增加 2 项,居后3位的减少 1 项。"},
		{&rank.TallyChange{Top: 0, Bottom: 1}, "居前3位的指标较上期持平,居后3位的增加 1 项。"},
		{&rank.TallyChange{Middle: 3}, "居前3位、后3位的指标项数与上期持平。"},
	} {
		if got := TallyChange(rank.Tally{Change: c.change}, o); got != c.want {
			t.Errorf("%+v: %q, want %q", c.change, got, c.want)
		}
	}
}
