package ui

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestFooter: the footer names and links the manual page, and its owner.
func TestFooter(t *testing.T) {
	d := &directory.Directory{Title: "Ask for help", Owner: "#govuk-developers", PageURL: "https://docs.example/ask.html"}
	doc := render(t, &Footer{Dir: d})
	footer := byTag(doc, "footer")[0]
	if got, want := text(footer), "From the GOV.UK developer manual page Ask for help. Page owner: #govuk-developers."; got != want {
		t.Errorf("footer says %q, want %q", got, want)
	}
	if a := byTag(footer, "a"); len(a) != 1 || attr(a[0], "href") != d.PageURL {
		t.Errorf("footer links %v, want %s", a, d.PageURL)
	}
}
