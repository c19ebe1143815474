package ui

import (
	"html"

	xhtml "golang.org/x/net/html"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestBrowse: every team of the seed data, under a heading of its own,
// with where to ask and what it looks after; what it owns collapsed, one
// line per kind, every repo and page it maintains listed once.
func TestBrowse(t *testing.T) {
	d := directory.Seed
	entries := d.Entries()
	doc := render(t, &Browse{Dir: d, Entries: entries})
	repos, pages := 0, 0
	for _, e := range entries {
		c := e.Contact
		sec := byID(t, doc, "contact-"+c.ID)
		if got := text(byTag(sec, "h3")[0]); got != c.Name {
			t.Errorf("contact %s is headed %q", c.ID, got)
		}
		say := text(sec)
		for _, want := range append([]string{c.Channel}, c.Responsibilities...) {
			if !strings.Contains(say, strings.Join(strings.Fields(html.UnescapeString(want)), " ")) {
				t.Errorf("contact %s lacks %q", c.ID, want)
			}
		}
		details := byTag(sec, "details")
		if len(details) > 2 {
			t.Errorf("contact %s has %d collapsed lists, want at most 2", c.ID, len(details))
		}
		for _, dt := range details {
			if attr(dt, "open") != "" {
				t.Errorf("contact %s: %q is open", c.ID, text(dt))
			}
		}
		for _, r := range e.Repos {
			repos++
			if !strings.Contains(say, d.Repos[r].Name) {
				t.Errorf("contact %s lacks its repo %s", c.ID, d.Repos[r].Name)
			}
		}
		for _, p := range e.Pages {
			if strings.HasPrefix(d.Manual[p].Owner, "#") {
				pages++
			}
		}
	}
	if owned := countOwned(d); repos != owned[0] || pages != owned[1] {
		t.Errorf("browse lists %d repos and %d pages, want %d and %d", repos, pages, owned[0], owned[1])
	}
	if n := len(all(doc, func(e *xhtml.Node) bool { return e.Data == "li" })); n > 60 {
		t.Errorf("%d list items: browsing should not be hundreds of flat rows", n)
	}
}

// countOwned is how many repos have a team and how many pages a channel
// as owner.
func countOwned(d *directory.Directory) [2]int {
	var n [2]int
	for _, r := range d.Repos {
		if strings.HasPrefix(r.Team, "#") {
			n[0]++
		}
	}
	for _, p := range d.Manual {
		if strings.HasPrefix(p.Owner, "#") {
			n[1]++
		}
	}
	return n
}
