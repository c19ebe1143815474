// Package ui holds the go-app components of the "Ask for help" widget: the
// page, the search box (a combobox), the live region, the answer's and the
// browse slots, the escalation order, the header, footer and update notice,
// and the embed view.
//
// The same components render on the server (prerendered HTML that works
// without WebAssembly, including results for /?q=) and in the browser. The
// answer and the list of every team are app/view's HTML in slots that the
// page fills itself in the browser, at once on each keystroke (slot.go).
package ui

import (
	"sync"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Routes the app serves.
const (
	HomePath  = "/"
	EmbedPath = "/embed"
	// WordsPath is the words file (directory.WordsFile): every word each
	// manual page keeps, where the embedded data keeps the first few. The
	// app fetches it once it has started (words.go).
	WordsPath = "/web/words.txt"
)

var (
	mu      sync.Mutex
	dir     = directory.Seed
	engine  *search.Engine
	routeMu sync.Once
)

// Register sets the directory the pages show (nil: the embedded seed data)
// and registers the app's routes. Call it before serving or running the app.
func Register(d *directory.Directory) {
	mu.Lock()
	if d == nil {
		d = directory.Seed
	}
	dir, engine = d, nil
	mu.Unlock()
	routeMu.Do(func() {
		app.Route(HomePath, func() app.Composer { return &Page{} })
		app.Route(EmbedPath, func() app.Composer { return &Page{Embed: true} })
	})
}

// current returns the directory and its search engine, indexing it on
// first use rather than at start-up.
func current() (*directory.Directory, *search.Engine) {
	mu.Lock()
	defer mu.Unlock()
	if engine == nil {
		engine = search.New(dir)
	}
	return dir, engine
}
