package directory_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/manual"
	"github.com/alphagov/askforhelp/internal/testenv"
)

// TestOwnersOnSnapshots checks which owner channels join a contact of the
// Ask for help page (directory.Entry.Owners) on every docs snapshot in
// ../shared/docs, with its own page and with every version of the page in
// ../shared/pages: a wrong merge would send people to another team. The
// expected merges below were checked by hand against each version; any
// other combination must merge nothing.
func TestOwnersOnSnapshots(t *testing.T) {
	snaps, _ := filepath.Glob(testenv.Shared(t, "docs") + "/[0-9]*-*")
	pages, _ := filepath.Glob(testenv.Shared(t, "pages") + "/*.md")
	if len(snaps) == 0 || len(pages) == 0 {
		t.Fatalf("no docs snapshots (%d) or page versions (%d) in ../shared", len(snaps), len(pages))
	}
	pe := "GOV.UK Platform Engineering team"
	want := map[string]string{ // "snapshot page" -> "contact's channel (name): owners"
		"2026-08-21-972d1b441 ":                             "#govuk-ask-platform-engineering (" + pe + "): #govuk-platform-engineering #govuk-platform-engineering-team",
		"2026-08-21-972d1b441 ask-for-help-2026-01.html.md": "#govuk-ask-platform-engineering (" + pe + "): #govuk-platform-engineering #govuk-platform-engineering-team",
		"2026-08-21-972d1b441 ask-for-help.html.md":         "#govuk-platform-engineering (" + pe + "): #govuk-ask-platform-engineering #govuk-platform-engineering-team",
		"2024-04-26-c51f946f2 ask-for-help-2026-01.html.md": "#govuk-ask-platform-engineering (" + pe + "): #govuk-platform-engineering",
	}
	for _, snap := range snaps {
		docs, err := manual.ReadDocs(snap)
		if err != nil {
			t.Fatal(err)
		}
		for _, page := range append([]string{""}, pages...) {
			d := *docs.Dir
			if page != "" {
				p, err := manual.ReadFile(page)
				if err != nil {
					t.Fatal(err)
				}
				d.Contacts, d.Escalation = p.Contacts, p.Escalation
			}
			var got []string
			for _, e := range d.Entries() {
				if len(e.Owners) > 0 {
					got = append(got, fmt.Sprintf("%s (%s): %s", e.Contact.Channel, e.Contact.Name, strings.Join(e.Owners, " ")))
				}
				for _, o := range e.Owners {
					if slices.ContainsFunc(d.Contacts, func(c directory.Contact) bool { return c.Channel == o }) {
						t.Errorf("%s %s: %s is a contact's own channel, merged into %s", snap, page, o, e.Contact.Channel)
					}
				}
			}
			key := filepath.Base(snap) + " " + filepath.Base(page)
			if page == "" {
				key = filepath.Base(snap) + " "
			}
			if g := strings.Join(got, "; "); g != want[key] {
				t.Errorf("%s with page %q: merged %q, want %q", filepath.Base(snap), filepath.Base(page), g, want[key])
			}
		}
	}
}
