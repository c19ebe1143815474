package search

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestReasons checks each kind of match said as a reason, with its
// highlight on the words that matched and its links.
func TestReasons(t *testing.T) {
	d := &directory.Directory{
		Contacts: []directory.Contact{{ID: "devs", Name: "Developers", Kind: directory.Community, Channel: "#devs",
			Responsibilities: []string{"helps with kibana"}}},
		Repos: []directory.Repo{
			{Name: "whitehall", Type: "Publishing apps", Team: "#pub", Description: "Publishes guidance", URL: directory.RepoDocsURL + "whitehall.html"},
			{Name: "licensify", Apps: []string{"licensify-admin"}, Type: "APIs", Team: "#lic", URL: directory.RepoDocsURL + "licensify.html"},
		},
		Manual: []directory.ManualPage{
			{Title: "Query Kibana", URL: directory.ManualURL + "kibana.html", Owner: "#ops", Headings: []string{"Useful queries"}},
			{Title: "Write a report", URL: directory.ManualURL + "report.html", Owner: "@someone"},
		},
	}
	e := NewWithVocabulary(d, nil)
	tests := []struct {
		query, channel string
		text           string
		marked         string // the highlighted text
		links          int
	}{
		{"whitehall", "#pub", "owns whitehall, a Publishing app", "whitehall", 2},
		{"guidance", "#pub", "owns whitehall, a Publishing app: Publishes guidance", "guidance", 2},
		{"licensify admin", "#lic", "owns licensify (the app licensify-admin), an API", "licensify-admin", 2},
		{"query kibana", "#ops", "maintains the manual page Query Kibana", "Query Kibana", 1},
		{"useful", "#ops", "maintains the manual page Query Kibana, on “Useful queries”", "Useful", 1},
		{"report", "#devs", "can help with the manual page Write a report (a person maintains it, not a team)", "report", 1},
		{"helps", "#devs", "helps with kibana", "helps", 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var found bool
			for _, r := range e.Search(tt.query, 0) {
				if r.Contact.Channel != tt.channel {
					continue
				}
				found = true
				rs := r.Reasons(d)
				if len(rs) == 0 {
					t.Fatalf("no reasons")
				}
				got := rs[0]
				if got.Text != tt.text || len(got.Links) != tt.links {
					t.Errorf("reason %q with %d links, want %q with %d", got.Text, len(got.Links), tt.text, tt.links)
				}
				if len(got.Ranges) == 0 {
					t.Fatalf("no highlight in %q", got.Text)
				}
				rn := []rune(got.Text)
				if m := string(rn[got.Ranges[0][0]:got.Ranges[len(got.Ranges)-1][1]]); m != tt.marked {
					t.Errorf("highlighted %q, want %q", m, tt.marked)
				}
			}
			if !found {
				t.Fatalf("%s not found", tt.channel)
			}
		})
	}
}
