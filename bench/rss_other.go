//go:build !unix

package main

import "os"

// peakMB is 0 where the process state carries no peak memory (Windows):
// the benchmark table is made on Linux; it only has to compile here.
func peakMB(*os.ProcessState) float64 { return 0 }
