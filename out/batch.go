package out

import (
	"errors"
	"io"
	"path/filepath"
	"sync"

	"shaipin/data"
)

// Batch is a set of files written together, such as the three outputs of
// a report: a failure in one leaves every earlier file as it was.
//
//	b := out.NewBatch(out.Guard{Command: "report", Inputs: files, Force: force})
//	b.Add("金华市2022年4月晒拼排名.html", writeHTML)
//	b.Add("金华市2022年4月晒拼排名.xlsx", writeExcel)
//	if err := b.Write(); err != nil { … } // nothing changed on disk
//	err := b.Commit()                     // all in place, or none
//
// Nothing is written when any file may not be (see Check). Each file is
// written as WriteFile writes one, and marked as the guard's command's.
type Batch struct {
	guard Guard
	files []*pending
}

// NewBatch returns an empty batch for a command's outputs.
func NewBatch(g Guard) *Batch { return &Batch{guard: g} }

// Add schedules a file: write produces its whole content.
func (b *Batch) Add(path string, write func(w io.Writer) error) {
	b.AddAs(path, b.guard.Command, write)
}

// AddAs schedules a file that belongs to another command than the
// batch's: report writes the notice's files, marked as notice's, so that
// either command replaces them later.
func (b *Batch) AddAs(path, command string, write func(w io.Writer) error) {
	b.files = append(b.files, &pending{path: path, write: write, command: command})
}

// Check tells, for every file of the batch, whether it may be written
// where it goes (see Decide). The error lists every file that may not,
// and why; each problem wraps ErrInput or ErrOverwrite.
func (b *Batch) Check() error {
	inputs := b.guard.inputFiles()
	var errs data.ErrorList
	seen := map[string]bool{}
	for _, f := range b.files {
		abs, err := filepath.Abs(f.path)
		if err != nil {
			abs = f.path
		}
		if seen[abs] {
			errs = append(errs, &data.CellError{File: f.path, Err: errors.New("在本次输出中出现了两次")})
			continue
		}
		seen[abs] = true
		if err := Decide(b.guard.inspect(f.path, f.command, inputs), b.guard.Force); err != nil {
			errs = append(errs, &data.CellError{File: f.path, Err: err})
		}
	}
	return errs.Err()
}

// Write checks the batch, then runs every writer at once, each into a
// temporary file beside its path. When any fails, the temporary files are
// removed and the error names every failure, once: the files of one folder
// that cannot be written fail alike.
func (b *Batch) Write() error {
	if err := b.Check(); err != nil {
		return err
	}
	errs := make([]error, len(b.files))
	var wg sync.WaitGroup
	for i, f := range b.files {
		wg.Go(func() { errs[i] = f.prepare() })
	}
	wg.Wait()
	var distinct []error
	seen := map[string]bool{}
	for _, err := range errs {
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			distinct = append(distinct, err)
		}
	}
	if err := errors.Join(distinct...); err != nil {
		b.Discard()
		return err
	}
	return nil
}

// Commit renames every file into place after a successful Write, in the order added, then
// syncs their directories. When one cannot be put in place (a folder in
// the way, a file held open on Windows), the files already replaced get
// their earlier content back and the rest are discarded: all or none.
func (b *Batch) Commit() error {
	for i, f := range b.files {
		// The last file needs no backup: nothing after it can fail.
		if err := f.commit(i < len(b.files)-1); err != nil {
			for _, done := range b.files[:i] {
				done.undo()
			}
			b.Discard()
			return err
		}
	}
	for _, f := range b.files {
		f.forget()
	}
	synced := map[string]bool{}
	for _, f := range b.files {
		if dir := filepath.Dir(f.path); !synced[dir] {
			synced[dir] = true
			if err := syncDir(dir); err != nil {
				return err
			}
		}
	}
	return nil
}

// Discard removes the temporary files of a batch that is not committed.
func (b *Batch) Discard() {
	for _, f := range b.files {
		f.discard()
	}
}
