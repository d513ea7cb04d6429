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
// without indentation: at national scale (850,000 entries) indentation
// alone would add a hundred megabytes.
const DefaultCompactAbove = 100000

// JSONOptions control JSON.
type JSONOptions struct {
	// CompactAbove is the number of entries past which the document is
	// written without indentation; 0 means DefaultCompactAbove, a negative
	// number always compact.
	CompactAbove int
	// Generator, when set, is written as the first key ("generator":
	// "shaipin report"): the marker of a report's file (see Generator).
	Generator string
}

// JSON writes the result in the stable machine contract (see docs/json.md),
// with Chinese left unescaped. Indicators are encoded one at a time, so
// memory stays bounded by the largest indicator, not the whole document.
func JSON(w io.Writer, res *rank.Result, opts JSONOptions) error {
	entries := 0
	for _, ind := range res.Indicators {
		entries += len(ind.Entries)
	}
	limit := opts.CompactAbove
	if limit == 0 {
		limit = DefaultCompactAbove
	}
	indent := entries <= limit
	bw := bufio.NewWriterSize(w, 1<<20)
	encode := func(v any, prefix string) ([]byte, error) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if indent {
			enc.SetIndent(prefix, "  ")
		}
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimRight(buf.Bytes(), "\n"), nil
	}
	shell := *res
	shell.Indicators = []rank.Indicator{}
	doc, err := encode(&shell, "")
	if err != nil {
		return err
	}
	marker := []byte(`"indicators":[]`)
	if indent {
		marker = []byte(`"indicators": []`)
	}
	at := bytes.Index(doc, marker)
	if at < 0 {
		return fmt.Errorf("JSON: indicators field not found")
	}
	at += len(marker) - 1 // before the closing ]
	bw.Write(generatorKey(opts.Generator, indent))
	bw.Write(doc[1:at])
	for i := range res.Indicators {
		sep, prefix := ",", ""
		if i == 0 {
			sep = ""
		}
		if indent {
			sep += "\n    "
			prefix = "    "
		}
		b, err := encode(&res.Indicators[i], prefix)
		if err != nil {
			return err
		}
		bw.WriteString(sep)
		bw.Write(b)
	}
	if indent && len(res.Indicators) > 0 {
		bw.WriteString("\n  ")
	}
	bw.Write(doc[at:])
	bw.WriteString("\n")
	return bw.Flush()
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
