package main

import (
	"runtime"

	"github.com/xuri/excelize/v2"
	"golang.org/x/sync/errgroup"

	"shaipin/data"
)

// floorCommand runs the read floor in a process of its own:
// `bench floor FILE...`.
const floorCommand = "floor"

// readFloor is the read floor: the least a reader built on excelize, as
// shaipin is, must do to get the figures out of the files. Each workbook
// is opened as data.Load opens it (the same unzip limits, so that no sheet
// spills to a temporary file) and every cell of every sheet — data sheets
// and 参数, 单位, 指标说明 alike — is read as its raw value through the
// streaming Rows iterator: shared strings resolved, nothing else (no cell
// types, number formats, merged cells or parsing). Files are read
// GOMAXPROCS at a time, as data.Load reads them. It runs as a process, as
// shaipin does, so that both times include starting one.
func readFloor(paths []string) error {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, p := range paths {
		g.Go(func() error { return readAll(p) })
	}
	return g.Wait()
}

// readAll reads every cell of one workbook.
func readAll(path string) error {
	f, err := excelize.OpenFile(path, excelize.Options{
		UnzipSizeLimit: data.DefaultMaxUnzipSize, UnzipXMLSizeLimit: data.DefaultMaxSheetSize})
	if err != nil {
		return err
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		rows, err := f.Rows(s)
		if err != nil {
			return err
		}
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
}
