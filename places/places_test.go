package places

import (
	"slices"
	"testing"
)

// needData skips a test that needs the embedded gazetteer, which only a
// build after `make assets` (npm) has.
func needData(t *testing.T) {
	t.Helper()
	if !Available() {
		t.Skip("places/assets/places.tsv is missing: run `make assets` (needs npm) to build the gazetteer")
	}
}

func TestParse(t *testing.T) {
	g := parse("# comment\n" +
		"P\t110000\t北京市\t北京\n" +
		"X\t110105\t朝阳区\t朝阳\t110000\t116.5\t39.9\n" +
		"P\t330000\t浙江省\t浙江\n" +
		"C\t330700\t金华市\t金华\n" +
		"X\t330702\t婺城区\t婺城\t330700\t119.511\t28.978\n" +
		"X\t330113\t临平区\t临平\t330100\n" +
		"Z\t330771\t某开发区\t某开发区\t330700\n" +
		"X\t4290\t坏行\n" +
		"Q\t429004\t仙桃市\t仙桃\t\n" +
		"X\t429004\t仙桃市\t仙桃\t\t113.4\tx\n")
	want := []Place{
		{Code: "110000", Name: "北京市", Short: "北京", Level: Province, Province: "北京市"},
		{Code: "110105", Name: "朝阳区", Short: "朝阳", Level: County, Parent: "北京市", Province: "北京市", Lng: 116.5, Lat: 39.9, HasPoint: true},
		{Code: "330000", Name: "浙江省", Short: "浙江", Level: Province, Province: "浙江省"},
		{Code: "330700", Name: "金华市", Short: "金华", Level: Prefecture, Province: "浙江省"},
		{Code: "330702", Name: "婺城区", Short: "婺城", Level: County, Parent: "金华市", Province: "浙江省", Lng: 119.511, Lat: 28.978, HasPoint: true},
		{Code: "330113", Name: "临平区", Short: "临平", Level: County, Province: "浙江省"},
		{Code: "330771", Name: "某开发区", Short: "某开发区", Level: Zone, Parent: "金华市", Province: "浙江省"},
		{Code: "429004", Name: "仙桃市", Short: "仙桃", Level: County, Lng: 113.4},
	}
	if !slices.Equal(g.places, want) {
		t.Errorf("parse:\n got %+v\nwant %+v", g.places, want)
	}
	if got := g.byName["婺城"]; !slices.Equal(got, []int{4}) {
		t.Errorf("byName[婺城] = %v, want [4]", got)
	}
	if got := g.byName["某开发区"]; !slices.Equal(got, []int{6}) {
		t.Errorf("byName[某开发区] = %v, want [6] (indexed once when short = full)", got)
	}
}

func TestLookup(t *testing.T) {
	needData(t)
	tests := []struct {
		name  string
		codes []string // every place found, in code order
	}{
		{"婺城", []string{"330702"}},
		{"婺城区", []string{"330702"}},
		{"婺　城", []string{"330702"}}, // padded with an ideographic space for alignment
		{"兰溪", []string{"330781"}},
		{"浦江", []string{"330726"}},
		{"金华", []string{"330700"}},
		{"浙江", []string{"330000"}},
		{"朝阳", []string{"110105", "211300", "211321", "220104"}}, // districts of Beijing and Changchun, a prefecture and a county in Liaoning
		{"景宁", []string{"331127"}},                               // 景宁畲族自治县
		{"鄂温克", []string{"150724"}},                              // 鄂温克族自治旗
		{"双江", []string{"530925"}},                               // 双江拉祜族佤族布朗族傣族自治县
		{"和县", []string{"340523"}},                               // one-character stem: the suffix stays
		{"偃师", []string{"410307"}},                               // 偃师区 only; the abolished 偃师市 is gone
		{"市辖区", nil},
		{"全省", nil},
		{"金华开发区", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Lookup(tt.name) {
			got = append(got, p.Code)
		}
		if !slices.Equal(got, tt.codes) {
			t.Errorf("Lookup(%q) = %v, want %v", tt.name, got, tt.codes)
		}
	}
	p := Lookup("兰溪")[0]
	if p.Name != "兰溪市" || p.Short != "兰溪" || p.Level != County || p.Parent != "金华市" || p.Province != "浙江省" || !p.HasPoint {
		t.Errorf("Lookup(兰溪) = %+v", p)
	}
	if p.Lng < 119.2 || p.Lng > 119.8 || p.Lat < 29 || p.Lat > 29.5 {
		t.Errorf("兰溪 at (%.3f, %.3f): not near 119.5°E 29.3°N", p.Lng, p.Lat)
	}
}

func TestIsWiderArea(t *testing.T) {
	needData(t)
	tests := []struct {
		name string
		want bool
	}{
		{"金华市", true},
		{"金华", true},
		{"浙江省", true},
		{"浙江", true},
		{"北京市", true},
		{"海南藏族自治州", true},
		{"长沙市", true},
		{"长沙", false}, // also 长沙县
		{"长沙县", false},
		{"朝阳", false}, // also 朝阳区, 朝阳县
		{"兰溪市", false},
		{"义乌市", false},
		{"婺城", false},
		{"全省", false},
		{"全市合计", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsWiderArea(tt.name); got != tt.want {
			t.Errorf("IsWiderArea(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestWithoutData(t *testing.T) {
	if Available() {
		t.Skip("the gazetteer is embedded; this checks the build without it")
	}
	if got := Lookup("婺城区"); len(got) != 0 {
		t.Errorf("Lookup without data = %v", got)
	}
	if IsWiderArea("金华市") {
		t.Error("IsWiderArea without data = true")
	}
	if _, ok := Tiles([]string{"婺城区", "金东区", "兰溪市"}); ok {
		t.Error("Tiles without data drew a map")
	}
}
