package out

import (
	"encoding/json"
	"io"

	"shaipin/rank"
)

// JSON writes the result in the stable machine contract (see docs/json.md),
// indented, with Chinese left unescaped.
func JSON(w io.Writer, res *rank.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
