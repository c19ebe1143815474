//go:build !wasm && unix

package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/alphagov/askforhelp/internal/testenv"
)

const syntheticDocs = "../../app/manual/testdata/2023-01-02-abcdef123"

// docsJSON is the contract of `data --docs DIR --json`.
type docsJSON struct {
	Escalation []any `json:"escalation"`
	Contacts   []struct {
		Channel string `json:"channel"`
	} `json:"contacts"`
	Repos []struct {
		Name        string   `json:"name"`
		Apps        []string `json:"apps"`
		Type        string   `json:"type"`
		Team        *string  `json:"team"`
		Alerts      *string  `json:"alerts"`
		Description *string  `json:"description"`
		URL         string   `json:"url"`
	} `json:"repos"`
	Manual []struct {
		Title   string  `json:"title"`
		URL     string  `json:"url"`
		Section *string `json:"section"`
		Owner   *string `json:"owner"`
	} `json:"manual"`
	Source struct {
		Commit string `json:"commit"`
		Date   string `json:"date"`
	} `json:"source"`
}

// TestDataDocs: `data --docs DIR --json` reads every shared snapshot and the
// synthetic checkout whole; the text output summarises it.
func TestDataDocs(t *testing.T) {
	tests := []struct {
		dir                        string // in ../shared/docs, or the synthetic checkout
		repos, noTeam, pages, apps int
	}{
		{"2022-06-07-fde45edd9", 177, 1, 291, 0},
		{"2024-04-26-c51f946f2", 138, 0, 198, 2},
		{"2026-08-21-972d1b441", 134, 0, 212, 3},
		{syntheticDocs, 9, 2, 4, 2},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.dir), func(t *testing.T) {
			if tt.dir != syntheticDocs {
				tt.dir = testenv.Shared(t, "docs", tt.dir)
			}
			code, out, errOut := cli("data", "--docs", tt.dir, "--json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var d docsJSON
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			noTeam, apps := 0, 0
			for _, r := range d.Repos {
				if r.Name == "" || r.Apps == nil || r.Type == "" || r.Team == nil || r.Alerts == nil || r.Description == nil ||
					r.URL != "https://docs.publishing.service.gov.uk/repos/"+r.Name+".html" {
					t.Errorf("incomplete repo %+v", r)
				}
				if *r.Team == "" {
					noTeam++
				}
				apps += len(r.Apps)
			}
			for _, m := range d.Manual {
				if m.Title == "" || !strings.HasPrefix(m.URL, "https://docs.publishing.service.gov.uk/manual/") || m.Section == nil || m.Owner == nil {
					t.Errorf("incomplete page %+v", m)
				}
			}
			got := []int{len(d.Repos), noTeam, len(d.Manual), apps}
			if want := []int{tt.repos, tt.noTeam, tt.pages, tt.apps}; !reflect.DeepEqual(got, want) {
				t.Errorf("repos, without a team, pages, apps = %v, want %v", got, want)
			}
			if len(d.Contacts) == 0 || d.Source.Commit == "" || d.Source.Date == "" || !strings.Contains(filepath.Base(tt.dir), d.Source.Commit) {
				t.Errorf("contacts %d, source %+v", len(d.Contacts), d.Source)
			}
			code, text, _ := cli("data", "--docs", tt.dir)
			for _, want := range []string{"Repos (", "Manual pages (", d.Repos[0].Name, "From govuk-developer-docs " + d.Source.Date} {
				if code != 0 || !strings.Contains(text, want) {
					t.Errorf("text output (exit %d) lacks %q", code, want)
				}
			}
		})
	}
}

// snapshotTree records every file under dir with its content.
func snapshotTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, path)
		if e.IsDir() {
			tree[rel+"/"] = ""
			return nil
		}
		b, _ := os.ReadFile(path)
		tree[rel] = string(b)
		return nil
	})
	return tree
}

// TestBadDocs: a checkout that cannot be read exits 1 with the file (and
// line) on stderr and nothing on stdout, whether data or search reads it,
// and --generate leaves the project exactly as it was.
func TestBadDocs(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                string // in stderr, after the checkout's path
	}{
		{"no repos.yml", "data/repos.yml", "", "data/repos.yml: cannot read the file: no such file"},
		{"no manual", "source", "", "source/manual: not a directory"},
		{"YAML that does not parse", "data/repos.yml", "- repo_name: a\n  team: \"#x\n", "data/repos.yml:2: invalid YAML"},
		{"a mapping, not a list", "data/repos.yml", "repo_name: a\nteam: '#x'\n", "data/repos.yml:1: expected a list of repos, found a mapping"},
		{"an entry without a repo name", "data/repos.yml", "- repo_name: a\n- team: '#x'\n", "data/repos.yml:2: a repo without a name"},
		{"front matter never closed", "source/manual/escapes.html.md", "---\ntitle: x\n\n## y\n", "source/manual/escapes.html.md:1: front matter opened"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "2023-01-02-abcdef123")
			if err := os.CopyFS(dir, os.DirFS(syntheticDocs)); err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(dir, tt.file)
			if tt.content == "" {
				os.RemoveAll(target)
			} else if err := os.WriteFile(target, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			// A project whose data came from another checkout.
			project := t.TempDir()
			if code, _, errOut := cli("data", "--docs", syntheticDocs, "--generate", project); code != 0 {
				t.Fatalf("generating the project: %s", errOut)
			}
			before := snapshotTree(t, project)
			for _, args := range [][]string{
				{"data", "--docs", dir, "--json"},
				{"data", "--docs", dir},
				{"data", "--docs", dir, "--generate", project},
				{"search", "--docs", dir, "--json", "whitehall"}, // the same reader
			} {
				code, out, errOut := cli(args...)
				if code != 1 || out != "" || !strings.Contains(errOut, filepath.Join(dir, tt.want)) {
					t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1, nothing, %q", args[:3], code, out, errOut, tt.want)
				}
			}
			if after := snapshotTree(t, project); !reflect.DeepEqual(before, after) {
				t.Error("--generate changed the project")
			}
		})
	}
}

// TestDataBounds: files that are not regular files, or too large, fail
// fast with their name, whatever reads them.
func TestDataBounds(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 200<<20); err != nil {
		t.Fatal(err)
	}
	docsFIFO := filepath.Join(t.TempDir(), "2023-01-02-abcdef123")
	os.CopyFS(docsFIFO, os.DirFS(syntheticDocs))
	os.Remove(filepath.Join(docsFIFO, "data/repos.yml"))
	syscall.Mkfifo(filepath.Join(docsFIFO, "data/repos.yml"), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"data", "--page", "/dev/zero"}, "/dev/zero: not a regular file (a device)"},
		{[]string{"data", "--page", fifo, "--json"}, fifo + ": not a regular file (a named pipe)"},
		{[]string{"search", "--page", fifo, "x"}, fifo + ": not a regular file (a named pipe)"},
		{[]string{"data", "--page", big}, big + ": the file is larger than"},
		{[]string{"data", "--docs", docsFIFO}, "data/repos.yml: not a regular file (a named pipe)"},
	}
	for _, tt := range tests {
		done := make(chan struct{})
		var code int
		var out, errOut string
		go func() {
			code, out, errOut = cli(tt.args...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%v still running after 10 s", tt.args)
		}
		if code != 1 || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1, nothing, %q", tt.args, code, out, errOut, tt.want)
		}
	}
}

// TestGenerateSource: the data must say which version of the docs it comes
// from: a checkout that does not say is refused unless the flags do.
func TestGenerateSource(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "govuk-developer-docs")
	if err := os.CopyFS(dir, os.DirFS(syntheticDocs)); err != nil {
		t.Fatal(err)
	}
	project := t.TempDir()
	code, out, errOut := cli("data", "--docs", dir, "--generate", project)
	if code != 1 || out != "" || !strings.Contains(errOut, dir+": cannot tell which version") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if entries, _ := os.ReadDir(project); len(entries) != 0 {
		t.Errorf("wrote %v", entries)
	}
	if code, _, errOut := cli("data", "--docs", dir, "--source-commit", "0123456789", "--source-date", "2025-01-31", "--generate", project); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(project, "docs", "2025-01-31-0123456789", "data", "repos.yml")); err != nil {
		t.Error(err)
	}
	src, _ := os.ReadFile(filepath.Join(project, seedGo))
	if !strings.Contains(string(src), `Commit: "0123456789"`) || !strings.Contains(string(src), `Date:   "2025-01-31"`) && !strings.Contains(string(src), `Date: "2025-01-31"`) {
		t.Errorf("the generated data does not record the source:\n%.600s", src)
	}
}

// TestSearchDocsFlag: search --docs searches the checkout it is given, not
// the embedded data: each repo of the synthetic checkout that has a team is
// answered by that team, as data --docs reads it.
func TestSearchDocsFlag(t *testing.T) {
	code, out, errOut := cli("data", "--docs", syntheticDocs, "--json")
	if code != 0 {
		t.Fatalf("data --docs: exit %d: %s", code, errOut)
	}
	var d struct {
		Repos []struct{ Name, Team string }
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range d.Repos {
		if !strings.HasPrefix(r.Team, "#") {
			continue
		}
		n++
		code, out, errOut := cli("search", "--docs", syntheticDocs, "--json", "--limit", "1", r.Name)
		var got []struct{ Channel string }
		if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil || len(got) != 1 || got[0].Channel != r.Team {
			t.Errorf("search --docs %s: exit %d, %v, %s (%s); want %s first", r.Name, code, err, out, errOut, r.Team)
		}
	}
	if n == 0 {
		t.Fatal("no repo with a team in the synthetic checkout")
	}
}
