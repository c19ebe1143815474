package ui

import (
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// DataAge says which docs the data comes from and, when they are more
// than view.StaleAfterDays old, that the live page is the one to trust.
type DataAge struct {
	app.Compo

	// Dir is the directory whose age is shown.
	Dir *directory.Directory
}

// Render draws view.DataAge for now; nothing when the data has no date.
// In the browser, now is the browser's clock (Go's time.Now reads
// JavaScript's Date), so an installed or offline copy says when its data
// has grown old.
func (a *DataAge) Render() app.UI {
	n := view.DataAge(a.Dir, time.Now())
	if n == nil {
		return app.Div().Class("data-age-slot")
	}
	return app.Div().Class("data-age-slot").Body(toUI(n, nil))
}
