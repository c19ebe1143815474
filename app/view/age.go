package view

import (
	"strconv"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
)

// StaleAfterDays is how old the data may be before the page says so: the
// docs change every week, and the live Ask for help page is the source of
// truth.
const StaleAfterDays = 30

// DataAge says which version of the developer docs the data was read from
// ("Team data from the developer docs of 21 August 2026"), and, when that
// is more than StaleAfterDays before now, that teams may have changed
// since, with a link to the live Ask for help page. nil when the data does
// not say its date (it came from a lone page).
func DataAge(d *directory.Directory, now time.Time) *Node {
	date, err := time.Parse(time.DateOnly, d.Source.Date)
	if err != nil {
		return nil
	}
	says := "Team data from the developer docs of " + date.Format("2 January 2006")
	days := int(now.Sub(date).Hours() / 24)
	if days <= StaleAfterDays {
		return El("p", "id", "data-age", "class", "data-age govuk-body-s").Say(says + ".")
	}
	return El("p", "id", "data-age", "class", "data-age data-age--stale govuk-body-s").Add(
		El("strong").Say(says+", "+strconv.Itoa(days)+" days ago: teams may have changed since."),
		Text(" Check the live "),
		El("a", "class", "govuk-link", "href", d.PageURL).Say(d.Title+" page"),
		Text("."),
	)
}
