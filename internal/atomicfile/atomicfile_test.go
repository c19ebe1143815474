package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWrite: the file has the data and mode 0644, and no temporary file
// is left beside it; a file that cannot be written leaves the old one.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	for _, data := range []string{"first", "second"} {
		if err := Write(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(p)
		if err != nil || string(got) != data {
			t.Fatalf("read %q (%v), want %q", got, err, data)
		}
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	if err := Write(filepath.Join(dir, "missing", "out.txt"), []byte("x")); err == nil {
		t.Error("wrote into a folder that does not exist")
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("the folder holds %d entries, want only out.txt", len(es))
	}
}
