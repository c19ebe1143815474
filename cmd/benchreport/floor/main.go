//go:build js && wasm

// Command floor is the do-nothing answerer of `benchreport --only floor`:
// a Go wasm that answers every question page.js asks with no teams,
// linking syscall/js and nothing else. Put in place of web/answer.wasm, it
// times what starting any Go wasm answerer costs on the page (the worker,
// the download, the compile, Go's runtime), so that the widget's "answerer
// ready" can be read against the least it could be.
package main

import "syscall/js"

func main() {
	js.Global().Set("askforhelpAnswer", js.FuncOf(func(this js.Value, args []js.Value) any {
		q := args[0].Get("q")
		if q.Type() != js.TypeString {
			q = js.ValueOf("")
		}
		return map[string]any{"n": args[0].Get("n"), "q": q, "active": -1, "count": 0, "html": "", "summary": "",
			"copied": "", "said": "", "opens": []any{}, "channels": []any{}}
	}))
	select {}
}
