package ui

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestEscalation: the steps in the page's order, a channel linked (in a new
// tab), a handle linked to its section with its email, plain text as text.
func TestEscalation(t *testing.T) {
	d := &directory.Directory{
		PageURL: "https://docs.example/ask.html",
		Escalation: []directory.Step{
			{Text: "Your tech lead"},
			{Text: "#govuk-tech-leads", Channel: "#govuk-tech-leads", URL: "https://gds.slack.com/channels/govuk-tech-leads"},
			{Text: "The senior tech team", Contact: "senior"},
		},
		Contacts: []directory.Contact{{ID: "senior", Name: "Senior tech", Channel: "@seniors", Email: "seniors@example.gov.uk", Section: "senior"}},
	}
	doc := render(t, &Escalation{Dir: d})
	aside := byID(t, doc, "escalation")
	if got := text(byID(t, aside, attr(aside, "aria-labelledby"))); got != "Still stuck? Ask in this order" {
		t.Errorf("labelled %q", got)
	}
	steps := byTag(aside, "li")
	want := []struct{ text, href, target string }{
		{"Your tech lead", "", ""},
		{"#govuk-tech-leads", "https://gds.slack.com/channels/govuk-tech-leads", "_blank"},
		{"The senior tech team: @seniors on Slack, or email seniors@example.gov.uk", "https://docs.example/ask.html#senior", ""},
	}
	if len(steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(steps), len(want))
	}
	for i, w := range want {
		if got := text(steps[i]); got != w.text {
			t.Errorf("step %d says %q, want %q", i+1, got, w.text)
		}
		links := byTag(steps[i], "a")
		if w.href == "" {
			if len(links) != 0 {
				t.Errorf("step %d has a link", i+1)
			}
			continue
		}
		if len(links) == 0 || attr(links[0], "href") != w.href || attr(links[0], "target") != w.target ||
			(w.target == "_blank") != (attr(links[0], "aria-describedby") == newTabID) {
			t.Errorf("step %d: links %v, want %s (target %q)", i+1, links, w.href, w.target)
		}
	}
}
