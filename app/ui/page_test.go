package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"golang.org/x/net/html"
)

// TestPage: the page puts the parts together: with nothing typed, every
// team to browse; with a query, the answer and its count in the live
// region; the escalation order always; the embed view without the header,
// footer and browsing.
func TestPage(t *testing.T) {
	Register(nil)
	tests := []struct {
		name        string
		embed       bool
		query       string
		wantBrowse  bool
		wantHeader  bool
		wantStatus  string
		wantOptions int
	}{
		{"home", false, "", true, true, "", 0},
		{"home, answered", false, asked, false, true, askedStatus, askedN},
		{"home, no match", false, "zzqx", false, true, "No teams match zzqx", 0},
		{"embed", true, "", false, false, "", 0},
		{"embed, answered", true, asked, false, false, askedStatus, askedN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Page{Embed: tt.embed}
			p.run(tt.query)
			p.status = p.summary()
			doc := render(t, p)
			if got := len(byClass(doc, "browse")) == 1; got != tt.wantBrowse {
				t.Errorf("browse shown: %v, want %v", got, tt.wantBrowse)
			}
			for _, part := range []string{"govuk-header", "govuk-footer", "govuk-skip-link"} {
				if got := len(byClass(doc, part)) == 1; got != tt.wantHeader {
					t.Errorf("%s shown: %v, want %v", part, got, tt.wantHeader)
				}
			}
			if got := text(byID(t, doc, statusID)); got != tt.wantStatus {
				t.Errorf("the live region says %q, want %q", got, tt.wantStatus)
			}
			opts := all(byID(t, doc, listboxID), func(e *html.Node) bool { return attr(e, "role") == "option" })
			if len(opts) != tt.wantOptions {
				t.Errorf("%d options, want %d", len(opts), tt.wantOptions)
			}
			byID(t, doc, "escalation")
			if got := text(byID(t, doc, newTabID)); got != "(opens in new tab)" || !hasAttr(byID(t, doc, newTabID), "hidden") {
				t.Errorf("the note links in a new tab are described by says %q", got)
			}
			byID(t, doc, inputID)
			byID(t, doc, "main")
			if tt.query == asked && !strings.Contains(text(opts[0]), askedTop) {
				t.Errorf("the first option for %s is %q, want %s", asked, text(opts[0]), askedTop)
			}
		})
	}
}

// TestSummary: what the live region says once typing pauses: how many
// teams match, and where Enter goes with nothing highlighted.
func TestSummary(t *testing.T) {
	first := search.Result{Contact: &directory.Contact{Name: "Second line", Channel: "#govuk-2ndline-tech"}}
	other := search.Result{Contact: &directory.Contact{Name: "Security", Email: "sec@example.gov.uk"}}
	tests := []struct {
		query   string
		results []search.Result
		want    string
	}{
		{"", nil, ""},
		{"   ", nil, ""},
		{"zzqx", nil, "No teams match zzqx"},
		{"incident ", []search.Result{first}, "1 team matches incident. Enter opens #govuk-2ndline-tech."},
		{"deploy", []search.Result{first, other}, "2 teams match deploy. Enter opens #govuk-2ndline-tech."},
		{"security", []search.Result{other, first}, "2 teams match security. Enter opens sec@example.gov.uk."},
	}
	for _, tt := range tests {
		p := &Page{query: tt.query, results: tt.results}
		if got := p.summary(); got != tt.want {
			t.Errorf("summary for %q = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// What TestPage asks, taken from the data whatever docs it was made from:
// the channel of the page's first team, typed as a word, answered first by
// that team, with as many options as the engine finds.
var asked, askedTop, askedStatus, askedN = func() (q, top, status string, n int) {
	for _, c := range directory.Seed.Contacts {
		if c.Kind == directory.Team && strings.HasPrefix(c.Channel, "#") {
			q, top = c.Channel[1:], c.Channel
			break
		}
	}
	n = len(search.New(directory.Seed).Search(q, maxResults))
	count := strconv.Itoa(n) + " teams match "
	if n == 1 {
		count = "1 team matches "
	}
	return q, top, count + q + ". Enter opens " + top + ".", n
}()
