package data

import "testing"

func TestRetitle(t *testing.T) {
	for _, c := range []struct{ title, from, to, want string }{
		{"金华市2022年1—4月晒拼指标排名", "2022-04", "2022-05", "金华市2022年1—5月晒拼指标排名"},
		{"金华市2022年4月晒拼", "2022-04", "2022-05", "金华市2022年5月晒拼"},
		{"金华市2022年1-12月晒拼", "2022-12", "2023-01", "金华市2023年1月晒拼"},
		{"金华市2022年1—11月晒拼", "2022-11", "2023-02", "金华市2023年1—2月晒拼"},
		{"月度晒拼", "2022-04", "2022-05", "2022年5月晒拼指标排名"},
		{"金华市2021年4月晒拼", "2022-04", "2022-05", "2022年5月晒拼指标排名"},
		{"金华市2022年4月晒拼", "2022-04", "2022-04", "金华市2022年4月晒拼"},
	} {
		if got := retitle(c.title, ym(t, c.from), ym(t, c.to)); got != c.want {
			t.Errorf("retitle(%q, %s, %s) = %q, want %q", c.title, c.from, c.to, got, c.want)
		}
	}
}

// TestBlankPeriod: a template keeps the units and indicators, carries no
// value, and never shares an indicator with its source.
func TestBlankPeriod(t *testing.T) {
	src := &Period{Month: ym(t, "2022-04"), Title: "金华市2022年4月晒拼", Source: "统计局", Units: []string{"甲", "乙"},
		Indicators: []*Indicator{{Name: "GDP增速", Unit: "%", Values: []Value{{Number: 5.1, OK: true}, {Number: 4.9, OK: true}}}}}
	p := BlankPeriod(src, ym(t, "2022-05"))
	if p.Month != ym(t, "2022-05") || p.Title != "金华市2022年5月晒拼" || p.Source != "统计局" || len(p.Units) != 2 {
		t.Fatalf("blank period %+v", p)
	}
	ind := p.Indicators[0]
	if ind == src.Indicators[0] || ind.Name != "GDP增速" || ind.Unit != "%" || len(ind.Values) != 2 || ind.Values[0].OK {
		t.Errorf("blank indicator %+v", ind)
	}
	p.Units[0] = "丙"
	if src.Units[0] != "甲" || !src.Indicators[0].Values[0].OK {
		t.Error("BlankPeriod changed its source")
	}
}

// ym is a month written as people write it.
func ym(t *testing.T, s string) Month {
	t.Helper()
	m, err := ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestBlankPeriodKeepsSettings: next month's template keeps the city's
// ranking rules but not last month's 数据性质.
func TestBlankPeriodKeepsSettings(t *testing.T) {
	src := &Period{Month: ym(t, "2022-04"), Units: []string{"甲"}, Provenance: Simulated,
		Settings: Settings{MinCoverage: new(0.4), Missing: "skip", Score: "efficacy"}}
	p := BlankPeriod(src, ym(t, "2022-05"))
	if p.Provenance != Official {
		t.Errorf("a new month's template is %q", p.Provenance)
	}
	if settingsText(p.Settings) != settingsText(src.Settings) {
		t.Errorf("settings %s, want %s", settingsText(p.Settings), settingsText(src.Settings))
	}
}
