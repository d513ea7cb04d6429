package places

import (
	"embed"
	"strconv"
	"strings"
	"sync"
)

// assets holds the gazetteer built by `make assets`. The folder is embedded
// rather than the file so that a build without Node still compiles: the
// tracked README.md keeps the pattern matching.
//
//go:embed assets
var assets embed.FS

// dataPath is where build-places.mjs writes the gazetteer.
const dataPath = "assets/places.tsv"

// gazetteer is the parsed data: every place in code order and an index from
// full and short names to positions in places.
type gazetteer struct {
	places []Place
	byName map[string][]int
}

// load parses the embedded data once, on first use: most commands never
// need it. Without the file it returns an empty gazetteer.
var load = sync.OnceValue(func() *gazetteer {
	b, err := assets.ReadFile(dataPath)
	if err != nil {
		return parse("")
	}
	return parse(string(b))
})

// levels maps the kind letter of a line to its level.
var levels = map[string]Level{"P": Province, "C": Prefecture, "X": County, "Z": Zone}

// parse reads the lines written by build-places.mjs (sorted by code, so a
// parent always precedes its counties). Lines it cannot read are skipped:
// the file is generated, and a bad line must cost one place, not a panic.
func parse(text string) *gazetteer {
	g := &gazetteer{byName: map[string][]int{}}
	names := map[string]string{} // code → full name of provinces and prefectures
	for _, line := range strings.Split(text, "\n") {
		f := strings.Split(line, "\t")
		level, ok := levels[f[0]]
		if !ok || len(f) < 4 || len(f[1]) != 6 {
			continue
		}
		p := Place{Code: f[1], Name: f[2], Short: f[3], Level: level, Province: names[f[1][:2]+"0000"]}
		if level == Province || level == Prefecture {
			names[p.Code] = p.Name
		}
		if level == Province {
			p.Province = p.Name
		}
		if len(f) >= 5 {
			p.Parent = names[f[4]]
		}
		if len(f) >= 7 {
			lng, err1 := strconv.ParseFloat(f[5], 64)
			lat, err2 := strconv.ParseFloat(f[6], 64)
			p.Lng, p.Lat, p.HasPoint = lng, lat, err1 == nil && err2 == nil
		}
		g.add(p)
	}
	return g
}

// add appends p and indexes it under its full and short names.
func (g *gazetteer) add(p Place) {
	i := len(g.places)
	g.places = append(g.places, p)
	g.byName[p.Name] = append(g.byName[p.Name], i)
	if p.Short != p.Name {
		g.byName[p.Short] = append(g.byName[p.Short], i)
	}
}
