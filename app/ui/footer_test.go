package ui

import (
	"slices"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestFooter: the footer names and links the manual page and its owner,
// and the version of the docs the data comes from, when known.
func TestFooter(t *testing.T) {
	page := &directory.Directory{Title: "Ask for help", Owner: "#govuk-developers", PageURL: "https://docs.example/ask.html"}
	docs := *page
	docs.Source = directory.Source{Commit: "c51f946f2", Date: "2024-04-26"}
	tests := []struct {
		name  string
		dir   *directory.Directory
		want  string
		links []string
	}{
		{"a lone page", page, "From the GOV.UK developer manual page Ask for help. Page owner: #govuk-developers.", []string{page.PageURL}},
		{"a docs checkout", &docs, "From the GOV.UK developer manual page Ask for help. Page owner: #govuk-developers." +
			"Teams, repos and manual pages as of govuk-developer-docs c51f946f2 (2024-04-26).",
			[]string{page.PageURL, directory.DocsRepoURL + "/commit/c51f946f2"}},
	}
	for _, tt := range tests {
		footer := byTag(render(t, &Footer{Dir: tt.dir}), "footer")[0]
		if got := text(footer); got != tt.want {
			t.Errorf("%s: footer says %q, want %q", tt.name, got, tt.want)
		}
		var links []string
		for _, a := range byTag(footer, "a") {
			links = append(links, attr(a, "href"))
		}
		if !slices.Equal(links, tt.links) {
			t.Errorf("%s: footer links %v, want %v", tt.name, links, tt.links)
		}
	}
}
