package ui

import (
	"strconv"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Answer is the slot (slot.go) of the answer to a query, as app/view draws
// it (view.Answer): the card of the selected team and the listbox of every
// team that matches. It hands a click on an option and on the card's Copy
// button to the page.
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
	// OnCopy is called when the card's Copy button is pressed.
	OnCopy func(ctx app.Context)
}

// HTML is the answer's HTML: the slot's children.
func (a *Answer) HTML() string {
	return view.Answer(a.Dir, a.Query, a.Results, a.Active, a.Copied).HTML()
}

// Render draws the slot, with the answer in it on the server.
func (a *Answer) Render() app.UI {
	html := ""
	if !app.IsClient {
		html = a.HTML()
	}
	return slot(view.AnswerSlotID, "answer-slot", html).OnMouseDown(a.onMouseDown).OnClick(a.onClick)
}

// onMouseDown keeps the focus in the search box when an option is
// clicked, or the keys would stop working: the page's body would have it.
func (a *Answer) onMouseDown(ctx app.Context, e app.Event) {
	if closest(e, view.OptionSelector).Truthy() {
		e.PreventDefault()
	}
}

// onClick selects a clicked option, or copies the channel the card shows.
// What is clicked is read from the event's target when it comes: the slot's
// children are drawn without go-app, and have no handlers of their own.
func (a *Answer) onClick(ctx app.Context, e app.Event) {
	if o := closest(e, view.OptionSelector); o.Truthy() {
		if i, err := strconv.Atoi(strings.TrimPrefix(o.Get("id").String(), view.OptionID)); err == nil && a.OnSelect != nil {
			a.OnSelect(ctx, i)
		}
		return
	}
	if closest(e, view.CopySelector).Truthy() && a.OnCopy != nil {
		a.OnCopy(ctx)
	}
}

// closest is the event target's nearest ancestor (itself included) that
// matches selector, or null.
func closest(e app.Event, selector string) app.Value {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return app.Null()
	}
	return t.Call("closest", selector)
}
