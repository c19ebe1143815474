//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/internal/testenv"
)

// cli runs the command in-process and returns its exit status and output.
func cli(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestDataEveryPage: `data --page P --json` reads every version of the page.
func TestDataEveryPage(t *testing.T) {
	dir := testenv.Shared(t, "pages")
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html.md"))
	if len(pages) == 0 {
		t.Fatalf("no versions of the page (*.html.md) in %s", dir)
	}
	for _, p := range pages {
		t.Run(filepath.Base(p), func(t *testing.T) {
			code, out, errOut := cli("data", "--page", p, "--json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var d struct {
				Contacts []struct {
					Name string `json:"name"`
				} `json:"contacts"`
				Escalation []any `json:"escalation"`
			}
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if len(d.Contacts) == 0 || len(d.Escalation) == 0 {
				t.Errorf("no contacts or no escalation: %s", out)
			}
			code, text, _ := cli("data", "--page", p)
			if code != 0 || !strings.Contains(text, d.Contacts[0].Name) {
				t.Errorf("text output (exit %d) lacks %q", code, d.Contacts[0].Name)
			}
		})
	}
}

// TestBadPages: a page that cannot be read as the manual page exits
// non-zero with the file (and line) on stderr, nothing on stdout, and
// nothing written.
func TestBadPages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, want string
	}{
		{"empty", write("empty.md", ""), "empty.md: the file is empty"},
		{"binary", write("image.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image.md:1: not a text file"},
		{"unclosed front matter", write("open.md", "---\ntitle: Ask for help\n\nThe team (#x):\n\n- y\n"), "open.md:1: front matter opened"},
		{"no contact", write("prose.md", "---\ntitle: Ask\n---\n\nNothing here.\n"), "prose.md:5: no contact"},
		{"missing", filepath.Join(dir, "missing.md"), "missing.md: cannot read the file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, args := range [][]string{
				{"data", "--page", tt.path, "--json"},
				{"data", "--page", tt.path},
				{"search", "--page", tt.path, "--json", "base images"},
			} {
				code, out, errOut := cli(args...)
				if code == 0 || out != "" || !strings.Contains(errOut, tt.want) {
					t.Errorf("%v: exit %d, stdout %q, stderr %q; want non-zero, nothing, %q", args, code, out, errOut, tt.want)
				}
			}
		})
	}
}

// TestGenerate: --generate writes the Go data and the trimmed copy of the
// docs it reads back from, in place of the old ones.
func TestGenerate(t *testing.T) {
	docs := testenv.Shared(t, "docs", "2026-08-21-972d1b441")
	gen := t.TempDir()
	stale := filepath.Join(gen, docsDir, "2024-04-26-c51f946f2", "source", "manual")
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli("data", "--docs", docs, "--generate", gen); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	src, err := os.ReadFile(filepath.Join(gen, seedGo))
	if err != nil || !bytes.Contains(src, []byte("#govuk-technical-on-call")) || !bytes.Contains(src, []byte("DO NOT EDIT")) ||
		!bytes.Contains(src, []byte(`"licensify\tlicensify-backend\x1flicensify-frontend\x1flicensify-feed\t`)) {
		t.Errorf("generated Go source: %v\n%.2000s", err, src)
	}
	entries, _ := os.ReadDir(filepath.Join(gen, docsDir))
	if len(entries) != 1 || entries[0].Name() != "2026-08-21-972d1b441" {
		t.Errorf("docs/ holds %v, want only the new snapshot", entries)
	}
	page, err := os.ReadFile(filepath.Join(gen, docsDir, "2026-08-21-972d1b441", "source", "manual", "kibana.html.md"))
	// Front matter, headings and the text are kept (the page's words are
	// worked out from it); code blocks are not.
	if err != nil || !bytes.Contains(page, []byte("owner_slack:")) || !bytes.Contains(page, []byte("## Set up the UI")) ||
		!bytes.Contains(page, []byte("Kibana includes a timestamp")) || bytes.Contains(page, []byte("controller: content_items")) {
		t.Errorf("trimmed page: %v\n%s", err, page)
	}
}

// TestSearchCommand: the JSON contract of `search`.
func TestSearchCommand(t *testing.T) {
	tests := []struct {
		args  []string
		first string // channel of the first result; "" for none
	}{
		{[]string{"search", "--json", "base images"}, teamFor("base images")},
		{[]string{"search", "--json", "database", "migration"}, teamFor("database migration")},
		{[]string{"search", "incident", "--json", "--limit", "1"}, teamFor("incident")},
		{[]string{"search", "--json", "email senior tech"}, "@govuk-senior-tech-people"},
		{[]string{"search", "--json", "zzqx"}, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := cli(tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var res []struct {
				Team    string `json:"team"`
				Channel string `json:"channel"`
				URL     string `json:"url"`
				Email   string `json:"email"`
				Score   *int   `json:"score"`
				Matches []struct {
					Text   string   `json:"text"`
					Ranges [][2]int `json:"ranges"`
				} `json:"matches"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("not a JSON array: %v: %s", err, out)
			}
			if tt.first == "" {
				if strings.TrimSpace(out) != "[]" {
					t.Errorf("no match should print [], got %s", out)
				}
				return
			}
			if len(res) == 0 || res[0].Channel != tt.first {
				t.Fatalf("first result %+v, want %s", res, tt.first)
			}
			r := res[0]
			if r.Team == "" || r.URL == "" || r.Score == nil || len(r.Matches) == 0 {
				t.Errorf("incomplete result %+v", r)
			}
			for _, m := range r.Matches {
				n := len([]rune(m.Text))
				for _, rg := range m.Ranges {
					if rg[0] < 0 || rg[0] >= rg[1] || rg[1] > n {
						t.Errorf("range %v outside %q", rg, m.Text)
					}
				}
			}
		})
	}
	var list []any
	if code, out, _ := cli("search", "--json", "--limit", "1", "platform"); code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 {
		t.Errorf("--limit 1 gave %d results: %s", len(list), out)
	}
}

// TestUsage: flags are checked and every command has -h.
func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Usage"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"search"}, 2, "needs a query"},
		{[]string{"search", "--nope", "x"}, 2, "flag provided but not defined: -nope"},
		{[]string{"search", "--limit", "-1", "x"}, 2, "--limit"},
		{[]string{"data", "--json", "extra"}, 2, "unexpected argument"},
		{[]string{"data", "--page", "a.md", "--docs", "d"}, 2, "--page and --docs cannot be used together"},
		{[]string{"search", "--page", "a.md", "--docs", "d", "x"}, 2, "--page and --docs cannot be used together"},
		{[]string{"data", "--page", "a.md", "--generate", "app/directory"}, 2, "--generate needs --docs"},
		{[]string{"data", "--source-commit", "abc1234"}, 2, "go with --docs"},
		{[]string{"serve", "--bogus"}, 2, "-bogus"},
		{[]string{"build", "--bogus"}, 2, "-bogus"},
		{[]string{"search", "-h"}, 0, "Usage: askforhelp search"},
		{[]string{"data", "-h"}, 0, "Usage: askforhelp data"},
		{[]string{"serve", "-h"}, 0, "Usage: askforhelp serve"},
		{[]string{"build", "-h"}, 0, "Usage: askforhelp build"},
	}
	for _, tt := range tests {
		code, out, errOut := cli(tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("%v: exit %d, output %q; want exit %d and %q", tt.args, code, out+errOut, tt.code, tt.want)
		}
	}
}
