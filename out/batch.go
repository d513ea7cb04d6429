package out

import (
	"errors"
	"io"
	"path/filepath"
	"sync"
)

// Batch is a set of files written together, such as the three outputs of
// a report: a failure in one leaves every earlier file as it was.
//
//	b := out.NewBatch()
//	b.Add("leaderboard-2022-04.html", writeHTML)
//	b.Add("leaderboard-2022-04.xlsx", writeExcel)
//	if err := b.Write(); err != nil { … } // nothing changed on disk
//	err := b.Commit()                     // all in place, or none
//
// Each file is written as WriteFile writes one.
type Batch struct {
	files []*pending
}

// NewBatch returns an empty batch.
func NewBatch() *Batch { return &Batch{} }

// Add schedules a file: write produces its whole content.
func (b *Batch) Add(path string, write func(w io.Writer) error) {
	b.files = append(b.files, &pending{path: path, write: write})
}

// Write runs every writer at once, each into a temporary file beside its
// path. When any fails, the temporary files are removed and the error
// names every failure, once: the files of one folder that cannot be
// written fail alike.
func (b *Batch) Write() error {
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
