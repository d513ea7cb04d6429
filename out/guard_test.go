package out

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"shaipin/out/officetest"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook writes a small workbook, as excelize writes one.
func workbook(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetCellValue("Sheet1", "A1", "婺城区"); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// writeAs writes path as command's output, over anything.
func writeAs(t *testing.T, command, path string, write func(io.Writer) error) {
	t.Helper()
	b := NewBatch(Guard{Command: command, Force: true})
	b.Add(path, write)
	if err := b.Write(); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

// fillIn types a figure into a workbook and saves it in place, as a
// program filling in a form does: excelize keeps the document properties.
func fillIn(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue("Sheet1", "B1", 91.86); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// resaveAsExcel rewrites the Application property as Excel does when it
// saves a workbook; the cells stay as they were.
func resaveAsExcel(t *testing.T, path string) {
	t.Helper()
	if err := officetest.Resave(path, "Microsoft Excel"); err != nil {
		t.Fatal(err)
	}
}

// TestInspect: what the guard sees at each kind of target.
func TestInspect(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	writeAs(t, "template", at("own.xlsx"), workbook)
	writeAs(t, "report", at("report.xlsx"), workbook)
	writeAs(t, "template", at("filled.xlsx"), workbook)
	fillIn(t, at("filled.xlsx"))
	writeAs(t, "template", at("excel.xlsx"), workbook)
	resaveAsExcel(t, at("excel.xlsx"))
	if err := WriteFile(at("plain.xlsx"), workbook); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(at("folder.xlsx"), 0o755)
	writeAs(t, "template", at("input.xlsx"), workbook)
	if err := os.Link(at("input.xlsx"), at("link.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("input.xlsx", at("symlink.xlsx")); err != nil {
		t.Fatal(err)
	}
	in := at("in")
	writeAs(t, "template", filepath.Join(in, "own.xlsx"), workbook)
	writeAs(t, "report", filepath.Join(in, "report.xlsx"), workbook)
	if err := WriteFile(filepath.Join(in, "plain.xlsx"), workbook); err != nil {
		t.Fatal(err)
	}

	g := Guard{Command: "template", Inputs: []string{at("input.xlsx"), in}}
	inputs := g.inputFiles()
	for _, c := range []struct {
		name string
		want Existing
	}{
		{"missing.xlsx", Existing{State: Missing}},
		{"own.xlsx", Existing{State: Own, By: "template"}},
		{"report.xlsx", Existing{State: OtherKind, By: "report"}},
		{"filled.xlsx", Existing{State: Edited, By: "template"}},
		{"excel.xlsx", Existing{State: Foreign}},
		{"plain.xlsx", Existing{State: Foreign}},
		{"folder.xlsx", Existing{State: NotFile}},
		{"input.xlsx", Existing{State: Input}},
		{"link.xlsx", Existing{State: Input}},
		{"symlink.xlsx", Existing{State: Input}},
		{"in/../input.xlsx", Existing{State: Input}},
		// A folder read: the command's own outputs in it are skipped by
		// the readers, everything else is read.
		{"in/own.xlsx", Existing{State: Own, By: "template"}},
		{"in/report.xlsx", Existing{State: Input}},
		{"in/plain.xlsx", Existing{State: Input}},
	} {
		if got := g.inspect(at(c.name), g.Command, inputs); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestTextMarks: an HTML report and a Markdown notice are sealed by their
// last line; a JSON report says its writer in its first key.
func TestTextMarks(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "r.html")
	page := `<!DOCTYPE html><head><meta name="generator" content="shaipin report"></head><p>总榜</p>`
	writeAs(t, "report", html, func(w io.Writer) error { _, err := io.WriteString(w, page); return err })
	md := filepath.Join(dir, "通报-2022-04.md")
	writeAs(t, "notice", md, func(w io.Writer) error { _, err := io.WriteString(w, "# 通报\n\n义乌市第一。\n"); return err })
	json := filepath.Join(dir, "r.json")
	writeAs(t, "report", json, func(w io.Writer) error {
		_, err := io.WriteString(w, "{\n  \"generator\": \"shaipin report\",\n  \"period\": \"2022-04\"\n}\n")
		return err
	})
	for p, want := range map[string]Mark{
		html: {Command: "report", Intact: true},
		md:   {Command: "notice", Intact: true},
		json: {Command: "report", Intact: true},
	} {
		if got := ReadMark(p); got != want {
			t.Errorf("%s: %+v, want %+v", filepath.Base(p), got, want)
		}
	}
	b, _ := os.ReadFile(md)
	if !bytes.HasPrefix(b, []byte("# 通报\n\n义乌市第一。\n<!-- generator: shaipin notice; sha256:")) {
		t.Errorf("notice:\n%s", b)
	}
	// Edited by hand, each keeps its marker but loses its seal.
	os.WriteFile(md, bytes.Replace(b, []byte("第一"), []byte("第二"), 1), 0o644)
	if m := ReadMark(md); m != (Mark{Command: "notice"}) {
		t.Errorf("edited notice: %+v", m)
	}
	b, _ = os.ReadFile(html)
	os.WriteFile(html, bytes.Replace(b, []byte("总榜"), []byte("总榜单"), 1), 0o644)
	if m := ReadMark(html); m != (Mark{Command: "report"}) {
		t.Errorf("edited report: %+v", m)
	}
}

// TestSealPackage: the sealed workbook is the same workbook, says its
// writer where Office keeps it, and sealing is deterministic.
func TestSealPackage(t *testing.T) {
	var raw bytes.Buffer
	if err := workbook(&raw); err != nil {
		t.Fatal(err)
	}
	seal := func() []byte {
		var b bytes.Buffer
		if err := sealPackage(&b, bytes.NewReader(raw.Bytes()), int64(raw.Len()), "template"); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	sealed := seal()
	if !bytes.Equal(sealed, seal()) {
		t.Error("two seals of the same workbook differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(sealed))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Sheet1", "A1"); v != "婺城区" {
		t.Errorf("A1 = %q", v)
	}
	app, err := f.GetAppProps()
	if err != nil || app.Application != "shaipin template" {
		t.Errorf("Application %+v %v", app, err)
	}
	props, err := f.GetCustomProps()
	if err != nil || len(props) != 1 || props[0].Name != digestProp {
		t.Errorf("custom properties %+v %v", props, err)
	}
	z, _ := zip.NewReader(bytes.NewReader(sealed), int64(len(sealed)))
	for _, want := range []string{`PartName="/docProps/custom.xml"`, `Target="docProps/custom.xml"`} {
		if !bytes.Contains(readPart(z.File, typesPart), []byte(want)) && !bytes.Contains(readPart(z.File, relsPart), []byte(want)) {
			t.Errorf("custom.xml not declared: no %s", want)
		}
	}
}

// TestLibreOfficeResave: LibreOffice, saving a shaipin workbook, replaces
// Application with its own name (it keeps the custom properties), so the
// workbook is no longer shaipin's. It also shows that LibreOffice opens a
// sealed workbook.
func TestLibreOfficeResave(t *testing.T) {
	lo, err := exec.LookPath("libreoffice")
	if err != nil || testing.Short() {
		t.Skip("needs libreoffice")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "2022-05-义乌市.xlsx")
	writeAs(t, "template", src, workbook)
	if m := ReadMark(src); m != (Mark{Command: "template", Intact: true}) {
		t.Fatalf("as written: %+v", m)
	}
	resaved := filepath.Join(dir, "resaved")
	cmd := exec.Command(lo, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx", "--outdir", resaved, src)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	path := filepath.Join(resaved, filepath.Base(src))
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	app := readPart(z.File, appPart)
	if !bytes.Contains(app, []byte("<Application>LibreOffice")) {
		t.Errorf("app.xml after LibreOffice: %s", app)
	}
	if m := ReadMark(path); m.Command != "" || m.Intact {
		t.Errorf("after LibreOffice: %+v", m)
	}
}
