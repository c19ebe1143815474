//go:build !wasm

package directory

import (
	"embed"
	"io/fs"
)

//go:embed docs/*/source/manual/ask-for-help.html.md*
var seedDocs embed.FS

// SeedPage is the Ask for help page the seed data was read from (in the
// trimmed copy of the docs beside the generated data), for the server's
// demo of the page with the widget embedded. The wasm client does not
// link it.
var SeedPage = seedPage()

func seedPage() []byte {
	names, _ := fs.Glob(seedDocs, "docs/*/source/manual/ask-for-help.html.md*")
	if len(names) != 1 {
		panic("directory: want one Ask for help page in docs/*/source/manual, found " + string(rune('0'+len(names))))
	}
	src, err := seedDocs.ReadFile(names[0])
	if err != nil {
		panic(err)
	}
	return src
}
