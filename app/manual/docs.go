//go:build !wasm

package manual

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
)

// Where the reader looks in a govuk-developer-docs checkout.
const (
	ReposFile = "data/repos.yml"
	ManualDir = "source/manual"
	// AskForHelp is the Ask for help page under ManualDir, without the
	// ".erb" a version might add.
	AskForHelp = "ask-for-help.html.md"
)

// MaxPages bounds how many pages the reader takes from source/manual; the
// manual has about 200.
const MaxPages = 5000

// Docs is a govuk-developer-docs checkout as the reader takes it.
type Docs struct {
	// Dir is the directory read: the page's escalation and contacts, the
	// repos and the manual pages.
	Dir *directory.Directory
	// Repos is data/repos.yml as read.
	Repos []byte
	// AskForHelp is the Ask for help page as read, and AskForHelpRel its
	// path under source/manual.
	AskForHelp    []byte
	AskForHelpRel string
	// Pages are the manual's pages (front matter, headings and text), the
	// Ask for help page included, sorted by path.
	Pages []*Page
}

// ReadDocs reads the checkout at dir. Errors name the file and, where there
// is one, the line.
func ReadDocs(dir string) (*Docs, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, &Error{File: dir, Msg: "not a directory: expected a govuk-developer-docs checkout"}
	}
	reposPath := filepath.Join(dir, filepath.FromSlash(ReposFile))
	reposSrc, err := ReadLimited(reposPath, MaxFileSize)
	if err != nil {
		return nil, err
	}
	repos, err := ParseRepos(reposPath, reposSrc)
	if err != nil {
		return nil, err
	}
	docs := &Docs{Repos: reposSrc}
	if err := docs.readManual(filepath.Join(dir, filepath.FromSlash(ManualDir))); err != nil {
		return nil, err
	}
	askPath := filepath.Join(dir, filepath.FromSlash(ManualDir), filepath.FromSlash(docs.AskForHelpRel))
	d, err := ParseURL(askPath, directory.ManualURL+strings.TrimSuffix(AskForHelp, ".md"), docs.AskForHelp)
	if err != nil {
		return nil, err
	}
	d.Repos = repos
	// The entries in order of URL, each beside its page's text.
	pages := slices.Clone(docs.Pages)
	slices.SortStableFunc(pages, func(a, b *Page) int { return strings.Compare(a.URL(), b.URL()) })
	texts := make([]string, len(pages))
	for i, p := range pages {
		d.Manual = append(d.Manual, p.Entry())
		texts[i] = p.Text
	}
	pageWords(d, texts)
	d.Source = SourceOf(dir)
	docs.Dir = d
	return docs, nil
}

// readManual reads every page under root: *.html.md and *.html.md.erb,
// sub-folders included, but not partials ("_name"), which are not pages.
func (docs *Docs) readManual(root string) error {
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return &Error{File: root, Msg: "not a directory: expected the manual's pages here"}
	}
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return &Error{File: path, Msg: "cannot read: " + unwrapPathError(err)}
		}
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, "_") ||
			!strings.HasSuffix(name, ".html.md") && !strings.HasSuffix(name, ".html.md.erb") {
			return nil
		}
		if len(docs.Pages) == MaxPages {
			return &Error{File: root, Msg: "more than " + strconv.Itoa(MaxPages) + " pages"}
		}
		src, err := ReadLimited(path, MaxFileSize)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		p, err := ParsePage(path, rel, src)
		if err != nil {
			return err
		}
		docs.Pages = append(docs.Pages, p)
		if strings.TrimSuffix(rel, ".erb") == AskForHelp && docs.AskForHelp == nil {
			docs.AskForHelp, docs.AskForHelpRel = src, rel
		}
		return nil
	})
	if err != nil {
		return err
	}
	if docs.AskForHelp == nil {
		return &Error{File: filepath.Join(root, AskForHelp), Msg: "the Ask for help page is missing"}
	}
	return nil
}

// Trimmed is the checkout cut down to what the reader needs, as files by
// their path in a checkout: data/repos.yml and the Ask for help page whole,
// every other page's front matter and headings. ReadDocs reads it as it
// reads the checkout.
func (docs *Docs) Trimmed() map[string][]byte {
	files := map[string][]byte{
		ReposFile:                            docs.Repos,
		ManualDir + "/" + docs.AskForHelpRel: docs.AskForHelp,
	}
	for _, p := range docs.Pages {
		if p.Rel != docs.AskForHelpRel {
			files[ManualDir+"/"+p.Rel] = p.Trimmed()
		}
	}
	return files
}

// snapshotName is a folder named DATE-COMMIT, as ../shared/docs names its
// snapshots and as the generated data keeps its trimmed copy.
var snapshotName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-([0-9a-f]{7,40})$`)

// SourceOf says which version of the docs dir holds: from its name when it
// is DATE-COMMIT, else from git when it is a checkout's top level; zero
// when neither says.
func SourceOf(dir string) directory.Source {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return directory.Source{}
	}
	if m := snapshotName.FindStringSubmatch(filepath.Base(abs)); m != nil {
		return directory.Source{Date: m[1], Commit: m[2]}
	}
	if _, err := os.Stat(filepath.Join(abs, ".git")); err != nil {
		return directory.Source{}
	}
	out, err := exec.Command("git", "-C", abs, "log", "-1", "--abbrev=9", "--format=%h %cd", "--date=short").Output()
	if err != nil {
		return directory.Source{}
	}
	commit, date, ok := strings.Cut(strings.TrimSpace(string(out)), " ")
	if !ok {
		return directory.Source{}
	}
	return directory.Source{Commit: commit, Date: date}
}

// SnapshotName is the folder name DATE-COMMIT for a source, or "" when
// either is unknown.
func SnapshotName(s directory.Source) string {
	if s.Date == "" || s.Commit == "" {
		return ""
	}
	name := s.Date + "-" + s.Commit
	if !snapshotName.MatchString(name) {
		return ""
	}
	return name
}
