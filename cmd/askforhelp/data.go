//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/manual"
	"github.com/alphagov/askforhelp/internal/atomicfile"
)

// What "data --generate DIR" writes: the Go source of the data, the words
// file (every word each page keeps; the Go source keeps the first few), and
// beside them, in docs/DATE-COMMIT, the trimmed copy of the checkout they
// were read from.
const (
	seedGo    = "seed_gen.go"
	seedWords = "words.txt"
	docsDir   = "docs"
)

// loadDirectory reads a page or a docs checkout, or returns the embedded
// data when both are "": what data and search read.
func loadDirectory(page, docs string) (*directory.Directory, error) {
	switch {
	case page != "" && docs != "":
		return nil, fmt.Errorf("%w: --page and --docs cannot be used together", errUsage)
	case docs != "":
		c, err := readDocs(docs, directory.Source{})
		if err != nil {
			return nil, err
		}
		return c.Dir, nil
	case page != "":
		return manual.ReadFile(page)
	}
	return directory.Whole(), nil
}

func dataCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("data", "[--page FILE | --docs DIR] [--json] [--generate DIR]", stderr)
	page := fs.String("page", "", "read this manual page instead of the embedded data")
	docs := fs.String("docs", "", "read this govuk-developer-docs checkout (`DIR`) instead of the embedded data")
	asJSON := fs.Bool("json", false, "print JSON")
	generate := fs.String("generate", "", "with --docs, write the Go data and a trimmed copy of the checkout into `DIR` (app/directory)")
	commit := fs.String("source-commit", "", "the docs' commit, when DIR is neither named DATE-COMMIT nor a git checkout")
	date := fs.String("source-date", "", "the docs' commit date (YYYY-MM-DD), likewise")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, rest); err != nil {
		return err
	}
	switch {
	case *generate != "" && *docs == "":
		return fmt.Errorf("%w: --generate needs --docs DIR, a govuk-developer-docs checkout", errUsage)
	case (*commit != "" || *date != "") && *docs == "":
		return fmt.Errorf("%w: --source-commit and --source-date go with --docs", errUsage)
	}
	var d *directory.Directory
	// With --page as well, loadDirectory says they do not go together.
	if *docs != "" && *page == "" {
		c, err := readDocs(*docs, directory.Source{Commit: *commit, Date: *date})
		if err != nil {
			return err
		}
		if *generate != "" {
			return generateData(c, *docs, *generate)
		}
		d = c.Dir
	} else if d, err = loadDirectory(*page, *docs); err != nil {
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

// readDocs reads a checkout; the flags' source, where given, overrides
// what its name or git says.
func readDocs(dir string, flags directory.Source) (*manual.Docs, error) {
	c, err := manual.ReadDocs(dir)
	if err != nil {
		return nil, err
	}
	if flags.Commit != "" {
		c.Dir.Source.Commit = flags.Commit
	}
	if flags.Date != "" {
		c.Dir.Source.Date = flags.Date
	}
	return c, nil
}

// generateData writes DIR/docs/DATE-COMMIT, the trimmed copy of the
// checkout, and DIR/seed_gen.go, the Go data read from it. It first checks
// that the copy reads as the checkout did; the copy replaces the old one
// by a rename, and seed_gen.go is written through a temporary file, so
// that nothing is ever half-written.
func generateData(c *manual.Docs, from, dir string) error {
	snapshot := manual.SnapshotName(c.Dir.Source)
	if snapshot == "" {
		return &manual.Error{File: from, Msg: "cannot tell which version of the docs this is: name the folder " +
			"DATE-COMMIT, use a git checkout, or give --source-commit and --source-date (YYYY-MM-DD)"}
	}
	code, err := directory.GoSource(c.Dir, docsDir+"/"+snapshot)
	if err != nil {
		return fmt.Errorf("generating Go source: %v", err)
	}
	words, err := directory.WordsFile(c.Dir)
	if err != nil {
		return fmt.Errorf("generating the words file: %v", err)
	}
	parent := filepath.Join(dir, docsDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := writeTree(tmp, c.Trimmed()); err != nil {
		return err
	}
	again, err := manual.ReadDocs(tmp)
	if err != nil {
		return fmt.Errorf("the trimmed copy does not read back: %w", err)
	}
	again.Dir.Source = c.Dir.Source
	back, err := directory.GoSource(again.Dir, docsDir+"/"+snapshot)
	backWords, werr := directory.WordsFile(again.Dir)
	if err != nil || werr != nil || !bytes.Equal(back, code) || !bytes.Equal(backWords, words) {
		return fmt.Errorf("the trimmed copy of %s does not read as the checkout does (a bug in the reader)", from)
	}
	if err := replaceDocs(parent, tmp, snapshot); err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, seedWords), words); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, seedGo), code)
}

// writeTree writes files (by slash-separated path) under root.
func writeTree(root string, files map[string][]byte) error {
	for name, data := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// replaceDocs makes tmp the only snapshot in parent, named snapshot: the
// old snapshots are moved aside first and removed once tmp is in place.
func replaceDocs(parent, tmp, snapshot string) error {
	old, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	aside, err := os.MkdirTemp(parent, ".old-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(aside)
	var moved []string
	restore := func(err error) error {
		for _, name := range moved {
			os.Rename(filepath.Join(aside, name), filepath.Join(parent, name))
		}
		return err
	}
	for _, e := range old {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := os.Rename(filepath.Join(parent, e.Name()), filepath.Join(aside, e.Name())); err != nil {
			return restore(err)
		}
		moved = append(moved, e.Name())
	}
	if err := os.Chmod(tmp, 0o755); err != nil { // MkdirTemp made it 0700
		return restore(err)
	}
	if err := os.Rename(tmp, filepath.Join(parent, snapshot)); err != nil {
		return restore(err)
	}
	return nil
}

// writeText prints a directory for people to read: the page's contacts in
// full, then the repos by team and the manual pages by owner.
func writeText(w io.Writer, d *directory.Directory) {
	fmt.Fprintf(w, "%s\n%s\n", d.Title, d.PageURL)
	if d.Source != (directory.Source{}) {
		fmt.Fprintf(w, "From govuk-developer-docs %s (commit %s)\n", d.Source.Date, d.Source.Commit)
	}
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
	writeRepos(w, d.Repos)
	writeManual(w, d.Manual)
}

// writeRepos lists the repos under the team to ask about them.
func writeRepos(w io.Writer, repos []directory.Repo) {
	byTeam := map[string][]string{}
	for _, r := range repos {
		name := r.Name
		if len(r.Apps) > 0 {
			name += " (" + strings.Join(r.Apps, ", ") + ")"
		}
		byTeam[r.Team] = append(byTeam[r.Team], name)
	}
	writeGroups(w, fmt.Sprintf("Repos (%d), by the team to ask", len(repos)), byTeam, "no team", true)
}

// writeManual counts the manual pages by owner.
func writeManual(w io.Writer, pages []directory.ManualPage) {
	byOwner := map[string][]string{}
	for _, p := range pages {
		byOwner[p.Owner] = append(byOwner[p.Owner], p.Title)
	}
	writeGroups(w, fmt.Sprintf("Manual pages (%d), by owner", len(pages)), byOwner, "no owner", false)
}

// writeGroups prints groups, largest first: each with its count, and its
// members when list is set. none labels the group without a name.
func writeGroups(w io.Writer, title string, groups map[string][]string, none string, list bool) {
	if len(groups) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, name := range sortedKeys(groups) {
		label := name
		if label == "" {
			label = none
		}
		fmt.Fprintf(w, "  %s (%d)", label, len(groups[name]))
		if list {
			fmt.Fprintf(w, ": %s", strings.Join(groups[name], ", "))
		}
		fmt.Fprintln(w)
	}
}

// sortedKeys are m's keys, most values first, then by name.
func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if a, b := len(m[keys[i]]), len(m[keys[j]]); a != b {
			return a > b
		}
		return keys[i] < keys[j]
	})
	return keys
}
