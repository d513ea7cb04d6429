package rank

import (
	"testing"

	"shaipin/data"
	"shaipin/data/sample"
)

// TestSampleAgreesWithStatedRanks: where a speech states a rank next to a
// figure, shaipin must order the units the same way (sample.CheckStated).
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
	got := map[string]int{}
	for _, ind := range res.Indicators {
		for _, e := range ind.Entries {
			if e.Rank != nil {
				got[ind.Name+"/"+e.Unit] = *e.Rank
			}
		}
	}
	problems, absent, checked, err := sample.CheckStated(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	for _, key := range absent {
		t.Errorf("%s: a rank is stated but shaipin did not rank it", key)
	}
	if checked < 20 {
		t.Errorf("only %d stated ranks checked", checked)
	}
	t.Logf("%d stated ranks agree", checked)
}
