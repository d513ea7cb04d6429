package rank

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// The JSON of entries and board rows (docs/json.md) is written by hand:
// exactly what encoding/json writes from the struct tags, without
// reflection, because a national document has 850,000 entries. A tie is
// written as tied_with, the units the entry ties with (Tie less itself).

// JSONForm is how AppendJSON writes an entry.
type JSONForm struct {
	// TiedWith false leaves tied_with out, for documents that list each
	// indicator's tie groups once (out.JSON above its size limit).
	TiedWith bool
	// Indent writes what json.Indent with Prefix and two spaces makes of
	// the compact form: the object starts where it is, its lines after
	// the first start with Prefix.
	Indent bool
	Prefix string
}

// AppendJSON appends the entry as a JSON object in the given form.
func (e *Entry) AppendJSON(b []byte, f JSONForm) ([]byte, error) {
	j := newJSONObject(b, f)
	j.place(e.Unit, "value", e.Value, e.Rank, e.Tier, e.ReverseRank)
	j.str("display", e.Display)
	if f.TiedWith && len(e.Tie) > 0 {
		j.strs("tied_with", others(e.Tie, e.Unit))
	}
	j.str("why", e.Why)
	if e.Cell != "" {
		j.str("cell", e.Cell)
	}
	j.int("change", e.Change)
	j.int("streak", &e.Streak)
	j.float("vs_schedule", e.VsSchedule)
	return j.close()
}

// MarshalJSON writes the entry with tied_with.
func (e Entry) MarshalJSON() ([]byte, error) { return e.AppendJSON(nil, JSONForm{TiedWith: true}) }

// MarshalJSON writes the board row with tied_with.
func (r Overall) MarshalJSON() ([]byte, error) {
	j := newJSONObject(nil, JSONForm{})
	j.place(r.Unit, "score", r.Score, r.Rank, r.Tier, r.ReverseRank)
	j.int("counted", &r.Counted)
	j.float("coverage", &r.Coverage)
	if len(r.Tie) > 0 {
		j.strs("tied_with", others(r.Tie, r.Unit))
	}
	j.str("why", r.Why)
	j.int("change", r.Change)
	j.int("streak", &r.Streak)
	if r.Robust != nil {
		j.key("robust")
		s, err := json.Marshal(r.Robust)
		j.b, j.err = append(j.b, s...), firstErr(j.err, err)
	}
	return j.close()
}

// AppendTieGroups appends the indicator's tie groups as a JSON array,
// each once, in rank order: [{"rank": 4, "units": ["金东区", "兰溪市"]}],
// every unit sharing the rank named, in rank order. It is how a compact
// document gives ties (out.JSON), instead of tied_with on every entry.
func (ind *Indicator) AppendTieGroups(b []byte) []byte {
	b = append(b, '[')
	n := 0
	for i, e := range ind.Entries {
		if len(e.Tie) == 0 || e.Rank == nil || (i > 0 && ind.Entries[i-1].Rank != nil && *ind.Entries[i-1].Rank == *e.Rank) {
			continue // not tied, or a member of a group already written
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		j := newJSONObject(b, JSONForm{})
		j.int("rank", e.Rank)
		j.strs("units", e.Tie)
		b, _ = j.close() // ranks and names: no error
	}
	return append(b, ']')
}

// historySpill is how much of a history AppendJSON holds before it hands
// it on.
const historySpill = 64 << 10

// AppendJSON appends the history as a JSON object in the given form
// (TiedWith does not apply). Whenever the output passes historySpill,
// flush gets it and returns the buffer to go on with (emptied, once
// written out): a province's 24 months are 10 MB indented, which need not
// be held at once.
func (h *History) AppendJSON(b []byte, f JSONForm, flush func([]byte) []byte) []byte {
	j := newJSONObject(b, f)
	j.array("periods", len(h.Periods), h.Periods == nil, func(b []byte, _ JSONForm, i int) []byte {
		return appendJSONString(b, h.Periods[i].String())
	})
	trends := func(ts []Trend) func([]byte, JSONForm, int) []byte {
		return func(b []byte, f JSONForm, i int) []byte {
			if len(b) > historySpill {
				b = flush(b)
			}
			return ts[i].appendJSON(b, f)
		}
	}
	j.array("overall", len(h.Overall), h.Overall == nil, trends(h.Overall))
	j.array("indicators", len(h.Indicators), h.Indicators == nil, func(b []byte, f JSONForm, i int) []byte {
		t := &h.Indicators[i]
		o := newJSONObject(b, f)
		o.str("name", t.Name)
		o.str("group", t.Group)
		o.array("units", len(t.Units), t.Units == nil, trends(t.Units))
		b, _ = o.close() // names and ranks: no error
		return b
	})
	b, _ = j.close()
	return b
}

// appendJSON appends the trend as a JSON object.
func (t *Trend) appendJSON(b []byte, f JSONForm) []byte {
	j := newJSONObject(b, f)
	j.str("unit", t.Unit)
	j.array("ranks", len(t.Ranks), t.Ranks == nil, func(b []byte, _ JSONForm, i int) []byte {
		if t.Ranks[i] == nil {
			return append(b, "null"...)
		}
		return strconv.AppendInt(b, int64(*t.Ranks[i]), 10)
	})
	b, _ = j.close()
	return b
}

// jsonObject appends the members of a JSON object, keeping the first
// error (a value JSON cannot hold).
type jsonObject struct {
	b      []byte
	err    error
	n      int
	indent bool
	line   string // what starts each member's line when indented
}

// newJSONObject opens an object after b.
func newJSONObject(b []byte, f JSONForm) jsonObject {
	return jsonObject{b: append(b, '{'), indent: f.Indent, line: "\n" + f.Prefix + "  "}
}

// key starts a member.
func (j *jsonObject) key(k string) {
	if j.n > 0 {
		j.b = append(j.b, ',')
	}
	j.n++
	if j.indent {
		j.b = append(j.b, j.line...)
	}
	j.b = append(j.b, '"')
	j.b = append(j.b, k...)
	j.b = append(j.b, '"', ':')
	if j.indent {
		j.b = append(j.b, ' ')
	}
}

// place writes the members an entry and a board row begin with: the
// unit, its figure (under key), rank, tier and any reverse rank.
func (j *jsonObject) place(unit, key string, figure *float64, rank *int, t Tier, reverse *int) {
	j.str("unit", unit)
	j.float(key, figure)
	j.int("rank", rank)
	j.str("tier", string(t))
	if reverse != nil {
		j.int("reverse_rank", reverse)
	}
}

// close ends the object.
func (j *jsonObject) close() ([]byte, error) {
	if j.indent && j.n > 0 {
		j.b = append(j.b, j.line[:len(j.line)-2]...)
	}
	return append(j.b, '}'), j.err
}

func (j *jsonObject) str(k, v string) {
	j.key(k)
	j.b = appendJSONString(j.b, v)
}

func (j *jsonObject) strs(k string, v []string) {
	j.array(k, len(v), v == nil, func(b []byte, _ JSONForm, i int) []byte { return appendJSONString(b, v[i]) })
}

// array writes n elements, each appended by elem in the form of its
// nesting; null when null (a nil slice).
func (j *jsonObject) array(k string, n int, null bool, elem func(b []byte, f JSONForm, i int) []byte) {
	j.key(k)
	if null {
		j.b = append(j.b, "null"...)
		return
	}
	inner := JSONForm{Indent: j.indent, Prefix: j.line[1:] + "  "}
	j.b = append(j.b, '[')
	for i := range n {
		if i > 0 {
			j.b = append(j.b, ',')
		}
		if j.indent {
			j.b = append(append(j.b, '\n'), inner.Prefix...)
		}
		j.b = elem(j.b, inner, i)
	}
	if j.indent && n > 0 {
		j.b = append(j.b, j.line...)
	}
	j.b = append(j.b, ']')
}

// int writes *v, or null.
func (j *jsonObject) int(k string, v *int) {
	j.key(k)
	if v == nil {
		j.b = append(j.b, "null"...)
		return
	}
	j.b = strconv.AppendInt(j.b, int64(*v), 10)
}

// float writes *v as encoding/json does (ES6 number formatting), or null.
func (j *jsonObject) float(k string, v *float64) {
	j.key(k)
	if v == nil {
		j.b = append(j.b, "null"...)
		return
	}
	f := *v
	if math.IsInf(f, 0) || math.IsNaN(f) {
		j.err = firstErr(j.err, fmt.Errorf("json: unsupported value: %s in %q", strconv.FormatFloat(f, 'g', -1, 64), k))
		j.b = append(j.b, "null"...)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	j.b = strconv.AppendFloat(j.b, f, format, -1, 64)
	if n := len(j.b); format == 'e' && n >= 4 && j.b[n-4] == 'e' && j.b[n-3] == '-' && j.b[n-2] == '0' {
		j.b[n-2] = j.b[n-1] // e-07 → e-7
		j.b = j.b[:n-1]
	}
}

// firstErr is the first of two errors.
func firstErr(first, next error) error {
	if first != nil {
		return first
	}
	return next
}

// appendJSONString quotes s as encoding/json does without HTML escaping:
// quote, backslash and control characters escaped, invalid UTF-8 as
// U+FFFD, and U+2028, U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
