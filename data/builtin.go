package data

import "shaipin/data/sample"

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
