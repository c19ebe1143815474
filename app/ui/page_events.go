package ui

import (
	"strconv"
	"strings"

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

// summary is what the live region says about the current results.
func (p *Page) summary() string {
	q := strings.TrimSpace(p.query)
	switch n := len(p.results); {
	case q == "":
		return ""
	case n == 0:
		return "No teams match " + q
	case n == 1:
		return "1 team matches " + q
	default:
		return strconv.Itoa(n) + " teams match " + q
	}
}

func (p *Page) onInput(ctx app.Context, e app.Event) {
	q := ctx.JSSrc().Get("value").String()
	p.run(q)
	p.typed++
	typed := p.typed
	ctx.After(announceDelay, func(ctx app.Context) {
		if typed == p.typed {
			p.status = p.summary()
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
		}
	case "ArrowUp", "Up":
		if n > 0 {
			e.PreventDefault()
			if p.active <= 0 {
				p.active = n - 1
			} else {
				p.active--
			}
		}
	case "Enter":
		if n == 0 {
			return // the form submits: the server answers ?q=
		}
		e.PreventDefault()
		p.open(max(p.active, 0))
	case "Escape", "Esc":
		e.PreventDefault()
		ctx.JSSrc().Set("value", "")
		p.run("")
		p.status = ""
		app.Window().Get("history").Call("replaceState", nil, "", ctx.Page().URL().Path)
	}
}

// open follows the link of result i's channel, in a new tab.
func (p *Page) open(i int) {
	link := app.Window().GetElementByID(optionID + strconv.Itoa(i) + "-link")
	if link.Truthy() {
		link.Call("click")
	}
}

// onSelect makes option i the active one, as clicking it does.
func (p *Page) onSelect(ctx app.Context, i int) {
	p.active = i
}

// onCopy puts text on the clipboard and says so.
func (p *Page) onCopy(ctx app.Context, text string) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		p.copied = "Copying is not available here: select the channel name and copy it."
		return
	}
	clip.Call("writeText", text)
	p.copied = "Copied " + text
	p.status = "Copied " + text
}
