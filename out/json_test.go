package out

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestJSONStreamedEqualsMarshal: the streamed document, indented or
// compact, says exactly what encoding the whole result at once says.
func TestJSONStreamedEqualsMarshal(t *testing.T) {
	_, res := rankedSample(t)
	want, _ := json.Marshal(res)
	var wantV any
	json.Unmarshal(want, &wantV)
	for _, limit := range []int{0, -1} {
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
