package text

import (
	"testing"

	"shaipin/data"
)

func TestProvenanceNoteAndFacts(t *testing.T) {
	m := func(y, mo int) data.Month { return data.NewMonth(y, mo) }
	sample := map[data.Month]data.Provenance{
		m(2022, 1): data.Simulated, m(2022, 2): data.Simulated, m(2022, 3): data.Simulated, m(2022, 4): data.Published,
	}
	tests := []struct {
		name        string
		periods     []data.Month
		prov        map[data.Month]data.Provenance
		note, facts string
	}{
		{"sample", []data.Month{m(2022, 1), m(2022, 2), m(2022, 3), m(2022, 4)}, sample,
			"2022年1—3月为模拟数据,仅供演示;2022年4月的数据取自公开报道,并非各单位正式报送。",
			"2022年1—3月:模拟;2022年4月:公开报道"},
		{"one simulated month", []data.Month{m(2022, 3)}, sample,
			"2022年3月为模拟数据,仅供演示。", "2022年3月:模拟"},
		{"official", []data.Month{m(2021, 11), m(2021, 12), m(2022, 1)}, nil,
			"", "2021年11月—2022年1月:正式"},
		{"a gap splits a run", []data.Month{m(2022, 1), m(2022, 3)},
			map[data.Month]data.Provenance{m(2022, 1): data.Provisional, m(2022, 3): data.Provisional},
			"2022年1月、3月为初步数据,可能修订。",
			"2022年1月:初步;2022年3月:初步"},
		{"across a year", []data.Month{m(2021, 12), m(2022, 1), m(2022, 2)},
			map[data.Month]data.Provenance{m(2021, 12): data.Simulated, m(2022, 1): data.Simulated},
			"2021年12月—2022年1月为模拟数据,仅供演示。", "2021年12月—2022年1月:模拟;2022年2月:正式"},
		{"none", nil, sample, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ProvenanceNote(tt.periods, tt.prov); got != tt.note {
				t.Errorf("ProvenanceNote = %q, want %q", got, tt.note)
			}
			if got := Provenances(tt.periods, tt.prov); got != tt.facts {
				t.Errorf("Provenances = %q, want %q", got, tt.facts)
			}
		})
	}
}
