package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestSampleJSONFields: the JSON of the sample's report carries every
// field docs/json.md documents for issues 13 and 14, with the values the
// sample calls for.
func TestSampleJSONFields(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1650000000")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"shaipin", "report", "-o", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "金华市2022年4月晒拼排名.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rules      map[string]any    `json:"rules"`
		Provenance map[string]string `json:"provenance"`
		Checks     *[]any            `json:"checks"`
		Robustness map[string]any    `json:"robustness"`
		Indicators []struct {
			WeightUsed *float64 `json:"weight_used"`
			Entries    []struct {
				ReverseRank *int `json:"reverse_rank"`
			} `json:"entries"`
		} `json:"indicators"`
		Overall []struct {
			Unit     string         `json:"unit"`
			Rank     *int           `json:"rank"`
			Coverage *float64       `json:"coverage"`
			Robust   map[string]any `json:"robust"`
		} `json:"overall"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"ties", "top", "bottom", "score", "weights", "missing", "min_coverage", "board"} {
		if _, ok := doc.Rules[k]; !ok {
			t.Errorf("rules lacks %s: %v", k, doc.Rules)
		}
	}
	if doc.Rules["min_coverage"] != 0.4 || doc.Rules["missing"] != "skip" {
		t.Errorf("the sample's 参数 rules are not applied: %v", doc.Rules)
	}
	if doc.Provenance["2022-01"] != "simulated" || doc.Provenance["2022-04"] != "published" || len(doc.Provenance) != 4 {
		t.Errorf("provenance %v", doc.Provenance)
	}
	if doc.Checks == nil || len(*doc.Checks) != 0 {
		t.Errorf("checks should be an empty list for the sample, is %v", doc.Checks)
	}
	for _, k := range []string{"draws", "seed", "spread", "methods", "policies", "reading"} {
		if _, ok := doc.Robustness[k]; !ok {
			t.Errorf("robustness lacks %s", k)
		}
	}
	reverse, weighted := 0, 0
	for _, ind := range doc.Indicators {
		if ind.WeightUsed != nil && *ind.WeightUsed > 0 {
			weighted++
		}
		for _, e := range ind.Entries {
			if e.ReverseRank != nil {
				reverse++
			}
		}
	}
	if weighted != 32 || reverse == 0 {
		t.Errorf("%d indicators with weight_used, %d entries with reverse_rank", weighted, reverse)
	}
	ranked := 0
	for _, r := range doc.Overall {
		if r.Coverage == nil {
			t.Errorf("%s has no coverage", r.Unit)
		}
		if (r.Rank != nil) != (r.Robust != nil) {
			t.Errorf("%s: rank %v, robust %v", r.Unit, r.Rank, r.Robust)
		}
		if r.Rank != nil {
			ranked++
			for _, k := range []string{"median", "p5", "p95", "top_share", "bottom_share", "borderline"} {
				if _, ok := r.Robust[k]; !ok {
					t.Errorf("%s: robust lacks %s", r.Unit, k)
				}
			}
		}
	}
	if ranked != 8 {
		t.Errorf("%d units ranked on the sample's board, want 8 (义乌市 and 浦江县 below 40%%)", ranked)
	}
}
