package ui

import (
	"strconv"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Answer is the answer to a query, as app/view draws it (view.Answer): the
// card of the selected team and the listbox of every team that matches,
// with the handlers of a click on an option and on the card's Copy button.
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
	return toUI(view.Answer(a.Dir, a.Query, a.Results, a.Active, a.Copied), a.attach)
}

// attach gives an option and the Copy button their handlers.
//
// The handlers read the component's fields, and the option's index from
// its ID, when the event comes, never values captured when they were
// rendered: when a render brings an element a handler made by the same
// code, go-app keeps the first one (eventHandler.Equal in go-app v10's
// event.go compares handlers by code pointer), so a captured channel would
// be the first one the card showed. TestCopyCopiesShownChannel (a browser
// test) fails when this breaks.
func (a *Answer) attach(act view.Action, e app.HTMLElem) app.HTMLElem {
	switch act {
	case view.Select:
		// The option takes no focus from the search box, or the keys
		// would stop working: the page's body would have the focus.
		return e.OnMouseDown(preventDefault).OnClick(a.onSelect)
	case view.Copy:
		return e.OnClick(a.onCopy)
	}
	return e
}

func preventDefault(ctx app.Context, e app.Event) { e.PreventDefault() }

func (a *Answer) onSelect(ctx app.Context, e app.Event) {
	i, err := strconv.Atoi(strings.TrimPrefix(ctx.JSSrc().Get("id").String(), view.OptionID))
	if err == nil && i >= 0 && i < len(a.Results) {
		a.OnSelect(ctx, i)
	}
}

// onCopy copies the channel the card shows.
func (a *Answer) onCopy(ctx app.Context, e app.Event) {
	if len(a.Results) > 0 {
		a.OnCopy(ctx, a.Results[max(a.Active, 0)].Contact.Channel)
	}
}
