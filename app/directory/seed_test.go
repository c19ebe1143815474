package directory_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/manual"
	"github.com/alphagov/askforhelp/internal/testenv"
)

// seedDocs is the trimmed copy of the docs that seed_gen.go was generated
// from: the only folder in docs/, named DATE-COMMIT.
func seedDocs(t *testing.T) string {
	t.Helper()
	dirs, _ := filepath.Glob("docs/*")
	if len(dirs) != 1 {
		t.Fatalf("want one snapshot in app/directory/docs, found %v: run `make data`", dirs)
	}
	return dirs[0]
}

// TestSeedIsFresh fails when seed_gen.go is not what `make data` makes of
// the trimmed copy of the docs beside it: the embedded data must never
// drift from its source.
func TestSeedIsFresh(t *testing.T) {
	dir := seedDocs(t)
	docs, err := manual.ReadDocs(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := directory.GoSource(docs.Dir, filepath.ToSlash(dir))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("seed_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("app/directory/seed_gen.go is stale: run `make data` to regenerate it from %s", dir)
	}
	wantWords, err := directory.WordsFile(docs.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(directory.SeedWords(), wantWords) {
		t.Fatalf("app/directory/words.txt is stale: run `make data` to regenerate it from %s", dir)
	}
}

// TestSeedDocsFaithful: the trimmed copy reads exactly as the full
// checkout it was cut from, when the shared snapshots are beside the
// project (as in CI).
func TestSeedDocsFaithful(t *testing.T) {
	dir := seedDocs(t)
	full := testenv.Shared(t, "docs", filepath.Base(dir))
	trimmed, err := manual.ReadDocs(dir)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := manual.ReadDocs(full)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := directory.GoSource(trimmed.Dir, "x")
	b, _ := directory.GoSource(whole.Dir, "x")
	if !bytes.Equal(a, b) {
		t.Errorf("%s does not read as %s: run `make data`", dir, full)
	}
}

// TestSeedSource: the data says which version of the docs it comes from.
func TestSeedSource(t *testing.T) {
	want := "docs/" + directory.Seed.Source.Date + "-" + directory.Seed.Source.Commit
	if got := filepath.ToSlash(seedDocs(t)); got != want || directory.Seed.Source.Commit == "" {
		t.Errorf("Seed.Source %+v; the data was generated from %s", directory.Seed.Source, got)
	}
	if !bytes.Contains(directory.SeedPage, []byte("title: Ask for help")) {
		t.Errorf("SeedPage is not the Ask for help page: %.80q", directory.SeedPage)
	}
}

// TestSeedContacts: the embedded data, whichever version of the docs it
// was made from (the publish pipeline makes it from the docs of the day),
// holds what the widget promises: an escalation order whose steps lead to
// contacts, and contacts that each say where to ask.
func TestSeedContacts(t *testing.T) {
	d := directory.Seed
	if len(d.Escalation) < 2 || len(d.Contacts) < 2 {
		t.Fatalf("%d escalation steps and %d contacts: want the page's order and its teams", len(d.Escalation), len(d.Contacts))
	}
	ids := map[string]bool{}
	for _, c := range d.Contacts {
		if ids[c.ID] {
			t.Errorf("contact ID %q twice", c.ID)
		}
		ids[c.ID] = true
		if c.Channel == "" && c.Email == "" {
			t.Errorf("contact %q says nowhere to ask", c.Name)
		}
		if c.Name == "" {
			t.Errorf("contact %q has no name", c.ID)
		}
	}
	for _, s := range d.Escalation {
		if s.Contact != "" && d.Contact(s.Contact) == nil {
			t.Errorf("escalation step %q names contact %q, which is not in the data", s.Text, s.Contact)
		}
	}
	if d.Escalation[len(d.Escalation)-1].Contact == "" {
		t.Errorf("the last escalation step %q leads to no contact", d.Escalation[len(d.Escalation)-1].Text)
	}
}

// TestSeedTables: the repos and pages embedded as tables unpack to exactly
// what the reader reads from the docs beside them, with each page's first
// words; with the words file's (Whole), to every word.
func TestSeedTables(t *testing.T) {
	docs, err := manual.ReadDocs(seedDocs(t))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(directory.Seed.Repos, docs.Dir.Repos) {
		t.Error("Seed.Repos differs from the reader's repos")
	}
	if !reflect.DeepEqual(directory.Whole().Manual, docs.Dir.Manual) {
		t.Error("Whole().Manual differs from the reader's pages")
	}
	cut, more := slices.Clone(docs.Dir.Manual), 0
	for i := range cut {
		ws := strings.Fields(cut[i].Words)
		if len(ws) > directory.EmbeddedWords {
			more++
			cut[i].Words = strings.Join(ws[:directory.EmbeddedWords], " ")
		}
	}
	if !reflect.DeepEqual(directory.Seed.Manual, cut) {
		t.Errorf("Seed.Manual differs from the reader's pages with their first %d words", directory.EmbeddedWords)
	}
	if more == 0 {
		t.Errorf("no page has more than %d words: the words file adds nothing", directory.EmbeddedWords)
	}
	if len(directory.Seed.Repos) == 0 || len(directory.Seed.Manual) == 0 {
		t.Errorf("%d repos, %d pages embedded", len(directory.Seed.Repos), len(directory.Seed.Manual))
	}
}
