package out

import (
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

// TestTableBoard: the board lists the units below the coverage after the
// ranked ones with their reason, spells out a reverse rank, says which
// periods are simulated, and shows the robustness columns only when the
// draws were run.
func TestTableBoard(t *testing.T) {
	ds, res := rankedSample(t)
	table := func() string {
		var b strings.Builder
		if err := Table(&b, res); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	plain := table()
	for _, want := range []string{
		"数据性质:2022-01、2022-02、2022-03 模拟;2022-04 公开报道\n",
		"未参与总榜排名:\n  义乌市:计分指标不足(11/32,低于最低覆盖率 40%),不参与总榜排名\n  浦江县:",
		"并列第4(倒数并列第3)  金东区      6     后3位",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	if strings.Contains(plain, "名次区间") {
		t.Error("robustness columns without draws")
	}
	rb, err := rank.Robust(ds.Latest(), res.Rules, rank.RobustOptions{Draws: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	res.AddRobust(rb)
	robust := table()
	head := "排名  变化  单位        综合得分  档次    前3位  中间  后3位  未报送  中位名次  名次区间(5%—95%)  居前3比例  居后3比例  边缘\n"
	if !strings.Contains(robust, head) || !strings.Contains(robust, "稳健性:200 次抽样") {
		t.Errorf("robust board:\n%s", robust[:min(len(robust), 2000)])
	}
	if strings.Contains(robust, " \n") {
		t.Error("trailing spaces")
	}
}

// rankedSample is the embedded sample and its leaderboard under the
// default options (and the sample's 参数 rules).
func rankedSample(t *testing.T) (*data.Dataset, *rank.Result) {
	t.Helper()
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return ds, res
}
