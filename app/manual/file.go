//go:build !wasm

package manual

import (
	"io"
	"os"
	"strconv"
	"syscall"
)

// MaxFileSize bounds every file the reader opens: a manual page or
// data/repos.yml is tens of kilobytes, so 4 MiB is generous, and a larger
// file is refused before it is read.
const MaxFileSize = 4 << 20

// ReadLimited reads the file at path if it is a regular file of at most
// limit bytes. A device (/dev/zero), a FIFO or a directory is refused
// without reading from it, and a file over the limit without reading it
// whole. Errors name the file.
func ReadLimited(path string, limit int64) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO must not wait for a writer; it has no
	// effect on a regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read the file: " + unwrapPathError(err)}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read the file: " + unwrapPathError(err)}
	}
	if !fi.Mode().IsRegular() {
		return nil, &Error{File: path, Msg: "not a regular file (" + fileKind(fi.Mode()) + ")"}
	}
	tooBig := &Error{File: path, Msg: "the file is larger than " + strconv.FormatInt(limit, 10) + " bytes"}
	if fi.Size() > limit {
		return nil, tooBig
	}
	// The file may grow after Stat: read one byte past the limit to tell.
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read the file: " + unwrapPathError(err)}
	}
	if int64(len(src)) > limit {
		return nil, tooBig
	}
	return src, nil
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

func unwrapPathError(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
