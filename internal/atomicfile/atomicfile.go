// Package atomicfile writes a file whole or not at all: through a
// temporary file beside it, renamed into place. What `make data` and the
// generators write (the data, the vocabulary, the index, the compressed
// wasm) is never half-written, whatever stops them.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write writes data to path (mode 0644) through a temporary file in the
// same folder; on any error path is as it was and nothing is left behind.
func Write(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // nothing once renamed
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
