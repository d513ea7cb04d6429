package out

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"shaipin/rank"
)

// DefaultCompactAbove is the number of entries past which JSON is written
// in its compact form: at national scale (850,000 entries) indentation
// alone would add a hundred megabytes, and tie lists repeated on every
// entry of a tie of 60 units would make up half the document.
const DefaultCompactAbove = 100000

// JSONOptions control JSON.
type JSONOptions struct {
	// CompactAbove is the number of entries past which the document is
	// written compact: without indentation, and with each indicator's
	// tie groups listed once (tie_groups) instead of on every entry
	// (tied_with); 0 means DefaultCompactAbove, a negative number always
	// compact.
	CompactAbove int
	// Generator, when set, is written as the first key ("generator":
	// "shaipin report"): the marker of a report's file (see Generator).
	Generator string
}

// JSON writes the result in the stable machine contract (see docs/json.md),
// with Chinese left unescaped. Indicators are written one at a time, their
// entries and the history without reflection (rank.Entry.AppendJSON,
// rank.History.AppendJSON), so memory stays bounded by the largest
// indicator, not the whole document.
func JSON(w io.Writer, res *rank.Result, opts JSONOptions) error {
	entries := 0
	for _, ind := range res.Indicators {
		entries += len(ind.Entries)
	}
	limit := opts.CompactAbove
	if limit == 0 {
		limit = DefaultCompactAbove
	}
	compact := entries > limit
	shell := *res
	shell.Indicators = []rank.Indicator{}
	if res.History != nil {
		shell.History = &rank.History{} // written in its place by writeTail
	}
	doc, err := encodeJSON(&shell, !compact, "")
	if err != nil {
		return err
	}
	head, tail, err := splitAt(doc, "indicators", !compact)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.Write(generatorKey(opts.Generator, !compact))
	bw.Write(head[1:])
	var buf []byte
	for i := range res.Indicators {
		if buf, err = appendIndicator(buf[:0], &res.Indicators[i], compact); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		if !compact {
			bw.WriteString("\n    ")
		}
		bw.Write(buf)
	}
	if !compact && len(res.Indicators) > 0 {
		bw.WriteString("\n  ")
	}
	if err := writeTail(bw, tail, res.History, !compact); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// writeTail writes the rest of the document after the indicators, the
// history h (when not nil) streamed in place of the empty one the tail
// holds.
func writeTail(bw *bufio.Writer, tail []byte, h *rank.History, indented bool) error {
	if h == nil {
		_, err := bw.Write(tail)
		return err
	}
	empty, err := encodeJSON(&rank.History{}, indented, "  ")
	if err != nil {
		return err
	}
	key := `"history":`
	if indented {
		key += " "
	}
	at := bytes.Index(tail, append([]byte(key), empty...))
	if at < 0 {
		return fmt.Errorf("JSON: history field not found")
	}
	bw.Write(tail[:at+len(key)])
	flush := func(b []byte) []byte {
		bw.Write(b)
		return b[:0]
	}
	bw.Write(h.AppendJSON(nil, rank.JSONForm{Indent: indented, Prefix: "  "}, flush))
	_, err = bw.Write(tail[at+len(key)+len(empty):])
	return err
}

// appendIndicator appends one indicator, as the second level of the
// document: its fields encoded from the struct tags, its entries by hand,
// and in the compact form the tie groups after them.
func appendIndicator(b []byte, ind *rank.Indicator, compact bool) ([]byte, error) {
	shell := *ind
	shell.Entries = []rank.Entry{}
	doc, err := encodeJSON(&shell, !compact, "    ")
	if err != nil {
		return b, err
	}
	head, tail, err := splitAt(doc, "entries", !compact)
	if err != nil {
		return b, err
	}
	b = append(b, head...)
	form := rank.JSONForm{TiedWith: !compact, Indent: !compact, Prefix: "        "}
	for i := range ind.Entries {
		if i > 0 {
			b = append(b, ',')
		}
		if !compact {
			b = append(b, "\n"+form.Prefix...)
		}
		if b, err = ind.Entries[i].AppendJSON(b, form); err != nil {
			return b, fmt.Errorf("%s: %w", ind.Name, err)
		}
	}
	if !compact && len(ind.Entries) > 0 {
		b = append(b, "\n      "...)
	}
	b = append(b, ']')
	if compact {
		b = append(b, `,"tie_groups":`...)
		b = ind.AppendTieGroups(b)
	}
	return append(b, tail[1:]...), nil
}

// encodeJSON encodes v with Chinese and <>& left as they are, indented
// by two spaces after prefix or compact, without the encoder's final
// newline. It indents as an indenting encoder does, into a buffer grown
// once: the encoder's own grows step by step, which cost more than the
// indenting for the 10 MB of a province's 24-month history.
func encodeJSON(v any, indented bool, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	compact := bytes.TrimRight(buf.Bytes(), "\n")
	if !indented {
		return compact, nil
	}
	var out bytes.Buffer
	out.Grow(4 * len(compact))
	json.Indent(&out, compact, prefix, "  ") // just encoded: valid
	return out.Bytes(), nil
}

// splitAt cuts a document in the empty array of its member key: head
// ends with the array's "[", tail starts with its "]".
func splitAt(doc []byte, key string, indented bool) (head, tail []byte, err error) {
	marker := `"` + key + `":[]`
	if indented {
		marker = `"` + key + `": []`
	}
	// The first: a string cannot hold the marker (its quotes are escaped),
	// and the key comes before the history's own "indicators".
	at := bytes.Index(doc, []byte(marker))
	if at < 0 {
		return nil, nil, fmt.Errorf("JSON: %s field not found", key)
	}
	at += len(marker) - 1
	return doc[:at], doc[at:], nil
}

// generatorKey opens the document, with the generator as its first key
// when there is one.
func generatorKey(generator string, indent bool) []byte {
	if generator == "" {
		return []byte("{")
	}
	g, _ := json.Marshal(generator) // a string always encodes
	if indent {
		return fmt.Appendf(nil, "{\n  \"generator\": %s,", g)
	}
	return fmt.Appendf(nil, `{"generator":%s,`, g)
}
