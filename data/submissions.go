package data

import (
	"errors"
	"os"
)

// Submissions are the returned forms read from disk, for Merge.
type Submissions struct {
	// Forms are the files read without a problem, in the order given.
	Forms []Submission
	// Warnings are every file's warnings, in the order given.
	Warnings ErrorList
	// Notes are every file's notes, in the order given.
	Notes ErrorList
}

// ReadSubmissions reads the returned forms listed (see List); each is
// called by its Name. A form that names no period is taken to be of
// period, when that is set. Every problem of every file is collected in
// the error, an ErrorList; the result comes back with it, holding the
// files that had none.
func ReadSubmissions(inputs []Input, opts Options, period Month) (*Submissions, error) {
	res := &Submissions{}
	var errs ErrorList
	for _, in := range inputs {
		sub, err := readSubmission(in, opts, period)
		if sub.Form != nil {
			res.Warnings = append(res.Warnings, sub.Form.Warnings...)
			res.Notes = append(res.Notes, sub.Form.Notes...)
		}
		if err != nil {
			var l ErrorList
			if !errors.As(err, &l) {
				return res, err
			}
			errs = append(errs, l...)
			continue
		}
		res.Forms = append(res.Forms, sub)
	}
	return res, errs.Err()
}

// readSubmission reads one returned form, retrying with period when the
// only problem is that the file names none.
func readSubmission(in Input, opts Options, period Month) (Submission, error) {
	st, err := os.Stat(in.Path)
	if err != nil {
		return Submission{File: in.Name}, ErrorList{{File: in.Name, Err: OSError(err)}}
	}
	form, err := readFormFile(in, opts)
	if err != nil && !period.IsZero() && onlyNoPeriod(err) {
		opts.Period = period
		form, err = readFormFile(in, opts)
	}
	return Submission{File: in.Name, ModTime: st.ModTime(), Form: form}, err
}

// onlyNoPeriod reports whether the only problem with a file is that it
// names no period.
func onlyNoPeriod(err error) bool {
	var l ErrorList
	return errors.As(err, &l) && len(l) == 1 && errors.Is(l[0], ErrNoPeriod)
}
