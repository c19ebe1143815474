package view

import (
	"testing"

	"github.com/alphagov/askforhelp/app/search"
)

// TestHowRanked: the card says which ranking rule lifted a result, and
// nothing when none did.
func TestHowRanked(t *testing.T) {
	for _, tc := range []struct {
		name string
		why  search.Why
		want string
	}{
		{"no rule", search.Why{Terms: []search.TermScore{{Term: "whitehall"}}}, ""},
		{"one word in an item", search.Why{Item: &search.ItemScore{Field: search.FieldPage, Terms: 1, Of: 2}}, ""},
		{"a page holds all", search.Why{Item: &search.ItemScore{Field: search.FieldText, Terms: 3, Of: 3}},
			"One manual page holds all 3 words you typed, which counts more than words found in different places."},
		{"a repo holds some", search.Why{Item: &search.ItemScore{Field: search.FieldRepoDescription, Terms: 2, Of: 4}},
			"One repo holds 2 of the 4 words you typed, which counts more than words found in different places."},
		{"a responsibility holds both", search.Why{Item: &search.ItemScore{Field: search.FieldResponsibility, Terms: 2, Of: 2}},
			"One thing the Ask for help page says the team does holds both words you typed, which counts more than words found in different places."},
		{"synonyms", search.Why{Terms: []search.TermScore{{Term: "terraform", Synonym: true}, {Term: "cloud"}, {Term: "tls", Synonym: true}}},
			"Found “terraform”, “tls” through a related word only, which counts for less than the word itself."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := HowRanked(search.Result{Why: tc.why}); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
