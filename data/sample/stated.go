package sample

import "fmt"

// KnownConflicts are stated ranks the speeches contradict each other on
// (see NOTES.md), keyed indicator/unit: both 兰溪市 and 金华开发区 claim 第一
// on 低效工业企业用地整治, measured over different scopes.
var KnownConflicts = map[string]bool{"低效工业企业用地整治/金华开发区": true}

// CheckStated holds ranks to the ranks the speeches state next to a
// figure. got maps "indicator/unit" to a rank, from shaipin's result or
// read back from a text that states it. A stated rank may be lower
// (worse) than got's, since units above it may have published no figure,
// but never better; and two units' stated ranks are never in the opposite
// order of got's. It returns every disagreement, the stated ranks got has
// no rank for (keys), and how many stated ranks were checked.
func CheckStated(got map[string]int) (problems, absent []string, checked int, err error) {
	figs, err := Figures()
	if err != nil {
		return nil, nil, 0, err
	}
	type stated struct {
		unit       string
		said, ours int
	}
	byInd := map[string][]stated{}
	var order []string
	for _, f := range figs {
		key := f.Indicator + "/" + f.Unit
		if f.StatedRank == 0 || KnownConflicts[key] {
			continue
		}
		ours, ok := got[key]
		if !ok {
			absent = append(absent, key)
			continue
		}
		checked++
		if ours > f.StatedRank {
			problems = append(problems, fmt.Sprintf("%s: speech says 第%d, shaipin says 第%d", key, f.StatedRank, ours))
		}
		if byInd[f.Indicator] == nil {
			order = append(order, f.Indicator)
		}
		byInd[f.Indicator] = append(byInd[f.Indicator], stated{f.Unit, f.StatedRank, ours})
	}
	for _, ind := range order {
		for _, a := range byInd[ind] {
			for _, b := range byInd[ind] {
				if a.said < b.said && a.ours > b.ours {
					problems = append(problems, fmt.Sprintf("%s: speeches put %s (第%d) above %s (第%d), shaipin the other way (%d, %d)",
						ind, a.unit, a.said, b.unit, b.said, a.ours, b.ours))
				}
			}
		}
	}
	return problems, absent, checked, nil
}
