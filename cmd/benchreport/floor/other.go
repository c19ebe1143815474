//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains: benchreport builds this command with GOOS=js GOARCH=wasm.
func main() {
	fmt.Fprintln(os.Stderr, "floor: the do-nothing answerer of benchreport --only floor; it runs in a browser (GOOS=js GOARCH=wasm)")
	os.Exit(2)
}
