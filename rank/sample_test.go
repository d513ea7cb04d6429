package rank

import (
	"testing"

	"shaipin/data"
	"shaipin/data/sample"
)

// knownConflicts are stated ranks the speeches contradict each other on
// (see data/sample/NOTES.md): both 兰溪市 and 金华开发区 claim 第一 on
// 低效工业企业用地整治, measured over different scopes.
var knownConflicts = map[string]bool{"低效工业企业用地整治/金华开发区": true}

// TestSampleAgreesWithStatedRanks: where a speech states a rank next to a
// figure, shaipin must order the units the same way. A stated rank may be
// lower (worse) than shaipin's, since units above it may have published no
// figure, but never better; and two units' stated ranks are never in the
// opposite order of shaipin's.
func TestSampleAgreesWithStatedRanks(t *testing.T) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compute(ds, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res)
	figs, err := sample.Figures()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			if e.Rank != nil {
				got[ind.Name+"/"+e.Unit] = *e.Rank
			}
		}
	}
	type stated struct {
		unit       string
		said, ours int
	}
	byInd := map[string][]stated{}
	checked := 0
	for _, f := range figs {
		key := f.Indicator + "/" + f.Unit
		if f.StatedRank == 0 || knownConflicts[key] {
			continue
		}
		ours, ok := got[key]
		if !ok {
			t.Errorf("%s: stated rank %d but shaipin did not rank it", key, f.StatedRank)
			continue
		}
		checked++
		if ours > f.StatedRank {
			t.Errorf("%s: speech says 第%d, shaipin says 第%d", key, f.StatedRank, ours)
		}
		byInd[f.Indicator] = append(byInd[f.Indicator], stated{f.Unit, f.StatedRank, ours})
	}
	for ind, ss := range byInd {
		for _, a := range ss {
			for _, b := range ss {
				if a.said < b.said && a.ours > b.ours {
					t.Errorf("%s: speeches put %s (第%d) above %s (第%d), shaipin the other way (%d, %d)",
						ind, a.unit, a.said, b.unit, b.said, a.ours, b.ours)
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d stated ranks checked", checked)
	}
	t.Logf("%d stated ranks agree", checked)
}
