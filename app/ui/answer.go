package ui

import (
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Answer is the answer to a query: the card of the selected team (the
// first, recommended one, until an option is chosen) and the listbox of
// every team that matches; when nothing matches, a pointer to the
// escalation order. With nothing typed it is only the empty listbox, so
// that the search box's aria-controls always names an element.
type Answer struct {
	app.Compo

	// Dir is the directory the results come from.
	Dir *directory.Directory
	// Query is what was typed.
	Query string
	// Results are the matches, best first.
	Results []search.Result
	// Active is the index of the highlighted option; -1 for none.
	Active int
	// Copied is what the card says after its Copy button was pressed.
	Copied string
	// OnSelect is called with an option's index when it is clicked.
	OnSelect func(ctx app.Context, i int)
	// OnCopy is called with the text the card's Copy button copies.
	OnCopy func(ctx app.Context, text string)
}

// Render draws the answer.
func (a *Answer) Render() app.UI {
	q := strings.TrimSpace(a.Query)
	if q == "" {
		return emptyListbox()
	}
	if len(a.Results) == 0 {
		return app.Div().Class("answer answer--none").Body(
			emptyListbox(),
			app.Elem("h2").Class("govuk-heading-m").Text("No team matches “"+q+"”"),
			app.Elem("p").Class("govuk-body").Body(
				app.Text("Try other words, or "),
				app.Elem("a").Class("govuk-link").Attr("href", "#escalation").Text("ask in the escalation order below"),
				app.Text(", starting with your tech lead."),
			),
		)
	}
	sel := max(a.Active, 0)
	return app.Div().Class("answer").Body(
		&Card{Dir: a.Dir, Result: a.Results[sel], Index: sel, Copied: a.Copied, OnCopy: a.OnCopy},
		app.Elem("h2").Class("govuk-heading-s results__title").ID(listboxID+"-title").Text("Teams that match"),
		app.Elem("ul").ID(listboxID).Class("results").Role("listbox").Aria("labelledby", listboxID+"-title").Body(
			app.Range(a.Results).Slice(func(i int) app.UI {
				return &Option{Dir: a.Dir, Result: a.Results[i], Index: i, SetSize: len(a.Results), Active: i == a.Active, OnSelect: a.OnSelect}
			}),
		),
	)
}

// emptyListbox is the listbox with no options.
func emptyListbox() app.UI {
	return app.Elem("ul").ID(listboxID).Role("listbox").Aria("label", "Matching teams").Class("results results--empty")
}
