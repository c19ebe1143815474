package ui

import (
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Escalation is the order in which to ask when the answer does not help,
// always on the page. Render it only when Dir has an escalation order.
type Escalation struct {
	app.Compo

	// Dir is the directory whose escalation order is shown.
	Dir *directory.Directory
}

// Render draws the escalation order.
func (s *Escalation) Render() app.UI {
	d := s.Dir
	return app.Elem("aside").ID("escalation").Class("escalation").Aria("labelledby", "escalation-title").Body(
		app.Elem("h2").ID("escalation-title").Class("govuk-heading-s").Text("Still stuck? Ask in this order"),
		app.Elem("ol").Class("escalation__steps").Body(
			app.Range(d.Escalation).Slice(func(i int) app.UI {
				return app.Elem("li").Body(app.Elem("span").Attr("data-inline", true).Body(renderStep(d, d.Escalation[i])...))
			}),
		),
	)
}

// renderStep is one step: a handle (with its email), a linked channel, or
// plain text ("your tech lead").
func renderStep(d *directory.Directory, s directory.Step) []app.UI {
	c := d.Contact(s.Contact)
	switch {
	case c != nil && strings.HasPrefix(c.Channel, "@"):
		ui := []app.UI{app.Text(s.Text + ": "), app.Elem("a").Class("govuk-link").Attr("href", d.SectionURL(c)).Text(c.Channel), app.Text(" on Slack")}
		if c.Email != "" {
			ui = append(ui, app.Text(", or email "), emailLink(c))
		}
		return ui
	case s.Channel != "" && s.URL != "":
		return []app.UI{newTabLink("", s.URL, s.Text)}
	}
	return []app.UI{app.Text(s.Text)}
}
