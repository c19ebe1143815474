//go:build wasm

package main

import (
	"github.com/alphagov/askforhelp/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// main is the app's client: it shows the page for the current address.
func main() {
	ui.Register(nil)
	app.RunWhenOnBrowser()
}
