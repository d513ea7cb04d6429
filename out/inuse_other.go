//go:build !windows

package out

// heldOpenOS is never true here: on Unix systems a file another program
// has open can still be read and replaced.
func heldOpenOS(error, string) bool { return false }
