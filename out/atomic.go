// Package out writes the leaderboard for people and programs: JSON (the
// machine contract), CSV, a terminal table and the Excel summary. Every
// file is written atomically.
package out

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"

	"shaipin/data"
)

// WriteFile writes a file atomically: the content goes to a temporary file
// in the same directory, is synced, and is renamed over path only when
// complete; the directory is synced after the rename. A failure leaves any
// earlier file at path untouched and no temporary file behind. New files
// get mode 0644. It writes over any file and marks none: a command's
// outputs go through a guarded Batch.
func WriteFile(path string, write func(w io.Writer) error) error {
	b := NewBatch(Guard{Force: true})
	b.Add(path, write)
	if err := b.Write(); err != nil {
		return err
	}
	return b.Commit()
}

// pending is one file of a Batch: written in full to tmp, then renamed to
// path.
type pending struct {
	path, tmp string
	write     func(io.Writer) error
	command   string // whose marker the file gets; "" for none
	// backup holds path's earlier content while the rest of the batch is
	// put in place, so that it can be restored; "" when there was none.
	backup string
}

// prepare writes the content to a temporary file beside path.
func (p *pending) prepare() (err error) {
	if err := ValidName(filepath.Base(p.path)); err != nil {
		return err
	}
	dir := filepath.Dir(p.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建文件夹 %s:%w", dir, data.OSError(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(p.path)+".*.tmp")
	if err != nil {
		// The temporary file's name is random: what failed is the folder.
		return fmt.Errorf("无法在文件夹 %s 中写入文件:%w", dir, data.OSError(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = p.produce(tmp); err != nil {
		return fmt.Errorf("写入 %s 失败:%w", p.path, data.OSError(err))
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("写入 %s 失败:%w", p.path, data.OSError(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("写入 %s 失败:%w", p.path, data.OSError(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s 失败:%w", p.path, data.OSError(err))
	}
	p.tmp = tmp.Name()
	return nil
}

// produce writes the content to f, with the command's marker.
func (p *pending) produce(f *os.File) error {
	if p.command == "" {
		return p.write(f)
	}
	switch markedAs(p.path) {
	case packageMark:
		return p.producePackage(f)
	case textMark:
		s := newSealer(f)
		if err := p.write(s); err != nil {
			return err
		}
		return s.close(p.command)
	}
	return p.write(f)
}

// producePackage writes an Office package to a scratch file beside f,
// then copies it to f sealed.
func (p *pending) producePackage(f *os.File) error {
	raw, err := os.CreateTemp(filepath.Dir(f.Name()), filepath.Base(f.Name())+".*.raw")
	if err != nil {
		return err
	}
	defer os.Remove(raw.Name())
	defer raw.Close()
	if err := p.write(raw); err != nil {
		return err
	}
	size, err := raw.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	return sealPackage(f, raw, size, p.command)
}

// commit renames the file into place, first keeping the earlier file as
// a backup when keep is set. A file held open in Excel fails here, on
// Windows, with an *InUseError naming path, not the temporary file.
func (p *pending) commit(keep bool) error {
	if keep {
		if err := p.keepBackup(); err != nil {
			p.discard()
			return saveError(p.path, err)
		}
	}
	if err := os.Rename(p.tmp, p.path); err != nil {
		p.discard()
		p.forget()
		return saveError(p.path, err)
	}
	p.tmp = ""
	return nil
}

// keepBackup links (or, where links are not possible, copies) the file at
// path to a hidden name beside it.
func (p *pending) keepBackup() error {
	st, err := os.Lstat(p.path)
	if err != nil || st.IsDir() {
		return nil // nothing to keep; the rename reports a folder in the way
	}
	backup := p.tmp + ".old"
	if err := os.Link(p.path, backup); err != nil {
		if !st.Mode().IsRegular() {
			return err
		}
		if err := copyFile(p.path, backup); err != nil {
			return err
		}
	}
	p.backup = backup
	return nil
}

// undo puts the earlier file back after the file was committed.
func (p *pending) undo() {
	if p.backup == "" {
		os.Remove(p.path)
		return
	}
	if os.Rename(p.backup, p.path) == nil {
		p.backup = ""
	}
}

// discard removes the temporary file, if any.
func (p *pending) discard() {
	if p.tmp != "" {
		os.Remove(p.tmp)
		p.tmp = ""
	}
}

// forget removes the backup, if any.
func (p *pending) forget() {
	if p.backup != "" {
		os.Remove(p.backup)
		p.backup = ""
	}
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		os.Remove(to)
		return err
	}
	return dst.Close()
}

// syncDir makes the renames in dir durable. Windows cannot open a
// directory to sync it (NTFS journals the rename itself), and some network
// file systems refuse to: neither is an error.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("无法保存 %s:%w", dir, data.OSError(err))
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("无法保存 %s:%w", dir, data.OSError(err))
	}
	return nil
}

// saveError is the error of putting a file in place: the Chinese in-use
// message when another program holds it (asked of the system's own error,
// before it is worded for people), else what went wrong.
func saveError(path string, err error) error {
	if iu := inUse(path, err); iu != err {
		return iu
	}
	return fmt.Errorf("无法保存 %s:%w", path, data.OSError(err))
}
