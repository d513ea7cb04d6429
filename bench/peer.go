package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// findPython is the Python to run the peer with: the one given, or the
// first of python3 on PATH and the system's /usr/bin/python3 (where
// Debian's python3-pandas goes) that imports pandas and openpyxl. Without
// one it returns "" and why.
func findPython(given string) (string, string) {
	candidates := []string{"python3", "/usr/bin/python3", "python"}
	if given != "" {
		candidates = []string{given}
	}
	why := "找不到 python3"
	for _, py := range candidates {
		path, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		if err := exec.Command(path, "-c", "import pandas, openpyxl").Run(); err != nil {
			why = path + " 没有 pandas 或 openpyxl(Debian/Ubuntu:apt-get install python3-pandas python3-openpyxl)"
			continue
		}
		return path, ""
	}
	return "", why
}

// board is what the agreement check reads of shaipin's JSON and the
// peer's: the same field names in both.
type board struct {
	Period     string `json:"period"`
	Indicators []struct {
		Name    string  `json:"name"`
		Entries []entry `json:"entries"`
	} `json:"indicators"`
	Tally []struct {
		Unit                         string
		Top, Middle, Bottom, Missing int
	} `json:"tally"`
	Overall []entry `json:"overall"`
}

// entry is one unit's place on an indicator or on the overall board.
type entry struct {
	Unit   string   `json:"unit"`
	Rank   *int     `json:"rank"`
	Tier   string   `json:"tier"`
	Change *int     `json:"change"`
	Score  *float64 `json:"score"`
}

// key is what must agree about an entry.
func (e entry) key() string {
	s := fmt.Sprintf("%s tier %s", e.Unit, e.Tier)
	for _, p := range []*int{e.Rank, e.Change} {
		if p == nil {
			s += " —"
		} else {
			s += fmt.Sprintf(" %d", *p)
		}
	}
	if e.Score != nil {
		s += fmt.Sprintf(" score %.2f", *e.Score)
	}
	return s
}

// agreement compares the latest period's ranks, tiers and changes of every
// indicator, the tallies and the overall board (rank, score, change) of
// shaipin's JSON and the peer's, and says in one line whether they agree.
func agreement(shaipinDir, peerDir string) string {
	var s, p board
	// The report's one JSON, whatever --name made of its name.
	if err := readBoard(shaipinDir, "*.json", &s); err != nil {
		return "一致性检查失败:" + err.Error()
	}
	if err := readBoard(peerDir, "peer-*.json", &p); err != nil {
		return "一致性检查失败:" + err.Error()
	}
	want := entries(s)
	got := entries(p)
	var diffs []string
	for k, v := range want {
		if got[k] != v {
			diffs = append(diffs, fmt.Sprintf("%s:shaipin %q,对照脚本 %q", k, v, got[k]))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, k+":只在对照脚本中")
		}
	}
	if len(diffs) > 0 {
		return fmt.Sprintf("对照脚本与 shaipin 在 %s 有 %d 处不一致,如 %s", s.Period, len(diffs), diffs[0])
	}
	return fmt.Sprintf("对照脚本与 shaipin 一致(%s):%d 项指标 × %d 个单位的名次、档次、较上期变化,各单位档次项数,总榜名次、综合得分与变化,共 %d 项全部相同。",
		s.Period, len(s.Indicators), len(s.Tally), len(want))
}

// entries lists what is compared, by where it is.
func entries(b board) map[string]string {
	out := map[string]string{}
	for _, ind := range b.Indicators {
		for _, e := range ind.Entries {
			e.Score = nil
			out[ind.Name+"/"+e.Unit] = e.key()
		}
	}
	for _, t := range b.Tally {
		out["项数/"+t.Unit] = fmt.Sprintf("%d %d %d %d", t.Top, t.Middle, t.Bottom, t.Missing)
	}
	for _, e := range b.Overall {
		e.Tier = ""
		out["总榜/"+e.Unit] = e.key()
	}
	return out
}

func readBoard(dir, pattern string, b *board) error {
	matches, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(matches) != 1 {
		return fmt.Errorf("%s 中应有一个 %s,实有 %d 个", dir, pattern, len(matches))
	}
	f, err := os.Open(matches[0])
	if err != nil {
		return err
	}
	defer f.Close()
	if err := json.NewDecoder(f).Decode(b); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(matches[0]), err)
	}
	return nil
}
