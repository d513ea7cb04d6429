package data

import (
	"errors"
	"strings"
)

// Provenance says how far a period's figures can be trusted: 参数/数据性质.
// The report, the Excel summary and the JSON show it wherever the period
// appears, so that simulated or provisional figures are never read as
// final.
type Provenance string

// The kinds of figures. Official is also the value when 数据性质 is not
// given.
const (
	Official    Provenance = ""            // 正式:final figures
	Provisional Provenance = "provisional" // 初步:may still be revised
	Simulated   Provenance = "simulated"   // 模拟:invented for a demonstration
	Published   Provenance = "published"   // 公开报道:taken from public reports, with gaps
)

// Label is the provenance as people write it in 参数: 正式, 初步, 模拟,
// 公开报道.
func (p Provenance) Label() string {
	switch p {
	case Provisional:
		return "初步"
	case Simulated:
		return "模拟"
	case Published:
		return "公开报道"
	}
	return "正式"
}

// ErrBadProvenance is a 数据性质 that is none of the known words.
var ErrBadProvenance = errors.New("数据性质只能填 正式、初步、模拟 或 公开报道")

// provenanceWords are the accepted spellings of 数据性质.
var provenanceWords = map[string]Provenance{
	"正式": Official, "正式数据": Official, "official": Official,
	"初步": Provisional, "初步数据": Provisional, "快报": Provisional, "provisional": Provisional,
	"模拟": Simulated, "模拟数据": Simulated, "演示": Simulated, "simulated": Simulated,
	"公开报道": Published, "公开资料": Published, "published": Published,
}

// parseProvenance reads a 数据性质 cell.
func parseProvenance(s string) (Provenance, error) {
	p, ok := provenanceWords[strings.ToLower(stripSpace(s))]
	if !ok {
		return Official, ErrBadProvenance
	}
	return p, nil
}
