package ui

import (
	"strconv"

	"github.com/alphagov/askforhelp/app/directory"

	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Option is one team in the listbox: where to ask, the team's name, and
// the text that matched.
type Option struct {
	app.Compo

	// Dir is the directory the result comes from.
	Dir *directory.Directory
	// Result is the match this option shows.
	Result search.Result
	// Index is the option's position in the listbox, from 0.
	Index int
	// SetSize is how many options the listbox has.
	SetSize int
	// Active is true while the option is highlighted.
	Active bool
	// OnSelect is called with Index when the option is clicked. A click
	// leaves the focus in the search box (see Render).
	OnSelect func(ctx app.Context, i int)
}

// Render draws the option.
func (o *Option) Render() app.UI {
	c := o.Result.Contact
	var why app.UI
	if rs := reasons(o.Dir, o.Result); len(rs) > 0 {
		why = app.Elem("span").Class("option__why").Body(highlight(rs[0].Text, rs[0].Ranges))
	}
	return app.Elem("li").ID(optionID+strconv.Itoa(o.Index)).Role("option").
		Class(optionClass(o.Active)).
		Aria("selected", strconv.FormatBool(o.Active)).
		Aria("posinset", o.Index+1).
		Aria("setsize", o.SetSize).
		// The option takes no focus from the search box, or the keys
		// would stop working: the page's body would have the focus.
		OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		// o.Index is read on the click, not captured: see Card.onCopy.
		OnClick(func(ctx app.Context, e app.Event) { o.OnSelect(ctx, o.Index) }).
		Body(
			app.Elem("span").Class("option__channel").Text(askLabel(c)),
			app.Elem("span").Class("option__team").Text(c.Name),
			why,
		)
}

func optionClass(active bool) string {
	if active {
		return "option option--active"
	}
	return "option"
}
