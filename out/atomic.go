// Package out writes the leaderboard for people and programs: JSON (the
// machine contract), CSV, a terminal table and the Excel summary. Every
// file is written atomically.
package out

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a file atomically: the content goes to a temporary file
// in the same directory, is synced, and is renamed over path only when
// complete. A failure leaves any earlier file at path untouched and no
// temporary file behind. New files get mode 0644.
func WriteFile(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建目录 %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法写入 %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("写入 %s 失败: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("写入 %s 失败: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s 失败: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法保存 %s: %w", path, err)
	}
	return nil
}
