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
	// Active is true while the option is highlighted.
	Active bool
	// OnSelect is called with Index when the option is clicked.
	OnSelect func(ctx app.Context, i int)
}

// Render draws the option.
func (o *Option) Render() app.UI {
	c := o.Result.Contact
	ask := c.Channel
	if ask == "" {
		ask = c.Email
	}
	if ask == "" {
		ask = c.Name
	}
	var why app.UI
	if rs := reasons(o.Dir, o.Result); len(rs) > 0 {
		why = app.Elem("span").Class("option__why").Body(highlight(rs[0].Text, rs[0].Ranges))
	}
	return app.Elem("li").ID(optionID+strconv.Itoa(o.Index)).Role("option").
		Class(optionClass(o.Active)).
		Aria("selected", strconv.FormatBool(o.Active)).
		OnClick(func(ctx app.Context, e app.Event) { o.OnSelect(ctx, o.Index) }).
		Body(
			app.Elem("span").Class("option__channel").Text(ask),
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
