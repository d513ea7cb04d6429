package out

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestJSONStreamedEqualsMarshal: the streamed document says exactly what
// encoding the whole result at once says; compact, it gives each tie
// group once per indicator instead of on every entry.
func TestJSONStreamedEqualsMarshal(t *testing.T) {
	_, res := rankedSample(t)
	want, _ := json.Marshal(res)
	for _, limit := range []int{0, -1} {
		var wantV any
		json.Unmarshal(want, &wantV)
		if limit < 0 {
			tieGroups(t, wantV)
		}
		var buf bytes.Buffer
		if err := JSON(&buf, res, JSONOptions{CompactAbove: limit}); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("limit %d: invalid JSON", limit)
		}
		var got any
		json.Unmarshal(buf.Bytes(), &got)
		if !reflect.DeepEqual(got, wantV) {
			t.Errorf("limit %d: streamed JSON differs", limit)
		}
		if indented := bytes.Contains(buf.Bytes(), []byte("\n  ")); indented != (limit == 0) {
			t.Errorf("limit %d: indented = %v", limit, indented)
		}
	}
}

// tieGroups turns a document with tied_with on every entry into the
// compact form: tie_groups on each indicator, every group once.
func tieGroups(t *testing.T, doc any) {
	ties := 0
	for _, ind := range doc.(map[string]any)["indicators"].([]any) {
		m := ind.(map[string]any)
		groups := []any{}
		var last map[string]any
		for _, e := range m["entries"].([]any) {
			em := e.(map[string]any)
			if _, ok := em["tied_with"]; !ok {
				continue
			}
			ties++
			delete(em, "tied_with")
			if last != nil && last["rank"] == em["rank"] {
				last["units"] = append(last["units"].([]any), em["unit"])
				continue
			}
			last = map[string]any{"rank": em["rank"], "units": []any{em["unit"]}}
			groups = append(groups, last)
		}
		m["tie_groups"] = groups
	}
	if ties == 0 {
		t.Fatal("the sample has no ties to test with")
	}
}

// TestJSONGenerator: the marker is the first key, indented or compact,
// and adds nothing else.
func TestJSONGenerator(t *testing.T) {
	res := sampleResult(t, nil)
	for _, limit := range []int{0, -1} {
		var plain, marked bytes.Buffer
		JSON(&plain, res, JSONOptions{CompactAbove: limit})
		if err := JSON(&marked, res, JSONOptions{CompactAbove: limit, Generator: "shaipin report"}); err != nil {
			t.Fatal(err)
		}
		if !jsonGenerator.Match(marked.Bytes()) {
			t.Errorf("limit %d: starts %q", limit, marked.Bytes()[:40])
		}
		var m map[string]any
		if err := json.Unmarshal(marked.Bytes(), &m); err != nil || m["generator"] != "shaipin report" {
			t.Fatalf("limit %d: %v %v", limit, err, m["generator"])
		}
		delete(m, "generator")
		var want map[string]any
		json.Unmarshal(plain.Bytes(), &want)
		if !reflect.DeepEqual(m, want) {
			t.Errorf("limit %d: the marker changed the document", limit)
		}
	}
}
