package ui

import (
	"runtime"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// OnInit runs in the browser before the app replaces the page that
// web/page.js kept answering until now: it takes over what the user has
// there, so that the start changes nothing they can tell: the text, the
// focus with the caret and selection, the highlighted option, and what the
// live region says (a region drawn with the same text says nothing new).
func (p *Page) OnInit() {
	p.active = -1
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	in := doc.Call("getElementById", inputID)
	if !in.Truthy() {
		return
	}
	p.query = in.Get("value").String()
	p.focused = doc.Get("activeElement").Equal(in)
	if p.focused {
		p.selStart, p.selEnd = in.Get("selectionStart").Int(), in.Get("selectionEnd").Int()
		p.selDir = in.Get("selectionDirection").String()
	}
	p.run(p.query)
	if id := in.Call("getAttribute", "aria-activedescendant"); id.Truthy() {
		if i, err := strconv.Atoi(strings.TrimPrefix(id.String(), optionID)); err == nil && i < len(p.results) {
			p.active = i
		}
	}
	status := doc.Call("getElementById", statusID)
	if status.Truthy() {
		p.status, p.kept = status.Get("textContent").String(), true
	}
	p.held, p.holding = keepNodes(in, status)
	// page.js says whether the count is still to be said (typing paused
	// less than announceDelay ago): then the app says it.
	if f := app.Window().Get("askforhelpAnnounce"); f.Truthy() {
		p.announce = f.Invoke().Bool()
	}
}

// OnNav reads the query from the address (?q=), on the server and in the
// browser alike, unless something was typed before the app started.
func (p *Page) OnNav(ctx app.Context) {
	if p.query == "" {
		p.query = QueryFromAddress(ctx.Page().URL().Query().Get("q"))
		p.run(p.query)
		p.draw()
	}
	if !p.kept {
		p.say(p.summary())
	}
}

// OnMount draws the answer and the list of every team into their slots
// (slot.go: go-app mounted them empty, and the browser has not painted
// since), puts the focus back where it was before the app started, says
// the count if page.js had not yet, warms the search up, and lets "/" focus
// the search box from anywhere.
func (p *Page) OnMount(ctx app.Context) {
	if p.holding {
		p.held.place()
		p.listen(ctx)
	}
	p.draw()
	switch {
	case p.focused && p.holding && p.held.focusKept:
		p.onFocus(ctx, app.Event{}) // it has the focus still: no focus event comes
	case p.focused:
		p.restoreFocus()
	}
	if p.announce {
		p.typed++
		typed := p.typed
		ctx.After(announceDelay, func(ctx app.Context) {
			if typed == p.typed {
				p.say(p.summary())
			}
		})
	}
	warmUp()
	p.loadWords(ctx)
	app.Window().Call("addEventListener", "keydown", app.FuncOf(focusOnSlash))
}

// restoreFocus focuses the new search box, with the caret (or the
// selection) where it was in the page before. A microtask runs as soon as the wasm hands control
// back to the browser, before any keystroke is handled: nothing typed can
// land on the page's body in between.
func (p *Page) restoreFocus() {
	var restore app.Func
	restore = app.FuncOf(func(this app.Value, args []app.Value) any {
		in := app.Window().GetElementByID(inputID)
		in.Call("focus")
		in.Call("setSelectionRange", p.selStart, p.selEnd, p.selDir)
		restore.Release()
		return nil
	})
	app.Window().Call("queueMicrotask", restore)
}

// warmUp runs searches that take every path of the matcher as the app
// starts (the app starts once typing pauses), so that no keystroke waits
// for the browser to compile the search's code (it compiles a wasm
// function on its first call); then, once the browser is idle, it runs
// them again until the browser has optimised that code (V8 recompiles hot
// wasm functions in the background: on 2 cores a keystroke's search took
// 2-4 ms while it did) and collects the garbage all that made. make bench's
// search p95 went from 1.8-2.9 ms to 0.5 ms (cmd/benchreport/README.md).
func warmUp() {
	_, eng := current()
	eng.WarmUp()
	whenIdle(1000, func() {
		for range 8 {
			eng.WarmUp()
		}
		runtime.GC()
	})
}

// collectWhenIdle collects garbage once the browser is idle after typing
// pauses. The wasm's garbage collector runs on the page's one thread: left
// to itself it starts while someone types (go-app's renders make most of
// the garbage) and a keystroke's search pays for it, 1-5 ms instead of 0.3.
func collectWhenIdle() { whenIdle(1000, runtime.GC) }

// whenIdle runs f once the browser is idle, or after timeout milliseconds
// at the latest; after timeout milliseconds where the browser has no
// requestIdleCallback.
func whenIdle(timeout int, f func()) {
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		f()
		cb.Release()
		return nil
	})
	if !app.Window().Get("requestIdleCallback").Truthy() {
		app.Window().Call("setTimeout", cb, timeout)
		return
	}
	app.Window().Call("requestIdleCallback", cb, map[string]any{"timeout": timeout})
}

// focusOnSlash is a keydown listener on the window: "/" typed outside a
// text field focuses the search box, and is not typed into it.
func focusOnSlash(this app.Value, args []app.Value) any {
	e := args[0]
	if e.Get("key").String() != "/" || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
		return nil
	}
	switch strings.ToLower(e.Get("target").Get("tagName").String()) {
	case "input", "textarea", "select":
		return nil
	}
	e.Call("preventDefault")
	app.Window().GetElementByID(inputID).Call("focus")
	return nil
}
