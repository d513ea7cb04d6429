package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"shaipin/places"

	"github.com/xuri/excelize/v2"
)

// TestReportGolden writes the report of the embedded sample and compares
// every file with testdata/golden: the JSON and the notice as they are,
// the Excel summary as a dump of every cell's value, and the HTML without
// the embedded ECharts bundle (a third-party file, not committed). A
// change in what a report says, in any output, shows here as a diff to
// review; `go test . -run TestReportGolden -update` rewrites the files.
func TestReportGolden(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1650000000")
	dir := t.TempDir()
	if _, stderr, code := shaipin(t, "report", "-o", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, err := os.ReadDir(dir)
	if err != nil || len(files) != 5 {
		t.Fatalf("report wrote %v: %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		name, text := goldenText(t, f.Name(), b)
		if name == "report.html" && !places.Available() {
			// The golden page has the county tile map, drawn from the
			// gazetteer that `make assets` builds.
			t.Log("places data not built (make assets): the HTML is not compared")
			continue
		}
		if name != "" {
			compareGolden(t, filepath.Join("testdata", "golden", name), text)
		}
	}
}

// goldenText is a report file as its golden file holds it.
func goldenText(t *testing.T, name string, b []byte) (string, []byte) {
	switch filepath.Ext(name) {
	case ".xlsx":
		return "report.xlsx.txt", dumpWorkbook(t, b)
	case ".html":
		return "report.html", withoutBundle(b)
	case ".json":
		return "report.json", b
	case ".md":
		return "notice.md", b
	}
	// The Word document says what the Markdown says (out tests its
	// paragraphs); its bytes are the docx library's.
	return "", nil
}

// bundleScript and bundleHash are the embedded ECharts bundle and its
// Content Security Policy hash, or the CDN script of a build without it.
var (
	bundleScript = regexp.MustCompile(`(?s)<script>/\*! Apache ECharts.*?</script>|<script src="https://cdn[^"]*"></script>`)
	bundleHash   = regexp.MustCompile(`(script-src &#39;.*?&#39;) (&#39;sha256-.*?&#39;|https://cdn[^;]*)`)
	// markDigest is the digest of the output marker: of the whole file,
	// bundle included.
	markDigest = regexp.MustCompile(`(<!-- generator: shaipin report; sha256:)[0-9a-f]+`)
)

// withoutBundle replaces the ECharts bundle, its hash and the file's
// digest by placeholders.
func withoutBundle(html []byte) []byte {
	html = bundleScript.ReplaceAll(html, []byte("<script>ECHARTS</script>"))
	html = markDigest.ReplaceAll(html, []byte("${1}DIGEST"))
	return bundleHash.ReplaceAll(html, []byte("$1 ECHARTS"))
}

// dumpWorkbook lists every non-empty cell of every sheet, in order:
// "总榜!B4\t↑5".
func dumpWorkbook(t *testing.T, b []byte) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				out.WriteString(sheet + "!" + ref + "\t" + strings.ReplaceAll(v, "\n", `\n`) + "\n")
			}
		}
		merged, _ := f.GetMergeCells(sheet)
		var ranges []string
		for _, m := range merged {
			ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		sort.Strings(ranges)
		out.WriteString(sheet + " merged\t" + strings.Join(ranges, " ") + "\n")
	}
	return []byte(out.String())
}

// compareGolden compares got with the golden file at path, or rewrites it
// with -update.
func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test . -run TestReportGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the report written now: review with `go test . -run TestReportGolden -update && git diff %s`", path, path)
	}
}
