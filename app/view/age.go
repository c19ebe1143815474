package view

import (
	"strconv"

	"github.com/alphagov/askforhelp/app/directory"
)

// StaleAfterDays is how old the data may be before the page says so: the
// docs change every week, and the live Ask for help page is the source of
// truth.
const StaleAfterDays = 30

// DataAge says which version of the developer docs the data was read from
// ("Team data from the developer docs of 21 August 2026"), given as date,
// and, when days (its age) is more than StaleAfterDays, that teams may
// have changed since, with a link to the live Ask for help page. nil when
// date is "" (the data does not say its date: it came from a lone page).
// The caller works out date and days (app/ui/data_age.go): this package
// does not link the time package, whose initialisation costs the small
// answerer 32 kB of brotli.
func DataAge(d *directory.Directory, date string, days int) *Node {
	if date == "" {
		return nil
	}
	says := "Team data from the developer docs of " + date
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
