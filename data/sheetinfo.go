package data

import (
	"bytes"
	"encoding/xml"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetInfo is what the reader needs to know of a sheet beyond its cell
// values. Getting it from excelize's cell-by-cell API unpacks the whole
// sheet into a document tree, which at national scale (2,844 × 300) costs
// longer than reading every value; so it is read from the sheet's XML
// directly, and the tree is built only when the sheet needs it.
type sheetInfo struct {
	known    bool     // false: the XML could not be examined; ask excelize
	formulas bool     // the sheet has formula cells
	merges   []string // merged ranges ("B2:D2"), when known
}

// workbookXML and relsXML are the parts that map sheet names to parts.
type workbookXML struct {
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sheets>sheet"`
}

type relsXML struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type mergeCellsXML struct {
	Cells []struct {
		Ref string `xml:"ref,attr"`
	} `xml:"mergeCell"`
}

// part returns a package part's bytes as excelize holds them after opening.
func part(f *excelize.File, name string) []byte {
	v, ok := f.Pkg.Load(name)
	if !ok {
		return nil
	}
	b, _ := v.([]byte)
	return b
}

// sheetParts maps sheet names to their XML part names.
func sheetParts(f *excelize.File) map[string]string {
	return sheetTargets(part(f, "xl/workbook.xml"), part(f, "xl/_rels/workbook.xml.rels"))
}

// sheetTargets maps sheet names to their part names, from the workbook
// part and its relationships; nil when either cannot be read.
func sheetTargets(workbook, rels []byte) map[string]string {
	var wb workbookXML
	var rs relsXML
	if xml.Unmarshal(workbook, &wb) != nil || xml.Unmarshal(rels, &rs) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rs.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			out[s.Name] = t
		}
	}
	return out
}

// inspect examines a sheet's XML: does it hold formulas, and which ranges
// are merged.
func (r *reader) inspect(sheet string) sheetInfo {
	if r.parts == nil {
		r.parts = sheetParts(r.f)
	}
	b := part(r.f, r.parts[sheet])
	if b == nil {
		return sheetInfo{}
	}
	info := sheetInfo{known: true}
	// A formula is an <f> element, possibly with a namespace prefix.
	info.formulas = bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) || bytes.Contains(b, []byte(":f>")) || bytes.Contains(b, []byte(":f "))
	i := bytes.Index(b, []byte("<mergeCells"))
	if i < 0 {
		if bytes.Contains(b, []byte("mergeCell")) {
			return sheetInfo{} // prefixed element names: let excelize read it
		}
		return info
	}
	j := bytes.Index(b[i:], []byte("</mergeCells>"))
	if j < 0 {
		return sheetInfo{}
	}
	var mc mergeCellsXML
	if xml.Unmarshal(b[i:i+j+len("</mergeCells>")], &mc) != nil {
		return sheetInfo{}
	}
	for _, c := range mc.Cells {
		info.merges = append(info.merges, c.Ref)
	}
	return info
}

// hasPercentStyles reports whether any cell style of the workbook has a
// percentage number format; without one, no cell needs its style looked up.
func (r *reader) hasPercentStyles() bool {
	if r.anyPercent != nil {
		return *r.anyPercent
	}
	found := false
	for id := 1; id < 1<<16; id++ {
		st, err := r.f.GetStyle(id)
		if err != nil || st == nil {
			break
		}
		p := st.NumFmt == 9 || st.NumFmt == 10 || (st.CustomNumFmt != nil && percentFormat(*st.CustomNumFmt))
		r.percentOf[id] = p
		found = found || p
	}
	r.anyPercent = &found
	return found
}
