package ui

import (
	"strings"

	"github.com/alphagov/askforhelp/app/view"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// run searches for q and resets the selection.
func (p *Page) run(q string) {
	_, eng := current()
	p.query = q
	p.active = -1
	p.copied = ""
	if strings.TrimSpace(q) == "" {
		p.results = nil
		return
	}
	if !app.IsClient {
		p.results = eng.Search(q, maxResults)
		return
	}
	// In the browser, each search is a performance measure
	// ("askforhelp:search") that make bench reads.
	perf := app.Window().Get("performance")
	start := perf.Call("now").Float()
	p.results = eng.Search(q, maxResults)
	perf.Call("measure", "askforhelp:search", map[string]any{"start": start})
}

// summary is what the live region says about the current results
// (view.Summary).
func (p *Page) summary() string { return view.Summary(p.query, p.results) }

// onInput answers the search box's value, on an input or a change event.
func (p *Page) onInput(ctx app.Context, e app.Event) {
	p.setQuery(ctx, box().Get("value").String())
}

// setQuery answers q, unless it is already answered: a change event after
// typing, or the watch finding what an input event already brought, would
// otherwise lose the highlighted option.
func (p *Page) setQuery(ctx app.Context, q string) {
	if q == p.query {
		return
	}
	p.run(q)
	p.draw()
	p.typed++
	typed := p.typed
	ctx.After(announceDelay, func(ctx app.Context) {
		if typed == p.typed {
			p.say(p.summary())
			collectWhenIdle()
		}
	})
	// Keep the answer shareable: the address carries the query.
	u := *ctx.Page().URL()
	v := u.Query()
	if q == "" {
		v.Del("q")
	} else {
		v.Set("q", q)
	}
	u.RawQuery = v.Encode()
	app.Window().Get("history").Call("replaceState", nil, "", u.String())
}

func (p *Page) onKeyDown(ctx app.Context, e app.Event) {
	n := len(p.results)
	switch e.Get("key").String() {
	case "ArrowDown", "Down":
		if n > 0 {
			e.PreventDefault()
			p.active = (p.active + 1) % n
			p.draw()
			scrollToOption(p.active)
		}
	case "ArrowUp", "Up":
		if n > 0 {
			e.PreventDefault()
			if p.active <= 0 {
				p.active = n - 1
			} else {
				p.active--
			}
			p.draw()
			scrollToOption(p.active)
		}
	case "Enter":
		if n == 0 {
			return // the form submits: the server answers ?q=
		}
		e.PreventDefault()
		p.open(max(p.active, 0))
	case "Escape", "Esc":
		e.PreventDefault()
		box().Set("value", "")
		p.run("")
		p.draw()
		p.say("")
		app.Window().Get("history").Call("replaceState", nil, "", ctx.Page().URL().Path)
	}
}
