package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SearchBox is the search form: a label, a hint, the combobox the user
// types in, and a Search button that asks the server (?q=) when the app is
// not running. It holds no state of its own: Page passes it the query and
// the active option and handles its events.
type SearchBox struct {
	app.Compo

	// Query is the text in the box.
	Query string
	// Expanded is true while the listbox shows options.
	Expanded bool
	// Active is the index of the highlighted option; -1 for none.
	Active int
	// OnInput handles the box's input and change events (voice control
	// software may fire either, or none: see OnFocus).
	OnInput app.EventHandler
	// OnKeyDown handles the keys.
	OnKeyDown app.EventHandler
	// OnFocus and OnBlur handle the box's focus: while it has it, Page
	// watches for a value set without any event.
	OnFocus, OnBlur app.EventHandler
}

// usage says how to use the combobox: a screen reader reads it with the
// box's label and hint, as GOV.UK's accessible-autocomplete does.
const usage = "When teams are listed, Enter opens the first one's Slack channel in a new tab; " +
	"use the up and down arrow keys to choose another first. Escape clears the search."

// Render draws the form.
func (b *SearchBox) Render() app.UI {
	input := app.ElemSelfClosing("input").
		ID(inputID).Attr("name", "q").Attr("type", "text").Class("govuk-input").
		Attr("value", attrValue(b.Query)).
		Role("combobox").
		Attr("autocomplete", "off").
		Spellcheck(false).
		Attr("autocapitalize", "none").
		Aria("autocomplete", "list").
		Aria("controls", listboxID).
		Aria("expanded", strconv.FormatBool(b.Expanded)).
		Aria("describedby", inputID+"-hint "+inputID+"-usage").
		OnInput(b.OnInput).
		OnChange(b.OnInput).
		OnKeyDown(b.OnKeyDown).
		OnFocus(b.OnFocus).
		OnBlur(b.OnBlur)
	if b.Active >= 0 {
		input = input.Aria("activedescendant", optionID+strconv.Itoa(b.Active))
	}
	// No action: the form asks the page it is on, wherever the site is served.
	return app.Elem("form").Class("search").Role("search").Attr("method", "get").Body(
		app.Elem("label").Class("govuk-label govuk-label--m").Attr("for", inputID).Text("What do you need help with?"),
		app.Div().ID(inputID+"-hint").Class("govuk-hint").Text("For example: database migration, base images"),
		app.Elem("span").ID(inputID+"-usage").Class("govuk-visually-hidden").Text(usage),
		app.Div().Class("search__row").Body(
			input,
			app.Elem("button").Attr("type", "submit").Class("govuk-button search__button").Text("Search"),
		),
	)
}
