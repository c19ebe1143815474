//go:build !wasm

package main

import (
	"strings"
	"sync"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/server"
	"github.com/chromedp/chromedp"
)

var wholeEngine = sync.OnceValue(func() *search.Engine { return search.New(directory.Whole()) })

// onlyInWordsFile is a word of a manual page that the embedded data does
// not keep (it is past the page's first directory.EmbeddedWords) and for
// which every word of the page gives another first answer than the
// embedded words do; and the channel each answers. It is found in the
// data, whatever version it is.
func onlyInWordsFile(t *testing.T) (q, embedded, whole string) {
	t.Helper()
	for _, m := range directory.Whole().Manual {
		ws := strings.Fields(m.Words)
		for _, w := range ws[min(len(ws), directory.EmbeddedWords):] {
			a, b := seedEngine().Search(w, 1), wholeEngine().Search(w, 1)
			if len(b) == 1 && (len(a) == 0 || a[0].Contact.Channel != b[0].Contact.Channel) {
				if len(a) == 1 {
					embedded = a[0].Contact.Channel
				}
				return w, embedded, b[0].Contact.Channel
			}
		}
	}
	t.Fatal("no word of the words file changes an answer: the test would prove nothing")
	return
}

// TestWordsFile: once the app has started it fetches the words file and
// answers with every word of each page, the question already typed
// included; offline, the words come from the service worker's cache.
func TestWordsFile(t *testing.T) {
	q, embedded, whole := onlyInWordsFile(t)
	t.Logf("%q: %q with the embedded words, %q with the words file", q, embedded, whole)
	srv := serveOn(t, "127.0.0.1:0", newApp(t, server.Options{WebDir: webDir}))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"), chromedp.SendKeys(chromedp.CSS("#q"), q), waitWasm(), waitWorker(),
		waitText("#result-0", whole))
	srv.goOffline(t)
	do(t, ctx, reloadPage(), waitWasm(), searchFor(q, whole))
	do(t, ctx, chromedp.Navigate(srv.URL+"/embed"), waitWasm(), searchFor(q, whole))
}
