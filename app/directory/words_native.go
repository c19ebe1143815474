//go:build !wasm

package directory

import (
	_ "embed"
	"sync"
)

// seedWords is the words file of the embedded data's docs, written beside
// seed_gen.go by `make data` (WordsFile). The wasm builds do not link it:
// the app fetches it (ui.WordsPath).
//
//go:embed words.txt
var seedWords []byte

// SeedWords is the words file of the embedded data.
func SeedWords() []byte { return seedWords }

var whole = sync.OnceValue(func() *Directory {
	words, err := ParseWords(seedWords)
	if err != nil {
		panic("directory: the embedded words.txt: " + err.Error())
	}
	return Seed.WithWords(words)
})

// Whole is the embedded data with every word of each page (words.txt), as
// the app searches it once it has fetched the words file: what the
// server renders and the command line searches.
func Whole() *Directory { return whole() }
