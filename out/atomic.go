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
)

// WriteFile writes a file atomically: the content goes to a temporary file
// in the same directory, is synced, and is renamed over path only when
// complete. A failure leaves any earlier file at path untouched and no
// temporary file behind. New files get mode 0644.
func WriteFile(path string, write func(w io.Writer) error) error {
	p, err := Prepare(path, write)
	if err != nil {
		return err
	}
	return p.Commit()
}

// Pending is a file written in full to a temporary name, waiting to be put
// in place: several outputs can be prepared and then committed together,
// so a failure in one leaves all of last month's files as they were.
type Pending struct {
	tmp, path string
}

// Prepare writes the content of path to a temporary file beside it.
func Prepare(path string, write func(w io.Writer) error) (p *Pending, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建目录 %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("无法写入 %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return nil, fmt.Errorf("写入 %s 失败: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return nil, err
	}
	if err = tmp.Sync(); err != nil {
		return nil, fmt.Errorf("写入 %s 失败: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return nil, fmt.Errorf("写入 %s 失败: %w", path, err)
	}
	return &Pending{tmp: tmp.Name(), path: path}, nil
}

// Commit renames the file into place.
func (p *Pending) Commit() error {
	if err := os.Rename(p.tmp, p.path); err != nil {
		os.Remove(p.tmp)
		return fmt.Errorf("无法保存 %s: %w", p.path, err)
	}
	return nil
}

// Discard removes the temporary file.
func (p *Pending) Discard() { os.Remove(p.tmp) }

// CommitAll puts every prepared file in place, or, when any failed to be
// prepared (a nil entry), discards them all.
func CommitAll(ps []*Pending) error {
	for _, p := range ps {
		if p == nil {
			for _, q := range ps {
				if q != nil {
					q.Discard()
				}
			}
			return errors.New("有输出文件未能生成,原有文件均未改动")
		}
	}
	for _, p := range ps {
		if err := p.Commit(); err != nil {
			return err
		}
	}
	return nil
}
