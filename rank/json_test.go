package rank

import (
	"bytes"
	"encoding/json"
	"math"
	"shaipin/data"
	"testing"
)

// plainEntry and plainOverall have the fields and tags without the
// methods: what encoding/json writes from the tags alone.
type (
	plainEntry   Entry
	plainOverall Overall
)

// marshalPlain encodes v as out.JSON's encoder does (no HTML escaping).
func marshalPlain(t *testing.T, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

// TestAppendJSONAsEncodingJSON: the hand-written entry and board row are
// byte for byte what encoding/json writes from the tags, for the strings
// and numbers that encode unusually.
func TestAppendJSONAsEncodingJSON(t *testing.T) {
	texts := []string{"", "义乌市", `引号" 反斜杠\ <b>&`, "换行\n回车\r制表\t\b\f\x01\x1f", "行分隔\u2028段分隔\u2029", "坏\xff字节\xe4\xb8", "😀"}
	nums := []float64{0, math.Copysign(0, -1), 91.86, -3.5, 1e-7, 1.5e-6, 1e21, 1e20, 123456789.125, 5e-324}
	for i, s := range texts {
		for j, f := range nums {
			k := i + j
			e := Entry{Unit: s, Value: &nums[j], Rank: &k, Tier: Bottom, Display: s, Why: s, Cell: s, Streak: k}
			if k%2 == 0 {
				e.ReverseRank, e.Change, e.VsSchedule = &k, &k, &f
			}
			got, err := e.AppendJSON(nil, JSONForm{})
			want := marshalPlain(t, plainEntry(e))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("entry %q %v:\n got %s %v\nwant %s", s, f, got, err, want)
			}
			indentedAsJSON(t, &e, want)
			r := Overall{Unit: s, Score: &f, Rank: &k, Tier: Top, Counted: k, Coverage: f, Why: s, Streak: k}
			if k%2 == 1 {
				r.ReverseRank, r.Change, r.Robust = &k, &k, &Stability{Median: k, TopShare: f}
			}
			got, err = r.MarshalJSON()
			if want := marshalPlain(t, plainOverall(r)); err != nil || !bytes.Equal(got, want) {
				t.Errorf("board row %q %v:\n got %s %v\nwant %s", s, f, got, err, want)
			}
		}
	}
	nan := math.NaN()
	if _, err := (&Entry{Value: &nan}).AppendJSON(nil, JSONForm{TiedWith: true}); err == nil {
		t.Error("NaN encoded without an error")
	}
}

// indentedAsJSON checks that e indented is compact through json.Indent.
func indentedAsJSON(t *testing.T, e *Entry, compact []byte) {
	t.Helper()
	var want bytes.Buffer
	json.Indent(&want, compact, "        ", "  ")
	got, _ := e.AppendJSON(nil, JSONForm{TiedWith: bytes.Contains(compact, []byte("tied_with")), Indent: true, Prefix: "        "})
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("indented:\n got %s\nwant %s", got, want.Bytes())
	}
}

// TestTiedWithJSON: tied_with names the other members of the tie, where
// the tags put it; a compact document leaves it to tie_groups.
func TestTiedWithJSON(t *testing.T) {
	tie := []string{"甲", "乙", "丙"}
	r2, r5 := 2, 5
	ind := Indicator{Entries: []Entry{
		{Unit: "丁", Rank: new(1)},
		{Unit: "甲", Rank: &r2, Tie: tie}, {Unit: "乙", Rank: &r2, Tie: tie}, {Unit: "丙", Rank: &r2, Tie: tie},
		{Unit: "戊", Rank: &r5, Tie: []string{"戊", "己"}}, {Unit: "己", Rank: &r5, Tie: []string{"戊", "己"}},
	}}
	b, _ := json.Marshal(ind.Entries[2])
	if want := `"display":"","tied_with":["甲","丙"],"why":""`; !bytes.Contains(b, []byte(want)) {
		t.Errorf("entry: %s, want %s", b, want)
	}
	b, _ = json.Marshal(Overall{Unit: "丙", Tie: tie})
	if want := `"coverage":0,"tied_with":["甲","乙"],"why":""`; !bytes.Contains(b, []byte(want)) {
		t.Errorf("board row: %s, want %s", b, want)
	}
	if b, _ := ind.Entries[2].AppendJSON(nil, JSONForm{}); bytes.Contains(b, []byte("tied_with")) {
		t.Errorf("compact entry: %s", b)
	}
	for _, e := range ind.Entries {
		compact, _ := e.AppendJSON(nil, JSONForm{TiedWith: true})
		indentedAsJSON(t, &e, compact)
	}
	want := `[{"rank":2,"units":["甲","乙","丙"]},{"rank":5,"units":["戊","己"]}]`
	if got := ind.AppendTieGroups(nil); string(got) != want {
		t.Errorf("tie groups %s, want %s", got, want)
	}
}

// TestHistoryJSON: the hand-written history is what encoding/json writes,
// compact and indented, however often it is handed on.
func TestHistoryJSON(t *testing.T) {
	r1, r2 := 1, 12
	full := &History{
		Periods: []data.Month{data.NewMonth(2022, 3), data.NewMonth(2022, 4)},
		Overall: []Trend{{Unit: "甲", Ranks: []*int{&r1, nil}}, {Unit: `"乙"`, Ranks: []*int{nil, &r2}}},
		Indicators: []TrendByIndic{
			{Name: "x", Group: "g", Units: []Trend{{Unit: "甲", Ranks: []*int{&r2, &r1}}}},
			{Name: "y", Group: "g", Units: []Trend{}},
		},
	}
	for _, h := range []*History{full, {}, {Periods: []data.Month{}, Overall: []Trend{}}} {
		compact := marshalPlain(t, h)
		var indented bytes.Buffer
		json.Indent(&indented, compact, "  ", "  ")
		for _, c := range []struct {
			form JSONForm
			want []byte
		}{{JSONForm{}, compact}, {JSONForm{Indent: true, Prefix: "  "}, indented.Bytes()}} {
			var out []byte
			flush := func(b []byte) []byte { out = append(out, b...); return b[:0] }
			for _, spill := range []bool{false, true} {
				out = out[:0]
				b := []byte{}
				if spill {
					b = make([]byte, historySpill+1) // every trend hands the output on
				}
				got := append(out, h.AppendJSON(b, c.form, flush)...)
				if spill {
					got = got[historySpill+1:]
				}
				if !bytes.Equal(got, c.want) {
					t.Errorf("indent %v spill %v:\n got %s\nwant %s", c.form.Indent, spill, got, c.want)
				}
			}
		}
	}
}
