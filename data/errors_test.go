package data

import (
	"errors"
	"testing"
)

// TestErrorAt: problems found after reading sort by file, sheet order and
// row, a range by its first cell.
func TestErrorAt(t *testing.T) {
	sheets := []string{"参数", "城市更新", "专项债"}
	list := ErrorList{
		ErrorAt("2022-04.xlsx", sheets, "专项债!B3", "1", errors.New("x")),
		ErrorAt("2022-04.xlsx", sheets, "城市更新!D3:D12", "", errors.New("y")),
		ErrorAt("2022-04.xlsx", sheets, "城市更新!C7", "0.527", errors.New("z")),
		ErrorAt("2022-03.xlsx", sheets, "", "", errors.New("w")),
	}
	list.Sort()
	want := "2022-03.xlsx: w\n2022-04.xlsx: 城市更新!D3:D12: y\n2022-04.xlsx: 城市更新!C7: \"0.527\" z\n2022-04.xlsx: 专项债!B3: \"1\" x"
	if got := list.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
