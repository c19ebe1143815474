//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains: this command runs in a browser, built with
// GOOS=js GOARCH=wasm (make wasm writes web/answer.wasm).
func main() {
	fmt.Fprintln(os.Stderr, "answer: the widget's answers before the app starts; build it with GOOS=js GOARCH=wasm (make wasm)")
	os.Exit(2)
}
