package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// LiveRegion is the polite status region a screen reader reads out when
// its text changes: how many teams match, or what was copied. It is always
// on the page, so that a change to it is announced, never a new region.
type LiveRegion struct {
	app.Compo

	// Text is what the region says.
	Text string
}

// Render draws the region, visible to screen readers only.
func (l *LiveRegion) Render() app.UI {
	return app.Div().ID(statusID).Class("govuk-visually-hidden").Role("status").
		Aria("live", "polite").Aria("atomic", "true").Text(l.Text)
}
