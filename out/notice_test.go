package out

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleNotice drafts the notice of the embedded sample, ranked as the
// command line ranks it.
func sampleNotice(t *testing.T) text.Notice {
	t.Helper()
	ds, err := data.Sample(data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := rank.Compute(ds, rank.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return text.NewNotice(res)
}

// TestNoticeMarkdownGolden: the sample's notice, word for word. After a
// change to the sample or the wording, look at the diff and run
//
//	go test ./out -run TestNoticeMarkdownGolden -update
func TestNoticeMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	if err := NoticeMarkdown(&b, sampleNotice(t)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "notice-2022-04.md")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the notice differs from %s (run with -update after checking the change)", golden)
	}
}

// docxParagraphs reads the text of every paragraph of a .docx's body, as
// Word would, with archive/zip and encoding/xml alone.
func docxParagraphs(t *testing.T, pkg []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var out []string
	var cur *strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "p":
				cur = &strings.Builder{}
			case "t":
				inText = true
			case "br":
				cur.WriteString("\n")
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "p":
				out = append(out, cur.String())
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				cur.Write(tok)
			}
		}
	}
}

// The Word notice opens (a zip of well-formed XML) and holds the notice's
// paragraphs in order: the title broken where the sense allows, every
// heading and paragraph, every cell of the flag list.
func TestNoticeDocx(t *testing.T) {
	n := sampleNotice(t)
	var b bytes.Buffer
	if err := NoticeDocx(&b, n); err != nil {
		t.Fatal(err)
	}
	got := docxParagraphs(t, b.Bytes())
	var want []string
	want = append(want, "金华市2022年1—4月\n晒拼情况通报\uff08示例数据\uff09")
	want = append(want, n.Lines...)
	for _, bl := range n.Body {
		if bl.Table != nil {
			for _, row := range append([][]string{bl.Table.Header}, bl.Table.Rows...) {
				want = append(want, row...)
			}
			continue
		}
		want = append(want, bl.Lead+bl.Text)
	}
	at := 0
	for _, p := range got {
		if at < len(want) && p == want[at] {
			at++
		}
	}
	if at < len(want) {
		t.Errorf("paragraph %d missing or out of order: %q", at, want[at])
	}
	if !strings.HasPrefix(n.Title, "金华市2022年1—4月晒拼情况通报") {
		t.Errorf("title %q", n.Title)
	}
}

// The same notice gives the same bytes, in both forms.
func TestNoticeDeterministic(t *testing.T) {
	for name, write := range map[string]func(io.Writer, text.Notice) error{"md": NoticeMarkdown, "docx": NoticeDocx} {
		var a, b bytes.Buffer
		if err := write(&a, sampleNotice(t)); err != nil {
			t.Fatal(err)
		}
		if err := write(&b, sampleNotice(t)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes differ", name)
		}
	}
}

func TestBreakTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2022年4月晒拼情况通报", "2022年4月晒拼情况通报"},
		{"金华市2022年1—4月晒拼情况通报\uff08示例数据\uff09", "金华市2022年1—4月\n晒拼情况通报\uff08示例数据\uff09"},
		{"金华市2022年1—4月“扛旗争先”大晒拼情况通报", "金华市2022年1—4月\n“扛旗争先”大晒拼情况通报"},
		{"一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三"},
	} {
		if got := breakTitle(c.in); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"1平方公里":   "1平方公里",
		"1. 第一":   `\1. 第一`,
		"a*b_c|d": `a\*b\_c\|d`,
		"# 标题":    `\# 标题`,
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
