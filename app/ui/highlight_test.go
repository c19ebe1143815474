package ui

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/view"
)

// TestHighlight: matched rune ranges are marked; ranges that overlap, are
// empty or run past the text are skipped; the text stays text.
func TestHighlight(t *testing.T) {
	tests := []struct {
		text   string
		ranges [][2]int
		want   string // the text with marks in [brackets]
	}{
		{"database migration", [][2]int{{9, 18}}, "database [migration]"},
		{"migrating", [][2]int{{0, 7}}, "[migrati]ng"},
		{"café, crème", [][2]int{{0, 4}, {6, 11}}, "[café], [crème]"},
		{"overlap", [][2]int{{0, 3}, {2, 5}}, "[ove]rlap"},
		{"bad ranges", [][2]int{{3, 3}, {5, 99}, {-1, 2}}, "bad ranges"},
		{"<b>bold</b>", [][2]int{{3, 7}}, "<b>[bold]</b>"},
	}
	for _, tt := range tests {
		doc := render(t, toUI(view.Highlight(tt.text, tt.ranges), nil))
		for _, m := range byTag(doc, "mark") {
			m.FirstChild.Data = "[" + m.FirstChild.Data + "]"
		}
		got := text(byTag(doc, "span")[0])
		if got != tt.want {
			t.Errorf("highlight(%q, %v) = %q, want %q", tt.text, tt.ranges, got, tt.want)
		}
	}
}

// TestReasonsShown: the reasons shown are what matched, said as reasons;
// else the contact's first responsibility; else what the team owns; else
// nothing.
func TestReasonsShown(t *testing.T) {
	d := &directory.Directory{Repos: []directory.Repo{{Name: "router", Type: "APIs"}}}
	c := &directory.Contact{Name: "Platform", Responsibilities: []string{"first duty", "databases"}}
	tests := []struct {
		name    string
		matches []search.Match
		contact *directory.Contact
		entry   *directory.Entry
		want    string
	}{
		{"matched responsibility", []search.Match{{Field: search.FieldName, Text: "Platform"}, {Field: search.FieldResponsibility, Text: "databases"}}, c, nil, "databases"},
		{"matched summary", []search.Match{{Field: search.FieldSummary, Text: "about us"}}, c, nil, "about us"},
		{"matched repo", []search.Match{{Field: search.FieldRepo, Text: "router"}}, c, nil, "owns router, an API"},
		{"name only", []search.Match{{Field: search.FieldName, Text: "Platform"}}, c, nil, "first duty"},
		{"channel of a team that owns repos", []search.Match{{Field: search.FieldChannel, Text: "#pe"}}, &directory.Contact{Channel: "#pe"}, &directory.Entry{Repos: []int{0}}, "owns router, an API"},
		{"nothing to say", nil, &directory.Contact{Name: "X"}, nil, ""},
	}
	for _, tt := range tests {
		got := ""
		if rs := view.Reasons(d, search.Result{Contact: tt.contact, Entry: tt.entry, Matches: tt.matches}); len(rs) > 0 {
			got = rs[0].Text
		}
		if got != tt.want {
			t.Errorf("%s: first reason %q, want %q", tt.name, got, tt.want)
		}
	}
}
