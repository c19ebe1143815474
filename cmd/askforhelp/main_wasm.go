//go:build wasm

package main

import (
	"runtime/debug"

	"github.com/alphagov/askforhelp/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// main is the app's client: it shows the page for the current address.
func main() {
	// Collect garbage less often while someone types: a collection that
	// lands in a keystroke's search made it 2-5 ms instead of 0.3. The app
	// collects when the browser is idle after typing pauses
	// (app/ui/page_start.go), so the heap stays small all the same.
	debug.SetGCPercent(800)
	ui.Register(nil)
	app.RunWhenOnBrowser()
}
