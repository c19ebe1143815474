package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// A slot is an element whose children are app/view's HTML rather than
// go-app elements: the answer and the list of every team. go-app draws the
// slot and never its children; the page draws them itself, at once, in the
// handler of the keystroke that changed them (Page.draw). A go-app render
// would come with the next frame, 8 ms later at go-app's 120 frames a
// second, and then diff the whole answer: make bench measured a keystroke
// at 17 ms p50 and 25 ms p95 that way, against a 16 ms budget. The small
// wasm that answers before the app starts (web/page.js) fills the same
// slots with the same HTML.
//
// On the server (prerendered pages, the static build) the slot holds its
// HTML, so that the page answers without WebAssembly; in the browser go-app
// mounts it empty and Page.draw fills it in the same task (OnMount), before
// the browser paints.
func slot(id, class, html string) app.HTMLDiv {
	d := app.Div().ID(id).Class(class)
	if app.IsClient || html == "" {
		return d
	}
	return d.Body(app.Raw(html))
}

// fillSlot makes html the children of slot id, unless they already are
// (was is what it last drew there, and the slot still holds something if
// that was something: a slot go-app drew anew is empty); it returns what
// the slot now holds.
func fillSlot(id, html, was string) string {
	s := app.Window().GetElementByID(id)
	if !s.Truthy() {
		return was
	}
	if html == was && (html == "" || s.Get("firstChild").Truthy()) {
		return was
	}
	s.Set("innerHTML", html)
	return html
}
