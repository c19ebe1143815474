//go:build !wasm

package directory

import _ "embed"

// SeedPage is the manual page the seed data was generated from, for the
// server's demo of the page with the widget embedded. The wasm client does
// not link it.
//
//go:embed ask-for-help.html.md
var SeedPage []byte
