//go:build js && wasm

// Command floorengine is the Go wasm floor page's wasm (../shared/bench/go-floor)
// with the widget's engine and data in place of its one fixed option: the
// same page, the same main-thread start, but each query is answered by
// the engine the answerer uses, written as the floor writes its option:
// the first result's team and channel. Nothing else of the widget's is on
// the page. The engine is read from its prebuilt index, as the answerer
// reads it (app/search/seedindex), or, built with -tags noindex, indexed
// when the page starts (search.New), which carries fewer bytes and costs
// more time (engine_*.go). Its first right answer is the least any design
// carrying this engine and this data can cost: cmd/benchreport times both
// beside the floor and the widget (reference.go).
package main

import "syscall/js"

func main() {
	eng := engine()
	doc := js.Global().Get("document")
	q, ul := doc.Call("getElementById", "q"), doc.Call("getElementById", "results")
	answer := func() {
		rs := eng.Search(q.Get("value").String(), 1)
		ul.Set("textContent", "")
		if len(rs) == 0 {
			return
		}
		// textContent, not innerHTML: the names come from the docs.
		li := doc.Call("createElement", "li")
		li.Call("setAttribute", "role", "option")
		li.Set("textContent", rs[0].Contact.Name+" "+rs[0].Contact.Channel)
		ul.Call("appendChild", li)
	}
	q.Call("addEventListener", "input", js.FuncOf(func(js.Value, []js.Value) any { answer(); return nil }))
	answer() // typed before the wasm started
	select {}
}
