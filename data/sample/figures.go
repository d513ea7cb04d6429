package sample

import (
	"fmt"
	"strconv"
	"strings"
)

// Units are Jinhua's ten county-level units with the aliases documents use.
var Units = []struct{ Name, Aliases string }{
	{"婺城区", "婺城"},
	{"金东区", "金义新区、新区、金东"},
	{"兰溪市", "兰溪"},
	{"东阳市", "东阳"},
	{"义乌市", "义乌"},
	{"永康市", "永康"},
	{"浦江县", "浦江"},
	{"武义县", "武义"},
	{"磐安县", "磐安"},
	{"金华开发区", "开发区、金华经济技术开发区、金开"},
}

// Figure is one row of figures.tsv.
type Figure struct {
	Group, Indicator, Measure, Unit, Value string
	StatedRank                             int // 0: none stated
	Quote                                  string
}

// Figures parses figures.tsv.
func Figures() ([]Figure, error) {
	var out []Figure
	for i, line := range strings.Split(strings.TrimSpace(FiguresTSV), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("figures.tsv:%d: want 7 fields, have %d", i+1, len(f))
		}
		fig := Figure{Group: f[0], Indicator: f[1], Measure: f[2], Unit: f[3], Value: f[4], Quote: f[6]}
		if f[5] != "" {
			n, err := strconv.Atoi(f[5])
			if err != nil {
				return nil, fmt.Errorf("figures.tsv:%d: stated_rank %q", i+1, f[5])
			}
			fig.StatedRank = n
		}
		out = append(out, fig)
	}
	return out, nil
}
