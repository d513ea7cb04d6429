package data

import (
	"strings"

	"shaipin/data/sample"
)

// Sample reads the embedded demo dataset: Jinhua, 2022年1—4月, April
// compiled from public reports, January to March simulated from it (and
// titled so). opts.Period chooses nothing here; it is for ranking.
func Sample(opts Options) (*Dataset, error) {
	opts.Period = 0
	names, contents := sample.Files()
	ds := &Dataset{}
	var errs ErrorList
	for i, name := range names {
		one, err := ReadBytes(name, contents[i], opts)
		if err != nil {
			if l, ok := err.(ErrorList); ok {
				errs = append(errs, l...)
				continue
			}
			return nil, err
		}
		ds.Periods = append(ds.Periods, one.Periods...)
		ds.Warnings = append(ds.Warnings, one.Warnings...)
	}
	if err := errs.Err(); err != nil {
		return ds, err
	}
	sortPeriods(ds.Periods)
	return ds, nil
}

// sampleMarks are the words that mark the sample's title as sample data.
var sampleMarks = []string{"(示例数据)", "(示例数据)"}

// SampleForm reads the real sample month as a form: the shape of a
// template when there is no earlier month. Its title loses the sample
// mark and its source note, 数据性质 and ranking rules are dropped, since
// a real month's form must carry none of them: the sample's rules suit
// public figures with holes, not a city's returns.
func SampleForm(opts Options) (*Form, error) {
	f, err := ReadForm(sample.FileName, sample.Xlsx, opts)
	if err != nil {
		return f, err
	}
	f.Period.Source = ""
	f.Period.Settings, f.Period.Provenance = Settings{}, Official
	for _, s := range sampleMarks {
		f.Period.Title = strings.ReplaceAll(f.Period.Title, s, "")
	}
	return f, nil
}
