package out

import (
	"errors"
	"fmt"
)

// State is what stands at a path a command is about to write.
type State int

// The states of a target, from the harmless to the untouchable.
const (
	// Missing: nothing is there.
	Missing State = iota
	// Own: an unedited output of the command writing now, which a new
	// run replaces.
	Own
	// OtherKind: an unedited output of another shaipin command (a
	// template where a report would go).
	OtherKind
	// Edited: a shaipin output changed since it was written: its marker
	// is there but its content is not what shaipin wrote.
	Edited
	// Foreign: a file shaipin did not write, or one another program has
	// saved since (Excel, WPS and LibreOffice replace the marker).
	Foreign
	// NotFile: a folder or another thing that is not a regular file.
	NotFile
	// Input: a file the command reads, named or found in a folder it
	// reads.
	Input
)

// ErrOverwrite is wrapped by every refusal that --force overrides: the
// file is not an unedited output of the same command.
var ErrOverwrite = errors.New("不覆盖")

// ErrInput is wrapped by the refusal to write over an input, which
// nothing overrides.
var ErrInput = errors.New("是本次读取的输入文件(或在读取的目录中),任何情况下都不覆盖")

// errNotFile is the refusal to write where a folder is.
var errNotFile = errors.New("是一个目录(或不是普通文件),无法写入")

// Existing is what stands at a target: its state and, for a shaipin
// output, the command that wrote it.
type Existing struct {
	State State
	By    string // "template"; "" when not a shaipin output
}

// Decide is the one rule for writing over a file: nil to write, or the
// reason not to. Inputs and folders are never written over; a file that
// is not an unedited output of the same command only with force.
func Decide(e Existing, force bool) error {
	switch e.State {
	case Missing, Own:
		return nil
	case Input:
		return ErrInput
	case NotFile:
		return errNotFile
	}
	if force {
		return nil
	}
	switch e.State {
	case OtherKind:
		return fmt.Errorf("是另一种输出:%s,%w", describe(e.By), ErrOverwrite)
	case Edited:
		return fmt.Errorf("是 shaipin 写出后又被修改过的%s,%w", describe(e.By), ErrOverwrite)
	default:
		return fmt.Errorf("不是 shaipin 写出的文件(或已被 Excel、WPS 等另存过,如交回的填报表),%w", ErrOverwrite)
	}
}
