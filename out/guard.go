package out

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Guard is what a command may write over, and how it marks what it
// writes.
type Guard struct {
	// Command is the command writing ("report"): its files carry its
	// marker, and only its own unedited outputs are replaced. "" writes
	// unmarked files, which nothing replaces without Force.
	Command string
	// Inputs are the files the command reads and the folders it reads:
	// every file in such a folder counts as read except the command's
	// own outputs, which the readers skip.
	Inputs []string
	// Force writes over any file but an input (--force).
	Force bool
}

// inputFile is an input, found by name or in a folder.
type inputFile struct {
	info  os.FileInfo
	inDir bool
}

// inputFiles lists the inputs; those that cannot be read are left out, as
// they are not files this run could write over.
func (g Guard) inputFiles() []inputFile {
	var files []inputFile
	for _, in := range g.Inputs {
		st, err := os.Stat(in)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			files = append(files, inputFile{st, false})
			continue
		}
		entries, _ := os.ReadDir(in)
		for _, e := range entries {
			if fst, err := os.Stat(filepath.Join(in, e.Name())); err == nil && fst.Mode().IsRegular() {
				files = append(files, inputFile{fst, true})
			}
		}
	}
	return files
}

// inspect says what stands at path. os.SameFile tells an input under
// another name too: a hard link, a symbolic link, a path spelled
// differently.
func (g Guard) inspect(path, command string, inputs []inputFile) Existing {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		// Nothing there; a path through a file fails when the folder is
		// made, with its own message.
		return Existing{State: Missing}
	case err != nil:
		return Existing{State: Foreign} // cannot tell: as careful as with a stranger's file
	case !st.Mode().IsRegular():
		return Existing{State: NotFile}
	}
	mark := ReadMark(path)
	own := command != "" && mark.Command == command
	for _, in := range inputs {
		if os.SameFile(st, in.info) && !(in.inDir && own) {
			return Existing{State: Input}
		}
	}
	switch {
	case mark.Command == "":
		return Existing{State: Foreign}
	case !mark.Intact:
		return Existing{State: Edited, By: mark.Command}
	case own:
		return Existing{State: Own, By: mark.Command}
	}
	return Existing{State: OtherKind, By: mark.Command}
}
