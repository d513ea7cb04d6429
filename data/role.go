package data

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// GeneratorReport marks the files `shaipin report` writes: the Excel
// summary's application name (docProps/app.xml <Application>), the HTML
// page's <meta name="generator"> and the JSON's top-level "generator".
// A folder read as input skips them: they are results, not data.
const GeneratorReport = "shaipin report"

// role is what a file in an input folder is to the reader.
type role int

const (
	roleNone   role = iota // not listed (already listed, or skipped)
	roleData               // a period's data: read it
	roleReport             // written by shaipin report: not an input
	roleUnits              // a unit list: only a 单位 sheet
)

// workbookRole tells, from a workbook's package alone (a few small parts,
// not its sheets' data), whether report wrote it or it is a unit list.
// Anything it cannot open is data: reading it will say what is wrong.
func workbookRole(path string) role {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return roleData
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return roleData
	}
	defer zr.Close()
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(f.Name)] = f
	}
	app := zipPart(parts["docprops/app.xml"], 1<<20)
	targets := sheetTargets(zipPart(parts["xl/workbook.xml"], 16<<20), zipPart(parts["xl/_rels/workbook.xml.rels"], 16<<20))
	switch {
	case reportApp(app), oldReport(path, app, targets):
		return roleReport
	case unitListOnly(parts, targets):
		return roleUnits
	}
	return roleData
}

// oldReport reports whether a workbook is an Excel summary report wrote
// before it marked them: named as report names them, with a 总榜 sheet,
// and never saved by an office program since (which would have renamed
// the application from the workbook library's).
func oldReport(path string, app []byte, sheets map[string]string) bool {
	var props struct {
		Application string `xml:"Application"`
	}
	_, board := sheets["总榜"]
	return board && reportBook.MatchString(filepath.Base(path)) &&
		xml.Unmarshal(app, &props) == nil && props.Application == "Go Excelize"
}

// zipPart reads a part of at most limit bytes; nil when absent or larger.
func zipPart(f *zip.File, limit uint64) []byte {
	if f == nil || f.UncompressedSize64 > limit {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, int64(limit)))
	return b
}

// reportApp reports whether docProps/app.xml names report as the
// application that wrote the workbook. Excel and WPS rewrite it when they
// save, so an edited summary no longer carries it.
func reportApp(app []byte) bool {
	var props struct {
		Application string `xml:"Application"`
	}
	return app != nil && xml.Unmarshal(app, &props) == nil && strings.TrimSpace(props.Application) == GeneratorReport
}

// unitListOnly reports whether a workbook's only sheet with cells is 单位:
// a list of units for every period, not a period. targets maps its sheets
// to their parts.
func unitListOnly(parts map[string]*zip.File, targets map[string]string) bool {
	hasUnits := false
	for name, target := range targets {
		switch strings.TrimSpace(name) {
		case SheetUnits:
			hasUnits = true
		case SheetParams, SheetGuide:
		default:
			if !emptySheet(parts[strings.ToLower(target)]) {
				return false
			}
		}
	}
	return hasUnits
}

// emptySheet reports whether a worksheet part holds no cell. Only small
// parts are unpacked: a sheet with data is never small enough to matter.
func emptySheet(f *zip.File) bool {
	const small = 8 << 10
	if f == nil {
		return true
	}
	if f.UncompressedSize64 > small {
		return false
	}
	b := zipPart(f, small)
	return !bytes.Contains(b, []byte("<c ")) && !bytes.Contains(b, []byte("<c>")) && !bytes.Contains(b, []byte(":c "))
}

// reportName and reportBook are the names report gives its outputs;
// files named so that carry no marker were written before the marker
// existed.
var (
	reportName = regexp.MustCompile(`^leaderboard-\d{4}-\d{2}\.(?i:html|json)$`)
	reportBook = regexp.MustCompile(`^leaderboard-\d{4}-\d{2}\.(?i:xlsx)$`)
)

// isReportOutput reports whether an HTML or JSON file in an input folder
// is a report output: by its name, or by its generator marker.
func isReportOutput(path string) bool {
	if reportName.MatchString(filepath.Base(path)) {
		return true
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return htmlGenerator(path)
	case ".json":
		return jsonGenerator(path)
	}
	return false
}

var metaTag = regexp.MustCompile(`(?is)<meta\s[^>]*>`)

// htmlGenerator looks for <meta name="generator" content="shaipin report">
// in the head of a page.
func htmlGenerator(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16<<10)
	n, _ := io.ReadFull(f, head)
	for _, tag := range metaTag.FindAll(head[:n], -1) {
		t := strings.Join(strings.Fields(string(tag)), " ")
		if strings.Contains(t, `name="generator"`) && strings.Contains(t, `content="`+GeneratorReport+`"`) {
			return true
		}
	}
	return false
}

// jsonGenerator reads a JSON document's top-level keys, skipping their
// values, until it finds "generator".
func jsonGenerator(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return false
		}
		if key == "generator" {
			var v any
			return dec.Decode(&v) == nil && v == GeneratorReport
		}
		if skipJSON(dec) != nil {
			return false
		}
	}
	return false
}

// skipJSON reads past one value without keeping it.
func skipJSON(dec *json.Decoder) error {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
