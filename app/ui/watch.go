package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// watchEvery is how often the search box's value is checked while it has
// the focus.
const watchEvery = 200 * time.Millisecond

// onFocus starts watching the search box's value. Voice control software
// may set it without any event (so may other assistive software): like
// GOV.UK's accessible-autocomplete, the page then looks for itself.
func (p *Page) onFocus(ctx app.Context, e app.Event) {
	if p.unwatch != nil {
		return
	}
	in := box()
	seen := p.query // a value set before the focus came is answered too
	var check app.Func
	check = app.FuncOf(func(this app.Value, args []app.Value) any {
		// This runs outside go-app's loop: it reads only the box, and hands
		// a new value to the loop, where setQuery skips what an input event
		// already answered.
		if v := in.Get("value").String(); v != seen {
			seen = v
			ctx.Dispatch(func(ctx app.Context) { p.setQuery(ctx, v) })
		}
		return nil
	})
	id := app.Window().Call("setInterval", check, watchEvery.Milliseconds())
	p.unwatch = func() {
		app.Window().Call("clearInterval", id)
		check.Release()
	}
}

// onBlur stops watching the search box's value.
func (p *Page) onBlur(ctx app.Context, e app.Event) {
	if p.unwatch != nil {
		p.unwatch()
		p.unwatch = nil
	}
}
