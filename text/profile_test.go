package text

import (
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

// sampleResult ranks the embedded sample (Jinhua, 2022年1—4月).
func sampleResult(t *testing.T) *rank.Result {
	t.Helper()
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := rank.DefaultOptions()
	o.MinCoverage = new(0.0) // the whole sample on the board, as the tests were written
	res, err := rank.Compute(ds, o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestProfile(t *testing.T) {
	res := sampleResult(t)
	ov := res.Overall[0]
	got := Profile(res, ov, ByUnit(res)[ov.Unit])
	// Standing, tiers, movement and streaks, 时序进度: four sentences.
	if len(got) != 4 {
		t.Fatalf("义乌市的画像应为四句话: %q", got)
	}
	for i, want := range []string{
		"义乌市综合得分 77.94,总榜第 1 名,居前3位,与上期持平,连续 4 个月居前3位。",
		"参与排名的 11 项指标中,10 项居前3位,其中",
		"与上期相比,3 项进位",
		"对照时序进度 33.33%,年度投资完成率超时序进度 19.37 个百分点。",
	} {
		if !strings.HasPrefix(got[i], want) {
			t.Errorf("第 %d 句: %q, want prefix %q", i+1, got[i], want)
		}
	}
	for _, want := range []string{"排名第一", "另有 21 项未报送", "列入发行计划项目数连续 4 个月居后3位"} {
		if !strings.Contains(strings.Join(got, ""), want) {
			t.Errorf("义乌市的画像缺少 %q: %q", want, got)
		}
	}
}

// Without history there are no moves or streaks; a unit without a score
// and without ranked indicators still gets its two sentences.
func TestProfileEdges(t *testing.T) {
	p := &data.Period{Month: data.NewMonth(2022, 4), Units: []string{"甲", "乙"}}
	p.Indicators = []*data.Indicator{{Name: "空指标", Group: "组", Direction: data.Higher, Weight: 1, Decimals: -1, Ranked: true,
		Values: []data.Value{{}, {}}}}
	res, err := rank.ComputePeriod(p, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := Profile(res, res.Overall[0], ByUnit(res)["甲"])
	want := []string{"甲本期没有可计入综合得分的指标,未参与总榜排名。", "本期没有参与排名的指标,1 项均未报送。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%q, want %q", got, want)
	}
}

// With many completion rates the sentence counts them and names the
// largest gaps each way.
func TestScheduleCount(t *testing.T) {
	gaps := []gap{{"甲", 5}, {"乙", -2.5}, {"丙", 12.1}, {"丁", 0}, {"戊", -7}}
	want := "5 项中 2 项超时序进度、2 项落后;超出最多:丙 12.1、甲 5 个百分点;落后最多:戊 7、乙 2.5 个百分点"
	if got := scheduleCount(gaps); got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestStreaks(t *testing.T) {
	hs := []held{{"甲", 2}, {"乙", 4}, {"丙", 3}, {"丁", 4}}
	want := "乙、丁连续 4 个月居前3位,丙连续 3 个月居前3位,另有 1 项连续 2 个月以上居前3位"
	if got := streaks(hs, "前3位", "个月"); got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestByUnit(t *testing.T) {
	res := sampleResult(t)
	by := ByUnit(res)
	for _, u := range res.Units {
		items := by[u]
		if len(items) != len(res.Indicators) {
			t.Fatalf("%s: %d 项,应为 %d", u, len(items), len(res.Indicators))
		}
		for i, it := range items {
			if it.Entry.Unit != u || it.Indicator != &res.Indicators[i] {
				t.Fatalf("%s 第 %d 项: %s / %s", u, i, it.Entry.Unit, it.Indicator.Name)
			}
		}
	}
}
