package main

import (
	"io"

	"shaipin/out"
	"shaipin/rank"
)

// formats are the outputs of `shaipin rank --format`.
var formats = map[string]func(io.Writer, *rank.Result) error{
	"table": out.Table,
	"json":  out.JSON,
	"csv":   out.CSV,
}
