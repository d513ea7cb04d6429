package out

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"shaipin/data"
	"shaipin/rank"
)

// TestJSONStreamedEqualsMarshal: the streamed document, indented or
// compact, says exactly what encoding the whole result at once says.
func TestJSONStreamedEqualsMarshal(t *testing.T) {
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
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
