package ui

import (
	"errors"
	"fmt"
	"sync"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The embedded data keeps each manual page's first words only
// (directory.EmbeddedWords); the words file (WordsPath) has them all. The
// app fetches it once it has started, when the browser is idle, so that it
// never delays the first answer, and searches with every word from then
// on. The service worker caches it with the app (server.go), so an offline
// visit has it too. Until it arrives, or if it never does, the search uses
// the embedded words.

// WordsMark is the User Timing mark made once the words file is in use
// and the current question answered with it.
const WordsMark = "askforhelp:words"

// wordsOnce fetches the words file once per visit, whichever page (the
// widget or the embed view) mounts first.
var wordsOnce sync.Once

// loadWords fetches the words file and, once it is read and indexed,
// searches with it: the current query is answered again unless an option
// is highlighted (the user is choosing among these results).
func (p *Page) loadWords(ctx app.Context) {
	wordsOnce.Do(func() {
		whenIdle(2000, func() {
			fetchBytes(ctx.ResolveStaticResource(WordsPath), directory.MaxWordsFile, func(b []byte, err error) {
				if err != nil {
					app.Log("ask for help: the words file:", err)
					return
				}
				// Indexing is one long task (about 60 ms in wasm): it
				// waits for idle time too, not only the fetch.
				whenIdle(1000, func() {
					if err := useWords(b); err != nil {
						app.Log("ask for help: the words file:", err)
						return
					}
					// The new engine's memory is new, and indexing made
					// 12 MB of garbage: warm it up and collect, as at the
					// start, rather than on the next keystrokes.
					warmUp()
					ctx.Dispatch(func(ctx app.Context) {
						// A User Timing mark once the page searches with
						// every word and has answered again: what tests
						// and the bench can wait for.
						defer app.Window().Get("performance").Call("mark", WordsMark)
						if p.active >= 0 || p.query == "" {
							return
						}
						before := p.summary()
						p.run(p.query)
						p.draw()
						if p.status == before {
							p.say(p.summary())
						}
					})
				})
			})
		})
	})
}

// useWords reads a words file and makes the data with its words, indexed,
// the one the pages search.
func useWords(b []byte) error {
	words, err := directory.ParseWords(b)
	if err != nil {
		return err
	}
	d, _ := current()
	d = d.WithWords(words)
	eng := search.New(d)
	mu.Lock()
	dir, engine = d, eng
	mu.Unlock()
	return nil
}

// fetchBytes gets url's body with the browser's fetch, refusing one larger
// than limit, and calls done with it or with what went wrong. It uses fetch
// rather than net/http so that the app links no HTTP client.
func fetchBytes(url string, limit int, done func([]byte, error)) {
	var funcs []app.Func
	fn := func(f func(v app.Value) any) app.Func {
		g := app.FuncOf(func(this app.Value, args []app.Value) any {
			var v app.Value
			if len(args) > 0 {
				v = args[0]
			}
			return f(v)
		})
		funcs = append(funcs, g)
		return g
	}
	finish := func(b []byte, err error) any {
		for _, f := range funcs {
			f.Release()
		}
		done(b, err)
		return nil
	}
	fail := fn(func(v app.Value) any { return finish(nil, errors.New(v.Call("toString").String())) })
	gotBody := fn(func(v app.Value) any {
		arr := app.Window().Get("Uint8Array").New(v)
		n := arr.Get("length").Int()
		if n > limit {
			return finish(nil, fmt.Errorf("%d bytes, more than %d", n, limit))
		}
		b := make([]byte, n)
		app.CopyBytesToGo(b, arr)
		return finish(b, nil)
	})
	gotResponse := fn(func(r app.Value) any {
		if !r.Get("ok").Bool() {
			return finish(nil, fmt.Errorf("%s: status %d", url, r.Get("status").Int()))
		}
		r.Call("arrayBuffer").Call("then", gotBody, fail)
		return nil
	})
	app.Window().Call("fetch", url).Call("then", gotResponse, fail)
}
