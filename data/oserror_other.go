//go:build !windows

package data

// platformReason words the errors of one platform; none here.
func platformReason(error) string { return "" }
