package data

import "shaipin/data/sample"

// Sample reads the embedded demo dataset (Jinhua, 2022年1—4月, compiled
// from public reports). opts.Period, when set, overrides its period.
func Sample(opts Options) (*Dataset, error) {
	return ReadBytes(sample.FileName, sample.Xlsx, opts)
}
