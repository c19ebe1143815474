package ui

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
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
		doc := render(t, highlight(tt.text, tt.ranges))
		for _, m := range byTag(doc, "mark") {
			m.FirstChild.Data = "[" + m.FirstChild.Data + "]"
		}
		got := text(byTag(doc, "span")[0])
		if got != tt.want {
			t.Errorf("highlight(%q, %v) = %q, want %q", tt.text, tt.ranges, got, tt.want)
		}
	}
}

// TestBestText: the reason shown is a matched responsibility or summary,
// else the contact's first responsibility, else nothing.
func TestBestText(t *testing.T) {
	c := &directory.Contact{Name: "Platform", Responsibilities: []string{"first duty", "databases"}}
	tests := []struct {
		name    string
		matches []search.Match
		contact *directory.Contact
		want    string
		wantOK  bool
	}{
		{"matched responsibility", []search.Match{{Field: search.FieldName, Text: "Platform"}, {Field: search.FieldResponsibility, Text: "databases"}}, c, "databases", true},
		{"matched summary", []search.Match{{Field: search.FieldSummary, Text: "about us"}}, c, "about us", true},
		{"name only", []search.Match{{Field: search.FieldName, Text: "Platform"}}, c, "first duty", true},
		{"nothing to say", nil, &directory.Contact{Name: "X"}, "", false},
	}
	for _, tt := range tests {
		m, ok := bestText(search.Result{Contact: tt.contact, Matches: tt.matches})
		if m.Text != tt.want || ok != tt.wantOK {
			t.Errorf("%s: bestText = %q, %v; want %q, %v", tt.name, m.Text, ok, tt.want, tt.wantOK)
		}
	}
}
