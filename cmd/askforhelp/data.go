//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/manual"
)

// Files that "data --generate DIR" writes: the page the widget ships with
// and the Go source generated from it.
const (
	seedPage = "ask-for-help.html.md"
	seedGo   = "seed_gen.go"
)

// loadDirectory reads a page, or returns the embedded data when page is "".
func loadDirectory(page string) (*directory.Directory, error) {
	if page == "" {
		return directory.Seed, nil
	}
	return manual.ReadFile(page)
}

func dataCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("data", "[--page FILE] [--json] [--generate DIR]", stderr)
	page := fs.String("page", "", "read this manual page instead of the embedded data")
	asJSON := fs.Bool("json", false, "print JSON")
	generate := fs.String("generate", "", "write the page and the Go data generated from it into `DIR` (app/directory)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, rest); err != nil {
		return err
	}
	if *generate != "" {
		if *page == "" {
			*page = filepath.Join(*generate, seedPage)
		}
		return generateData(*page, *generate)
	}
	d, err := loadDirectory(*page)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if *asJSON {
		enc := json.NewEncoder(&out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(d); err != nil {
			return err
		}
	} else {
		writeText(&out, d)
	}
	_, err = stdout.Write(out.Bytes())
	return err
}

// generateData reads page and, only if it reads as a manual page, writes
// DIR/ask-for-help.html.md and DIR/seed_gen.go, each through a temporary
// file renamed into place so that neither is ever half-written.
func generateData(page, dir string) error {
	src, err := os.ReadFile(page)
	if err != nil {
		return &manual.Error{File: page, Msg: "cannot read the page: " + err.Error()}
	}
	d, err := manual.ParseURL(page, directory.ManualURL+strings.TrimSuffix(seedPage, ".md"), src)
	if err != nil {
		return err
	}
	code, err := directory.GoSource(d, seedPage)
	if err != nil {
		return fmt.Errorf("generating Go source: %v", err)
	}
	if err := writeAtomic(filepath.Join(dir, seedPage), src); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, seedGo), code)
}

func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
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

// writeText prints a directory for people to read.
func writeText(w io.Writer, d *directory.Directory) {
	fmt.Fprintf(w, "%s\n%s\n", d.Title, d.PageURL)
	if d.Owner != "" {
		fmt.Fprintf(w, "Page owner: %s\n", d.Owner)
	}
	if len(d.Escalation) > 0 {
		fmt.Fprintf(w, "\nIf you can't resolve a problem, ask in this order:\n")
		for i, s := range d.Escalation {
			fmt.Fprintf(w, "  %d. %s", i+1, s.Text)
			if s.Channel != "" && !strings.Contains(s.Text, s.Channel) {
				fmt.Fprintf(w, " (%s)", s.Channel)
			}
			fmt.Fprintln(w)
		}
	}
	for _, c := range d.Contacts {
		fmt.Fprintf(w, "\n%s [%s]\n", c.Name, c.Kind)
		if c.Channel != "" {
			fmt.Fprintf(w, "  Ask in %s", c.Channel)
			if c.URL != "" {
				fmt.Fprintf(w, "  %s", c.URL)
			}
			fmt.Fprintln(w)
		}
		for _, ch := range c.Channels {
			fmt.Fprintf(w, "  Also %s\n", ch)
		}
		if c.Email != "" {
			fmt.Fprintf(w, "  Email %s\n", c.Email)
		}
		if c.Summary != "" {
			fmt.Fprintf(w, "  %s\n", c.Summary)
		}
		for _, r := range c.Responsibilities {
			fmt.Fprintf(w, "  - %s\n", r)
		}
	}
}
