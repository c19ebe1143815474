package ui

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Escalation is the order in which to ask when the answer does not help,
// always on the page (view.Escalation). Render it only when Dir has an
// escalation order.
type Escalation struct {
	app.Compo

	// Dir is the directory whose escalation order is shown.
	Dir *directory.Directory
}

// Render draws the escalation order.
func (s *Escalation) Render() app.UI { return toUI(view.Escalation(s.Dir), nil) }
