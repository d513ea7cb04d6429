//go:build !windows

package main

import "os"

// setupConsole has nothing to do: terminals here read UTF-8.
func setupConsole() (restore func()) { return func() {} }

// waitKey returns when a line is entered on in (Explorer starts happen
// only on Windows).
func waitKey(in *os.File) { in.Read(make([]byte, 1)) }
