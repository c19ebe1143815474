//go:build js && wasm

// Command answer is the small WebAssembly module (web/answer.wasm) that
// answers what is typed until the app (go-app, web/app.wasm) has started.
// web/early.js starts it on the page's thread, as soon as the page's head
// is read, and it links only the data, the search and app/view, which
// draws the answer as the app does: no go-app, whose package
// initialisation brings net/http and crypto, and neither fmt nor time.
// web/page.js asks it for each answer and shows its HTML; once the app has
// started, it is stopped (askforhelpStop) and its memory can go.
package main

import (
	"syscall/js"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/search/seedindex"
	"github.com/alphagov/askforhelp/app/view"
)

func main() {
	d := directory.Seed
	// The engine is read from the index made at `make data` time
	// (app/search/seedindex): building it here (search.New) took 45-90 ms
	// of the first answer in a browser.
	eng, err := seedindex.Engine()
	if err != nil {
		println("answer:", err.Error(), "; indexing instead")
		eng = search.New(d)
	}
	// The first question waits for nothing but the index: the search's
	// code is compiled (Engine.WarmUp) once it is answered, before the
	// next keystroke's question, rather than on the first answer's path.
	warm := false
	js.Global().Set("askforhelpAnswer", js.FuncOf(func(this js.Value, args []js.Value) any {
		a := answer(d, eng, args[0])
		if !warm {
			warm = true
			js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
				eng.WarmUp()
				return nil
			}), 0)
		}
		return a
	}))
	// Stopped once the app has started (web/early.js's terminate): main
	// returns, and the instance and its memory can go.
	stop := make(chan struct{})
	js.Global().Set("askforhelpStop", js.FuncOf(func(js.Value, []js.Value) any {
		close(stop)
		return nil
	}))
	<-stop
	js.Global().Delete("askforhelpAnswer")
	js.Global().Delete("askforhelpStop")
}

// answer answers one question from page.js: {n, q, active, copied, copy,
// unavailable, browse}. It returns the answer's HTML and what page.js needs
// to act as the app does: the options' count, what the live region says
// once typing pauses (summary), what it says now (said: what was copied),
// what it says when Enter opens each option, each option's channel for the
// Copy button, and, when asked, the list of every team.
func answer(d *directory.Directory, eng *search.Engine, req js.Value) any {
	q := str(req.Get("q"))
	var results []search.Result
	if rs := eng.Search(q, view.MaxResults); len(rs) > 0 {
		results = rs
	}
	active := -1
	if a := req.Get("active"); a.Type() == js.TypeNumber {
		active = a.Int()
	}
	if active >= len(results) {
		active = -1
	}
	copied, said := str(req.Get("copied")), ""
	switch {
	case req.Get("unavailable").Truthy():
		copied = view.CopyUnavailable
	case str(req.Get("copy")) != "":
		copied = view.Copied(str(req.Get("copy")))
		said = copied
	}
	opens := make([]any, len(results))
	channels := make([]any, len(results))
	for i, r := range results {
		opens[i], channels[i] = view.Opened(r), r.Contact.Channel
	}
	out := map[string]any{
		"n":        req.Get("n").Int(),
		"q":        q,
		"active":   active,
		"count":    len(results),
		"html":     view.Answer(d, q, results, active, copied).HTML(),
		"summary":  view.Summary(q, results),
		"copied":   copied,
		"said":     said,
		"opens":    opens,
		"channels": channels,
	}
	if req.Get("browse").Truthy() {
		out["browse"] = view.Browse(d, eng.Entries()).HTML()
	}
	return out
}

// str is a string the page sent, "" for anything else (js.Value's String
// gives "<undefined>" for a field not set).
func str(v js.Value) string {
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}
