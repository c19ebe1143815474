//go:build !unix && !wasm

package server

// fdLimit is how many connections the server keeps open at most where the
// limit cannot be read.
func fdLimit() int { return 4096 }
