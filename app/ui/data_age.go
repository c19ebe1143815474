package ui

import (
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// clock is the time the data's age is measured against: in the browser,
// the browser's clock (Go's time.Now reads JavaScript's Date), so an
// installed or offline copy says when its data has grown old.
var clock = time.Now

// DataAge says which docs the data comes from and, when they are more
// than view.StaleAfterDays old, that the live page is the one to trust.
type DataAge struct {
	app.Compo

	// Dir is the directory whose age is shown.
	Dir *directory.Directory
}

// Render draws view.DataAge for now; nothing when the data has no date.
func (a *DataAge) Render() app.UI {
	n := view.DataAge(a.Dir, clock())
	if n == nil {
		return app.Div().Class("data-age-slot")
	}
	return app.Div().Class("data-age-slot").Body(toUI(n, nil))
}
