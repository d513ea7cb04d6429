package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// This file reads back what Write wrote, with encoding/xml alone, so that
// the tests check the package as Word would see it rather than through
// godocx.

// write lays d out and returns the package's parts by name.
func write(t *testing.T, d Document) map[string][]byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	return unzip(t, b.Bytes())
}

func unzip(t *testing.T, pkg []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if parts[f.Name], err = io.ReadAll(r); err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

// para is a paragraph as read back: its style, the text of its runs (a
// line break as "\n"), the text of its 楷体 lead run, and the attributes of
// its properties that layout depends on, as "element.attribute" → value.
type para struct {
	Style, Lead, Text string
	InTable           bool
	Props             map[string]string
}

// paragraphs reads the paragraphs of a document or footer part in order.
func paragraphs(t *testing.T, part []byte) []para {
	t.Helper()
	var (
		out      []para
		p        *para
		tables   int
		runStyle string
		inPPr    bool
	)
	for el := range elements(t, part) {
		switch {
		case el.start && el.name == "tbl":
			tables++
		case !el.start && el.name == "tbl":
			tables--
		case el.start && el.name == "p":
			p = &para{InTable: tables > 0, Props: map[string]string{}}
		case !el.start && el.name == "p":
			out = append(out, *p)
		case el.name == "pPr":
			inPPr = el.start
		case el.start && el.name == "pStyle":
			p.Style = el.attr["val"]
		case el.start && el.name == "r":
			runStyle = ""
		case el.start && el.name == "rStyle":
			runStyle = el.attr["val"]
		case el.start && el.name == "br":
			p.Text += "\n"
		case el.name == "t" && el.text != "":
			p.Text += el.text
			if runStyle == styleLead {
				p.Lead += el.text
			}
		case el.start && inPPr:
			p.Props[el.name] = ""
			for k, v := range el.attr {
				p.Props[el.name+"."+k] = v
			}
		}
	}
	return out
}

// element is a start or end tag, or a text node (name of its parent).
type element struct {
	name  string
	start bool
	attr  map[string]string
	text  string
}

// elements walks part's tags by local name; a text node comes as an
// element named for the tag that holds it.
func elements(t *testing.T, part []byte) func(func(element) bool) {
	return func(yield func(element) bool) {
		d := xml.NewDecoder(bytes.NewReader(part))
		var open []string
		for {
			tok, err := d.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("XML: %v", err)
			}
			var el element
			switch tok := tok.(type) {
			case xml.StartElement:
				el = element{name: tok.Name.Local, start: true, attr: map[string]string{}}
				for _, a := range tok.Attr {
					el.attr[a.Name.Local] = a.Value
				}
				open = append(open, tok.Name.Local)
			case xml.EndElement:
				el = element{name: tok.Name.Local}
				open = open[:len(open)-1]
			case xml.CharData:
				if len(open) == 0 {
					continue
				}
				el = element{name: open[len(open)-1], text: string(tok)}
			default:
				continue
			}
			if !yield(el) {
				return
			}
		}
	}
}

// attrs returns the attributes of the first element named name whose
// attributes include all of match, or nil.
func attrs(t *testing.T, part []byte, name string, match map[string]string) map[string]string {
	t.Helper()
next:
	for el := range elements(t, part) {
		if !el.start || el.name != name {
			continue
		}
		for k, v := range match {
			if el.attr[k] != v {
				continue next
			}
		}
		return el.attr
	}
	return nil
}

// texts lists the paragraphs as "style|text" lines, tables marked "⊞".
func texts(ps []para) string {
	var b strings.Builder
	for _, p := range ps {
		if p.InTable {
			b.WriteString("⊞")
		}
		b.WriteString(p.Style + "|" + p.Text + "\n")
	}
	return b.String()
}
