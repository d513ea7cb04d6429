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
