package view

import (
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
)

// Escalation is the order in which to ask when the answer does not help,
// always on the page; nil when d has no escalation order.
func Escalation(d *directory.Directory) *Node {
	if len(d.Escalation) == 0 {
		return nil
	}
	steps := El("ol", "class", "escalation__steps")
	for _, s := range d.Escalation {
		steps.Add(El("li").Add(El("span", "data-inline", "true").Add(step(d, s)...)))
	}
	return El("aside", "id", "escalation", "class", "escalation", "aria-labelledby", "escalation-title").Add(
		El("h2", "id", "escalation-title", "class", "govuk-heading-s").Say("Still stuck? Ask in this order"),
		steps,
	)
}

// step is one step: a handle (with its email), a linked channel, or plain
// text ("your tech lead").
func step(d *directory.Directory, s directory.Step) []*Node {
	c := d.Contact(s.Contact)
	switch {
	case c != nil && strings.HasPrefix(c.Channel, "@"):
		ui := []*Node{Text(s.Text + ": "), El("a", "class", "govuk-link", "href", d.SectionURL(c)).Say(c.Channel), Text(" on Slack")}
		if c.Email != "" {
			ui = append(ui, Text(", or email "), emailLink(c))
		}
		return ui
	case s.Channel != "" && s.URL != "":
		return []*Node{newTabLink("", s.URL, s.Text)}
	}
	return []*Node{Text(s.Text)}
}
