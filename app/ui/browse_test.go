package ui

import (
	"html"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestBrowse: every contact of the seed data, under a heading of its own,
// with where to ask and what it looks after.
func TestBrowse(t *testing.T) {
	doc := render(t, &Browse{Dir: directory.Seed})
	for _, c := range directory.Seed.Contacts {
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
	}
}
