package manual

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/internal/testenv"
	"go.yaml.in/yaml/v3"
)

// synthetic is a small checkout kept in the repository; the real snapshots
// are in ../shared/docs (testenv.Shared).
const synthetic = "testdata/2023-01-02-abcdef123"

func repoNamed(d *directory.Directory, name string) *directory.Repo {
	for i := range d.Repos {
		if d.Repos[i].Name == name {
			return &d.Repos[i]
		}
	}
	return nil
}

func pageAt(d *directory.Directory, url string) *directory.ManualPage {
	for i := range d.Manual {
		if d.Manual[i].URL == url {
			return &d.Manual[i]
		}
	}
	return nil
}

// TestSnapshots reads the three shared snapshots whole: every repo that is
// not retired with its team, every page with its owner and title, checked
// against the files read another way (yaml into plain maps), and the
// counts the snapshots' README gives.
func TestSnapshots(t *testing.T) {
	tests := []struct {
		snapshot                    string
		entries, retired, noTeamKey int
		repos, withAlerts, pages    int
		source                      directory.Source
	}{
		{"2022-06-07-fde45edd9", 196, 19, 16, 177, 2, 291, directory.Source{Commit: "fde45edd9", Date: "2022-06-07"}},
		{"2024-04-26-c51f946f2", 141, 1, 0, 138, 0, 198, directory.Source{Commit: "c51f946f2", Date: "2024-04-26"}},
		{"2026-08-21-972d1b441", 136, 0, 0, 134, 98, 212, directory.Source{Commit: "972d1b441", Date: "2026-08-21"}},
	}
	for _, tt := range tests {
		t.Run(tt.snapshot, func(t *testing.T) {
			dir := testenv.Shared(t, "docs", tt.snapshot)
			docs, err := ReadDocs(dir)
			if err != nil {
				t.Fatal(err)
			}
			d := docs.Dir
			if d.Source != tt.source {
				t.Errorf("source %+v, want %+v", d.Source, tt.source)
			}
			if len(d.Contacts) == 0 || len(d.Escalation) == 0 && tt.snapshot != "2022-06-07-fde45edd9" {
				t.Errorf("%d contacts, %d escalation steps from the Ask for help page", len(d.Contacts), len(d.Escalation))
			}

			// The repos, against repos.yml read into plain maps.
			src, err := os.ReadFile(filepath.Join(dir, "data/repos.yml"))
			if err != nil {
				t.Fatal(err)
			}
			entries := lastWins(t, src).([]any)
			retired, noTeamKey := 0, 0
			for _, x := range entries {
				e := x.(map[string]any)
				name, _ := e["repo_name"].(string)
				team, hasTeam := e["team"]
				if !hasTeam {
					noTeamKey++
				}
				if e["retired"] == true {
					retired++
					continue
				}
				r := repoNamed(d, name)
				if r == nil {
					t.Errorf("repo %q is missing", name)
					continue
				}
				if want, _ := team.(string); r.Team != want {
					t.Errorf("repo %q: team %q, want %q", name, r.Team, want)
				}
				if want, _ := e["alerts_team"].(string); want != "" && r.Alerts != want {
					t.Errorf("repo %q: alerts %q, want %q", name, r.Alerts, want)
				}
				if r.URL != "https://docs.publishing.service.gov.uk/repos/"+name+".html" {
					t.Errorf("repo %q: URL %q", name, r.URL)
				}
			}
			got := []int{len(entries), retired, noTeamKey, len(d.Repos)}
			want := []int{tt.entries, tt.retired, tt.noTeamKey, tt.repos}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("entries, retired, without team, repos = %v, want %v", got, want)
			}
			alerts := 0
			for _, r := range d.Repos {
				if r.Alerts != "" {
					alerts++
				}
			}
			if alerts != tt.withAlerts {
				t.Errorf("%d repos with an alerts channel, want %d", alerts, tt.withAlerts)
			}

			// The pages, against each file's front matter.
			root := filepath.Join(dir, "source/manual")
			n := 0
			filepath.WalkDir(root, func(path string, e os.DirEntry, err error) error {
				if e.IsDir() || !strings.HasSuffix(path, ".html.md") && !strings.HasSuffix(path, ".html.md.erb") {
					return nil
				}
				n++
				src, _ := os.ReadFile(path)
				block, _, _ := strings.Cut(strings.TrimPrefix(string(src), "---\n"), "\n---")
				fm := lastWins(t, []byte(block)).(map[string]any)
				rel, _ := filepath.Rel(root, path)
				url := directory.ManualURL + strings.TrimSuffix(strings.TrimSuffix(filepath.ToSlash(rel), ".erb"), ".md")
				p := pageAt(d, url)
				if p == nil {
					t.Errorf("no page %s for %s", url, path)
					return nil
				}
				if p.Title != fm["title"] || p.Owner != fm["owner_slack"] || p.Owner == "" {
					t.Errorf("%s: title %q, owner %q; want %q, %q", path, p.Title, p.Owner, fm["title"], fm["owner_slack"])
				}
				return nil
			})
			if n != tt.pages || len(d.Manual) != tt.pages {
				t.Errorf("%d page files, %d pages read; want %d", n, len(d.Manual), tt.pages)
			}
		})
	}
}

// lastWins decodes YAML into plain maps and lists where, as in Ruby's YAML
// that the docs site uses, a key given twice takes its last value (the
// 2024 repos.yml and a 2026 page do this); yaml.v3's Unmarshal would
// refuse them.
func lastWins(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	var plain func(n *yaml.Node) any
	plain = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return plain(n.Content[0])
		case yaml.SequenceNode:
			var l []any
			for _, c := range n.Content {
				l = append(l, plain(c))
			}
			return l
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i < len(n.Content); i += 2 {
				m[n.Content[i].Value] = plain(n.Content[i+1])
			}
			return m
		}
		var v any
		if err := n.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	return plain(&doc)
}

// TestSynthetic reads a checkout made of the odd shapes each version has
// had: github_repo_name, a null or missing team, quoted and unquoted
// values, one repo under several app names, dependencies_team and
// alerts_team, retired as a boolean or a string, an .erb page in a
// sub-folder owned by a person, a page without front matter, a partial.
func TestSynthetic(t *testing.T) {
	docs, err := ReadDocs(synthetic)
	if err != nil {
		t.Fatal(err)
	}
	d := docs.Dir
	none := []string{}
	wantRepos := []directory.Repo{
		{Name: "alerting", Apps: none, Type: "APIs", Team: "#govuk-alerting", Alerts: "#govuk-alerting-system-alerts"},
		{Name: "deps", Apps: none, Type: "Frontend apps", Team: "#govuk-deps-owner", Alerts: "#govuk-deps-updates"},
		{Name: "early-app", Apps: none, Type: "Frontend apps", Team: "#govuk-early"},
		{Name: "licensify", Apps: []string{"licensify-admin", "licensify-feed"}, Type: "Licensing apps", Team: "#govuk-licensing", Description: "GOV.UK Licensing"},
		{Name: "no-team", Apps: none, Type: "Utilities"},
		{Name: "null-team", Apps: none, Type: "Utilities"},
		{Name: "quoted-single", Apps: none, Type: "APIs", Team: "#govuk-single", Description: "A folded description."},
		{Name: "twice", Apps: none, Type: "data.gov.uk apps", Team: "#govuk-twice"},
		{Name: "unquoted", Apps: none, Type: "Gems", Team: "#govuk-unquoted", Description: "An unquoted description, plain"},
	}
	for i := range wantRepos {
		wantRepos[i].URL = directory.RepoDocsURL + wantRepos[i].Name + ".html"
	}
	if !reflect.DeepEqual(d.Repos, wantRepos) {
		t.Errorf("repos:\n got %+v\nwant %+v", d.Repos, wantRepos)
	}
	wantPages := []directory.ManualPage{
		{Title: "Ask for help", URL: directory.ManualURL + "ask-for-help.html", Section: "Learning GOV.UK", Owner: "#govuk-platform-engineering",
			Headings: []string{"GOV.UK Platform Engineering team (#govuk-platform-engineering)"}},
		{Title: "Escapes & entities", URL: directory.ManualURL + "escapes.html", Owner: "#govuk-developers",
			Headings: []string{"Tom & Jerry's *stars* and a link and html", "Not a # closing sequence"}},
		// Words: what the text says besides the title and headings, less stop words ("some").
		{Title: "Untitled page", URL: directory.ManualURL + "no-front-matter.html", Headings: []string{"Untitled page"}, Words: "prose"},
		// The @handle is kept as the owner; the code block's "##" and the h3 are not headings kept.
		{Title: "A page in a sub-folder: with ERB", URL: directory.ManualURL + "sub/deeper/erb-page.html", Section: "Deep", Owner: "@someone.person",
			Headings: []string{"Run the rake task", "Setext heading with emphasis"},
			// The ERB call is text (its words), the h3 too; the code block is not.
			Words: "jobs kept level links publishing requeue runraketask scheduled third whitehall"},
	}
	if !reflect.DeepEqual(d.Manual, wantPages) {
		t.Errorf("manual:\n got %+v\nwant %+v", d.Manual, wantPages)
	}
	if d.Source != (directory.Source{Commit: "abcdef123", Date: "2023-01-02"}) {
		t.Errorf("source %+v", d.Source)
	}
	if c := contactByChannel(d, "#govuk-platform-engineering"); c == nil || d.Title != "Ask for help" {
		t.Errorf("the Ask for help page was not read: %+v", d)
	}
}

// TestTrimmed: the trimmed copy of a checkout reads exactly as the
// checkout (the pages' text too), keeps the Ask for help page and
// repos.yml whole, and keeps of other pages only their front matter,
// headings and text (no code, no markup).
func TestTrimmed(t *testing.T) {
	// The synthetic checkout, then snapshots in ../shared/docs.
	for _, dir := range []string{synthetic, "2024-04-26-c51f946f2", "2022-06-07-fde45edd9", "2026-08-21-972d1b441"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if dir != synthetic {
				dir = testenv.Shared(t, "docs", dir)
			}
			docs, err := ReadDocs(dir)
			if err != nil {
				t.Fatal(err)
			}
			copyDir := filepath.Join(t.TempDir(), filepath.Base(dir))
			trimmed := docs.Trimmed()
			for name, data := range trimmed {
				path := filepath.Join(copyDir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			again, err := ReadDocs(copyDir)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(again.Dir, docs.Dir) {
				t.Errorf("the trimmed copy reads differently")
			}
			for i, p := range docs.Pages {
				if q := again.Pages[i]; q.Text != p.Text || !reflect.DeepEqual(q.Headings, p.Headings) {
					t.Errorf("%s: the trimmed copy's text differs:\n%q\n%q", p.Rel, p.Text, q.Text)
					break
				}
			}
			for _, name := range []string{"data/repos.yml", "source/manual/ask-for-help.html.md"} {
				a, _ := os.ReadFile(filepath.Join(dir, name))
				b, _ := os.ReadFile(filepath.Join(copyDir, name))
				if string(a) != string(b) {
					t.Errorf("%s is not kept whole", name)
				}
			}
			for name, data := range trimmed {
				if strings.HasSuffix(name, "ask-for-help.html.md") || !strings.HasPrefix(name, "source/") {
					continue
				}
				p := docs.pageAt(name)
				text := escapeText(p.Text)
				for _, line := range strings.Split(string(data), "\n") {
					if line != "" && !strings.HasPrefix(line, "#") && !strings.Contains(p.Front, line) && line != "---" && line != text {
						t.Errorf("%s keeps a line that is neither front matter, a heading nor its text: %q", name, line)
						break
					}
				}
			}
		})
	}
}

// pageAt is the page kept at name, its path in a checkout; an empty page
// if there is none.
func (docs *Docs) pageAt(name string) *Page {
	for _, p := range docs.Pages {
		if "source/manual/"+p.Rel == name {
			return p
		}
	}
	return &Page{}
}

// TestUnquotedChannel: "team: #channel" is a comment to YAML. The reader
// reads the channel its author meant; this fails if the library stops
// giving the value as null with the channel as the key's line comment,
// which is what the workaround in scalar relies on.
func TestUnquotedChannel(t *testing.T) {
	src := "- repo_name: a\n  team: #govuk-a\n  alerts_team: # to do\n"
	var plain []map[string]any
	if err := yaml.Unmarshal([]byte(src), &plain); err != nil || plain[0]["team"] != nil {
		t.Fatalf("the library now reads an unquoted #channel as %v (%v): revisit scalar()", plain, err)
	}
	repos, err := ParseRepos("repos.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if repos[0].Team != "#govuk-a" || repos[0].Alerts != "" {
		t.Errorf("team %q, alerts %q; want the unquoted channel and no alerts channel from a comment", repos[0].Team, repos[0].Alerts)
	}
}

// TestHeadingText: headings read back as themselves from the trimmed copy,
// whatever Markdown they hold.
func TestHeadingText(t *testing.T) {
	tests := []struct{ src, want string }{
		{"## Plain", "Plain"},
		{"## `code_span` and *emphasis* and __strong__", "code_span and emphasis and strong"},
		{"## Escaped \\*stars\\* \\_under\\_ \\\\ back", "Escaped *stars* _under_ \\ back"},
		{"## Entities &amp; &lt;tags&gt; &#35;", "Entities & <tags> #"},
		{"## [Link text](https://example.com) <https://auto.example>", "Link text https://auto.example"},
		{"## Trailing hashes ##", "Trailing hashes"},
		{"## Inline <abbr>HTML</abbr> dropped", "Inline HTML dropped"},
		{"Setext\n===", "Setext"},
		{"## A `` `tick` `` in code", "A `tick` in code"},
		{"## Tab\there and a \x1f separator", "Tab here and a separator"},
	}
	for _, tt := range tests {
		p, err := ParsePage("page.md", "page.html.md", []byte(tt.src+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Headings) != 1 || p.Headings[0].Text != tt.want {
			t.Errorf("%q: headings %+v, want %q", tt.src, p.Headings, tt.want)
			continue
		}
		again, err := ParsePage("page.md", "page.html.md", p.Trimmed())
		if err != nil || !reflect.DeepEqual(again.Headings, p.Headings) {
			t.Errorf("%q: trimmed as %q reads back as %+v (%v)", tt.src, p.Trimmed(), again.Headings, err)
		}
	}
}

// TestYAMLErrorLines: errors name the line a YAML problem is on, whether
// the library's scanner or its parser finds it. The raw messages are
// checked too, so that this fails if yaml.v3 stops numbering parser errors
// from 0 (then parserProblems must go).
func TestYAMLErrorLines(t *testing.T) {
	tests := []struct {
		src  string
		raw  string // the library's own message
		line int    // the line the reader reports
	}{
		{"- repo_name: a\n  team: [x\n", "yaml: line 1: did not find expected ',' or ']'", 2},          // parser
		{"- repo_name: a\n- type: b\n  c: {x\n", "yaml: line 2: did not find expected ',' or '}'", 3},  // parser
		{"- repo_name: a\n  team: x\n b: c\n", "yaml: line 2: did not find expected '-' indicator", 3}, // parser
		{"- repo_name: a\nteam\n", "yaml: line 2: could not find expected ':'", 2},                     // scanner
		{"- repo_name: a\n  team: '#x\n", "yaml: line 2: found unexpected end of stream", 2},           // scanner
	}
	for _, tt := range tests {
		var n yaml.Node
		raw := yaml.Unmarshal([]byte(tt.src), &n)
		if raw == nil || raw.Error() != tt.raw {
			t.Errorf("%q: the library says %v, want %q", tt.src, raw, tt.raw)
		}
		_, err := ParseRepos("repos.yml", []byte(tt.src))
		var e *Error
		if !errors.As(err, &e) || e.Line != tt.line {
			t.Errorf("%q: %v; want line %d", tt.src, err, tt.line)
		}
	}
}

// TestSourceOf: a checkout's version comes from its folder's name when it
// is DATE-COMMIT, else from git when it is a checkout's top level.
func TestSourceOf(t *testing.T) {
	if got := SourceOf(synthetic); got != (directory.Source{Commit: "abcdef123", Date: "2023-01-02"}) {
		t.Errorf("named folder: %+v", got)
	}
	plain := t.TempDir()
	if got := SourceOf(plain); got != (directory.Source{}) {
		t.Errorf("plain folder: %+v, want nothing", got)
	}
	if _, err := exec.LookPath("git"); err != nil {
		testenv.Missing(t, "git is not installed: %v", err)
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-C", plain, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE=2025-03-04T05:06:07Z", "GIT_AUTHOR_DATE=2025-03-04T05:06:07Z")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("commit", "-q", "--allow-empty", "-m", "x")
	want := directory.Source{Commit: git("rev-parse", "--short=9", "HEAD"), Date: "2025-03-04"}
	if got := SourceOf(plain); got != want {
		t.Errorf("git checkout: %+v, want %+v", got, want)
	}
	sub := filepath.Join(plain, "sub")
	os.Mkdir(sub, 0o755)
	if got := SourceOf(sub); got != (directory.Source{}) {
		t.Errorf("a folder inside a checkout: %+v, want nothing", got)
	}
}
