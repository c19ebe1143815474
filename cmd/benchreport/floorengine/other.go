//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains: this command is the bench's floor page with the widget's
// engine, built by cmd/benchreport with GOOS=js GOARCH=wasm.
func main() {
	fmt.Fprintln(os.Stderr, "floorengine: a wasm for cmd/benchreport's floor page with the widget's engine; build it with GOOS=js GOARCH=wasm")
	os.Exit(2)
}
