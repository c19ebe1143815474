//go:build unix

package manual

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/alphagov/askforhelp/internal/testenv"
)

// copyCheckout copies the synthetic checkout into a temporary folder.
func copyCheckout(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "checkout")
	if err := os.CopyFS(dir, os.DirFS(synthetic)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBadDocs: each kind of bad checkout is refused with an error that
// names the file and, where there is one, the line.
func TestBadDocs(t *testing.T) {
	write := func(name, content string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	remove := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	const repos, page = "data/repos.yml", "source/manual/escapes.html.md"
	tests := []struct {
		name    string
		breakIt func(t *testing.T, dir string)
		file    string // the error's file, under the checkout
		line    int
		msg     string
	}{
		{"no repos.yml", remove(repos), repos, 0, "no such file"},
		{"no data folder", remove("data"), repos, 0, "no such file"},
		{"no source/manual", remove("source"), "source/manual", 0, "not a directory"},
		{"no Ask for help page", remove("source/manual/ask-for-help.html.md"), "source/manual/ask-for-help.html.md", 0, "missing"},
		{"repos.yml empty", write(repos, "\n"), repos, 0, "empty"},
		{"repos.yml not YAML", write(repos, "- repo_name: a\n  team: [x\n"), repos, 2, "invalid YAML"},
		{"repos.yml a mapping", write(repos, "repos:\n  - repo_name: a\n"), repos, 1, "expected a list of repos, found a mapping"},
		{"an entry without a name", write(repos, "- repo_name: a\n  team: '#x'\n\n- type: APIs\n  team: '#y'\n"), repos, 4, "without a name"},
		{"an entry that is a name only", write(repos, "- repo_name: a\n- whitehall\n"), repos, 2, `found the value "whitehall"`},
		{"a team that is a list", write(repos, "- repo_name: a\n  team:\n    - '#x'\n"), repos, 3, `"team": expected a single value, found a list`},
		{"repos.yml binary", write(repos, "- repo_name: a\x00\n"), repos, 1, "not a text file"},
		{"front matter never closed", write(page, "---\ntitle: x\nowner_slack: '#x'\n\n## Heading\n"), page, 1, "never closed"},
		{"front matter not YAML", write(page, "---\ntitle: x\nowner_slack: '#x\n---\n"), page, 3, "invalid YAML"},
		{"front matter a list", write(page, "---\n- title\n---\n"), page, 2, "found a list"},
		{"page empty", write(page, ""), page, 0, "empty"},
		{"repos.yml a directory", func(t *testing.T, dir string) {
			remove(repos)(t, dir)
			os.Mkdir(filepath.Join(dir, repos), 0o755)
		}, repos, 0, "not a regular file (a directory)"},
		{"a page that is a FIFO", func(t *testing.T, dir string) {
			remove(page)(t, dir)
			if err := syscall.Mkfifo(filepath.Join(dir, page), 0o644); err != nil {
				testenv.Missing(t, "this file system makes no FIFOs: %v", err)
			}
		}, page, 0, "not a regular file (a named pipe)"},
		{"repos.yml of 200 MB", func(t *testing.T, dir string) {
			if err := os.Truncate(filepath.Join(dir, repos), 200<<20); err != nil {
				t.Fatal(err)
			}
		}, repos, 0, "larger than 4194304 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyCheckout(t)
			tt.breakIt(t, dir)
			docs, err := ReadDocs(dir)
			if err == nil {
				t.Fatalf("no error; read %d repos", len(docs.Dir.Repos))
			}
			var e *Error
			want := filepath.Join(dir, filepath.FromSlash(tt.file))
			if !errors.As(err, &e) || e.File != want || e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("error %q (line %d); want %s, line %d, %q", err, lineOf(e), want, tt.line, tt.msg)
			}
		})
	}
	t.Run("not a folder", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "nope")
		if _, err := ReadDocs(missing); err == nil || !strings.Contains(err.Error(), missing+": not a directory") {
			t.Errorf("error %v", err)
		}
	})
}

// TestReadLimited: only regular files are read, and only up to the limit;
// a device or a FIFO is refused without waiting on it.
func TestReadLimited(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("12345"), 0o644)
	tests := []struct {
		path  string
		limit int64
		want  string // "" for no error
	}{
		{small, 5, ""},
		{small, 4, "small: the file is larger than 4 bytes"},
		{"/dev/zero", MaxFileSize, "/dev/zero: not a regular file (a device)"},
		{fifo, MaxFileSize, "fifo: not a regular file (a named pipe)"},
		{dir, MaxFileSize, "not a regular file (a directory)"},
		{filepath.Join(dir, "missing"), MaxFileSize, "missing: cannot read the file: no such file"},
	}
	for _, tt := range tests {
		src, err := ReadLimited(tt.path, tt.limit)
		switch {
		case tt.want == "" && (err != nil || string(src) != "12345"):
			t.Errorf("%s: %q, %v", tt.path, src, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.path, err, tt.want)
		}
	}
}
