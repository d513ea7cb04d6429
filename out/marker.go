package out

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Every file a shaipin command writes says which command wrote it, so
// that running the command again replaces its own earlier output and
// nothing else (see Decide, and docs/output.md for the formats):
//
//   - .xlsx and .docx: the document property Application (docProps/app.xml)
//     is "shaipin <command>", and the custom property shaipin-digest holds
//     a digest of every other part of the package. Excel, WPS and
//     LibreOffice rewrite Application when they save; programs that edit a
//     workbook in place (excelize, a Go or Python script filling in a
//     form) keep it, and the digest tells their edits.
//   - .html: <meta name="generator" content="shaipin report"> in the head,
//     written by the page, and a last line sealing the content.
//   - .md: a last line sealing the content (an HTML comment, invisible
//     when the Markdown is shown).
//   - .json: "generator": "shaipin report" as the first key, written by
//     JSON; programs read it and nobody edits it, so it has no seal.

// Generator is the marker of the files a command writes: "shaipin report".
func Generator(command string) string { return "shaipin " + command }

// kindNames are the files each command writes, as users call them.
var kindNames = map[string]string{
	"report": "报告", "template": "填报模板", "merge": "汇总工作簿", "sample": "示例工作簿", "notice": "通报",
}

// describe names what a command writes: 填报模板(shaipin template).
func describe(command string) string {
	if k, ok := kindNames[command]; ok {
		return k + "(" + Generator(command) + ")"
	}
	return Generator(command)
}

// Mark is what a file says about who wrote it.
type Mark struct {
	// Command wrote the file ("report"); "" when it carries no marker.
	Command string
	// Intact: the content is as the command wrote it.
	Intact bool
}

// digestProp is the custom document property holding a package's digest.
const digestProp = "shaipin-digest"

// Parts of an Office package the marker lives in.
const (
	appPart    = "docProps/app.xml"
	customPart = "docProps/custom.xml"
)

// markKind is where a file's marker is, by the file's extension.
type markKind int

const (
	noMark      markKind = iota
	packageMark          // document properties
	textMark             // the last line, an HTML comment
	jsonMark             // the first key
)

func markedAs(path string) markKind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".docx":
		return packageMark
	case ".html", ".md":
		return textMark
	case ".json":
		return jsonMark
	}
	return noMark
}

// ReadMark reads the marker of the file at path; a file of another kind,
// or one that cannot be read, carries none.
func ReadMark(path string) Mark {
	switch markedAs(path) {
	case packageMark:
		return readPackageMark(path)
	case textMark:
		return readTextMark(path)
	case jsonMark:
		return readJSONMark(path)
	}
	return Mark{}
}

// markXML caps what is read of a property part: they are a few hundred
// bytes, and a hostile package must not make the check unzip gigabytes.
const markXML = 64 << 10

var (
	applicationElem = regexp.MustCompile(`<Application>shaipin ([a-z]+)</Application>`)
	digestElem      = regexp.MustCompile(`name="` + digestProp + `"><vt:lpwstr>([0-9a-f]{64})</vt:lpwstr>`)
)

// readPackageMark reads an Office package's marker and checks its digest.
func readPackageMark(path string) Mark {
	z, err := zip.OpenReader(path)
	if err != nil {
		return Mark{}
	}
	defer z.Close()
	var m Mark
	if sub := applicationElem.FindSubmatch(readPart(z.File, appPart)); sub != nil {
		m.Command = string(sub[1])
	}
	if sub := digestElem.FindSubmatch(readPart(z.File, customPart)); sub != nil {
		m.Intact = m.Command != "" && string(sub[1]) == packageDigest(partSums(z.File))
	}
	return m
}

// readPart is a part's content; nil when there is no such part or it is
// larger than markXML (never cut short: a part cut short and written back
// would break the package).
func readPart(files []*zip.File, name string) []byte {
	for _, f := range files {
		if f.Name == name && f.UncompressedSize64 <= markXML {
			r, err := f.Open()
			if err != nil {
				return nil
			}
			defer r.Close()
			b, err := io.ReadAll(io.LimitReader(r, markXML+1))
			if err != nil || len(b) > markXML {
				return nil
			}
			return b
		}
	}
	return nil
}

// partSum is what the digest of a package knows of a part.
type partSum struct {
	name string
	crc  uint32
	size uint64
}

func partSums(files []*zip.File) []partSum {
	sums := make([]partSum, 0, len(files))
	for _, f := range files {
		sums = append(sums, partSum{f.Name, f.CRC32, f.UncompressedSize64})
	}
	return sums
}

// packageDigest digests a package's parts but the one holding it, by
// their names, checksums and sizes: enough to tell an edit (any program
// saving a changed cell rewrites a part), without reading the content.
// It tells edits, not forgeries.
func packageDigest(parts []partSum) string {
	parts = slices.Clone(parts)
	slices.SortFunc(parts, func(a, b partSum) int { return strings.Compare(a.name, b.name) })
	h := sha256.New()
	for _, p := range parts {
		if p.name != customPart {
			fmt.Fprintf(h, "%s\t%08x\t%d\n", p.name, p.crc, p.size)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sumOf is the partSum of a part's content.
func sumOf(name string, content []byte) partSum {
	return partSum{name, crc32.ChecksumIEEE(content), uint64(len(content))}
}

// sealLine is the last line of a sealed text file: the command and the
// SHA-256 of every byte before the line.
var sealLine = regexp.MustCompile(`\A<!-- generator: shaipin ([a-z]+); sha256:([0-9a-f]{64}) -->\n\z`)

// seal is the last line of a text file whose content hashes to sum.
func seal(command string, sum []byte) string {
	return fmt.Sprintf("<!-- generator: %s; sha256:%x -->\n", Generator(command), sum)
}

// htmlGenerator is the marker in an HTML report's head.
var htmlGenerator = regexp.MustCompile(`<meta name="generator" content="shaipin ([a-z]+)">`)

// readTextMark reads the seal of an HTML or Markdown file; an HTML report
// whose seal is gone still names its command in the head.
func readTextMark(path string) Mark {
	b, err := os.ReadFile(path)
	if err != nil {
		return Mark{}
	}
	body := bytes.TrimSuffix(b, []byte("\n"))
	at := bytes.LastIndexByte(body, '\n') + 1
	if sub := sealLine.FindSubmatch(b[at:]); sub != nil {
		sum := sha256.Sum256(b[:at])
		return Mark{Command: string(sub[1]), Intact: hex.EncodeToString(sum[:]) == string(sub[2])}
	}
	head := b[:min(len(b), 4096)]
	if sub := htmlGenerator.FindSubmatch(head); sub != nil {
		return Mark{Command: string(sub[1])}
	}
	return Mark{}
}

// jsonGenerator is the first key of a report's JSON.
var jsonGenerator = regexp.MustCompile(`\A\s*\{\s*"generator"\s*:\s*"shaipin ([a-z]+)"`)

// readJSONMark reads the first key of a JSON document.
func readJSONMark(path string) Mark {
	f, err := os.Open(path)
	if err != nil {
		return Mark{}
	}
	defer f.Close()
	head, _ := bufio.NewReader(f).Peek(256)
	if sub := jsonGenerator.FindSubmatch(head); sub != nil {
		return Mark{Command: string(sub[1]), Intact: true}
	}
	return Mark{}
}
