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
	date, days := dataAge(a.Dir, time.Now())
	// toUI(nil) is nil, which go-app's Body leaves out: an empty slot.
	return app.Div().Class("data-age-slot").Body(toUI(view.DataAge(a.Dir, date, days), nil))
}

// dataAge is the date of d's docs as the page says it ("21 August 2026")
// and how many days before now that was; "" when d does not say.
func dataAge(d *directory.Directory, now time.Time) (date string, days int) {
	t, err := time.Parse(time.DateOnly, d.Source.Date)
	if err != nil {
		return "", 0
	}
	return t.Format("2 January 2006"), int(now.Sub(t).Hours() / 24)
}
