//go:build !wasm

package server

// Everything here is tied to go-app v10.1.11: what the server changes in
// the output of go-app's handler, each change with its reason. go-app is
// pinned; when it moves, TestGoAppShapes (no browser) fails for any change
// whose target no longer has the shape the change expects:
//
//   - app.js: appJSEdits (hand the browser the wasm's own response, start
//     the app when startGate opens, register the worker after the start);
//   - app-worker.js: serviceWorker replaces go-app's template;
//   - the prerendered pages: mendPage (ARIA states, inline children, no
//     link to go-app's app.css), with a real HTML tokenizer that rewrites
//     only the tags it mends and never an attribute value;
//   - attribute values built from user input are made safe before go-app
//     writes them, in app/ui (attrValue): its quoting cannot be mended here.
//
// The manifest (manifest.go) is the server's own, not a change to go-app's.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// startGate is put before go-app's app.js: the app starts when the gate
// opens. web/page.js, whose small wasm answers until the app starts, opens
// it once that answerer is ready and typing has paused (starting the app
// holds the main thread for about 100 ms); without page.js it opens once
// the page is parsed, as go-app's own start would.
const startGate = `// Ask for help: the app starts when askforhelpStart() is called (see
// web/page.js), or once the page is parsed if nothing holds it;
// askforhelpStarted settles once it has started.
var askforhelpStart;
var askforhelpHeld = false;
const askforhelpGate = new Promise((resolve) => { askforhelpStart = resolve; });
if (document.readyState === "complete") {
  askforhelpStart();
} else {
  const start = () => { if (!askforhelpHeld) askforhelpStart(); };
  document.addEventListener("DOMContentLoaded", start);
  addEventListener("load", start); // if DOMContentLoaded came before this ran
}

`

// appGOGC is the app's GOGC (see appJSEdits).
const appGOGC = "800"

// appJSEdits are the changes made to go-app's app.js, for a faster start.
// Each old text must be in it exactly once.
func appJSEdits(wasm string) []struct{ old, new string } {
	wasm = strconv.Quote(wasm)
	return []struct{ old, new string }{
		// Hand the browser the wasm's own response rather than a copy made
		// to count progress: the copy has no URL, so the browser could not
		// keep the compiled code in its code cache, and the progress it
		// counts is never shown (the page is already there).
		{"fetchWithProgress(" + wasm + ", showProgress)", "fetch(" + wasm + ")"},
		// Register the service worker once the wasm has started rather than
		// first: installing the worker fetches every file the app needs,
		// app.wasm included, and would compete with the page's own download.
		{"goappInitServiceWorker();\n", ""},
		// Start the app when startGate opens: compiling and running the wasm
		// holds the page's main thread for about 100 ms, and a keystroke
		// typed meanwhile waits for it; and its download would compete with
		// the small wasm's that answers first (web/page.js).
		{"goappInitWebAssembly();\n", "const askforhelpStarted = askforhelpGate.then(goappInitWebAssembly);\naskforhelpStarted.finally(goappInitServiceWorker);\n"},
		// Give the wasm GOGC=800: it collects garbage less often while
		// someone types (a collection that landed in a keystroke's search
		// made it 2-5 ms instead of 0.3), and the app collects when the
		// browser is idle after typing pauses (app/ui/page_start.go), so
		// the heap stays small all the same. go-app passes the wasm no
		// environment, and runtime/debug.SetGCPercent would add 5 kB
		// (brotli) to app.wasm.
		{"const go = new Go();\n", "const go = new Go();\n    go.env = { GOGC: \"" + appGOGC + "\" };\n"},
	}
}

// streamingAppJS is go-app's app.js with appJSEdits made and startGate
// before it.
func (s *Server) streamingAppJS() ([]byte, error) {
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("go-app's app.js: status %d", rec.Code)
	}
	js := rec.Body.String()
	for _, e := range appJSEdits(s.web.Resolve("/web/app.wasm")) {
		if strings.Count(js, e.old) != 1 {
			return nil, fmt.Errorf("go-app's app.js no longer has %q once: review appJSEdits", e.old)
		}
		js = strings.Replace(js, e.old, e.new, 1)
	}
	return []byte(startGate + js), nil
}

// mended counts what mendPage changed in a page.
type mended struct {
	ariaStates int // bare ARIA attributes given the value "true"
	inline     int // data-inline elements whose children were put back to back
	appCSS     int // links to go-app's app.css left out
	early      int // web/early.js scripts moved to the top of the head
}

// earlyScript is the path (under the base path) of the script that starts
// the answerer; mendPage moves it to the top of the head.
const earlyScript = "/web/early.js"

// findEarly returns the raw bytes of the page's <script src=".../web/early.js">
// element (start and end tags), or nil when it has none.
func findEarly(page []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	var start []byte
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return nil
		case html.StartTagToken:
			start = nil
			if tok := z.Token(); tok.Data == "script" && strings.HasSuffix(attr(tok, "src"), earlyScript) && !hasAttr(tok, "defer") && !hasAttr(tok, "async") {
				start = bytes.Clone(z.Raw())
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); start != nil && string(name) == "script" {
				return append(start, z.Raw()...)
			}
			start = nil
		default:
			start = nil
		}
	}
}

// mendPage mends what go-app's prerendered HTML gets wrong for this app,
// reading it with an HTML tokenizer. Tags it does not mend, and all text
// but the indentation it removes, are copied byte for byte.
//
//   - go-app writes the attribute value "true" as a bare attribute, which
//     means "", not a valid ARIA state (aria-expanded must be "true" or
//     "false"): an aria-* attribute with no value gets "true".
//   - go-app puts a newline and indentation between an element's children,
//     which shows "mi grat ing" for a highlight inside a word: the children
//     of an element marked data-inline (app/ui's highlight) are put back to
//     back.
//   - go-app links its app.css, which styles only its loading screen (never
//     shown here) and its not-found page: one render-blocking request less
//     before the page can paint. The file is still served (its service
//     worker list names it).
//   - go-app writes the handler's Scripts at the end of the head, after the
//     stylesheets, where a synchronous script runs only once they have
//     loaded: web/early.js, which starts the answerer, is moved to just
//     after <meta charset>, so that the worker starts as soon as the page's
//     first bytes are read.
func mendPage(page []byte) ([]byte, mended, error) {
	var out bytes.Buffer
	var m mended
	early := findEarly(page)
	z := html.NewTokenizer(bytes.NewReader(page))
	var inline string // the tag of the data-inline element we are in
	depth, indent := 0, 0
	skipEnd := false // leave out the next </script>: early's, moved
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return nil, m, err
			}
			return out.Bytes(), m, nil
		}
		raw := z.Raw()
		switch tt {
		case html.TextToken:
			if inline != "" {
				text := strings.ReplaceAll(string(raw), "\n"+strings.Repeat(" ", indent+2), "")
				out.WriteString(strings.TrimSuffix(text, "\n"+strings.Repeat(" ", indent)))
				continue
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if inline != "" && tok.Data == inline {
				depth++
			}
			if m.early > 0 && tok.Data == "script" && bytes.HasPrefix(early, raw) {
				// Leave out the moved script and the indentation before it.
				out.Truncate(len(bytes.TrimRight(out.Bytes(), " \n")))
				skipEnd = true
				continue
			}
			if early != nil && tok.Data == "meta" && hasAttr(tok, "charset") && m.early == 0 {
				out.Write(raw)
				out.WriteString("\n    ")
				out.Write(early)
				m.early++
				continue
			}
			if tok.Data == "link" && attr(tok, "rel") == "stylesheet" && strings.HasSuffix(attr(tok, "href"), "/app.css") {
				// Leave out the link and the indentation before it.
				out.Truncate(len(bytes.TrimRight(out.Bytes(), " \n")))
				m.appCSS++
				continue
			}
			changed := false
			for i, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "aria-") && a.Val == "" {
					tok.Attr[i].Val = "true"
					changed = true
					m.ariaStates++
				}
			}
			if inline == "" && tt == html.StartTagToken && hasAttr(tok, "data-inline") {
				inline, depth = tok.Data, 0
				indent = len(out.Bytes()) - (bytes.LastIndexByte(out.Bytes(), '\n') + 1)
				m.inline++
			}
			if changed {
				out.WriteString(tok.String())
				continue
			}
		case html.EndTagToken:
			if skipEnd {
				skipEnd = false
				continue
			}
			if name, _ := z.TagName(); inline != "" && string(name) == inline {
				if depth == 0 {
					inline = ""
				} else {
					depth--
				}
			}
		}
		out.Write(raw)
	}
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(t html.Token, key string) bool {
	for _, a := range t.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// serviceWorker is the app's app-worker.js, a go-app ServiceWorkerTemplate
// ({{.Version}} and {{.ResourcesToCache}} are filled in by go-app). It
// differs from go-app's default in four ways:
//   - install waits until every resource is cached, so that once the worker
//     is installed every page works offline;
//   - a page's address may carry ?q= (or ?parent= for /embed): offline, the
//     cached page answers it, and the app reads the query from the address;
//   - it answers only GET requests for this origin and keeps no push code;
//   - where the browser has the Static Routing API, each cached resource,
//     at its own address with no query, is routed to this version's cache,
//     so that a page without a query and its files (app.wasm and the
//     answerer's answer.wasm included) load without starting the worker
//     (warm first paint 100 → 84 ms here).
const serviceWorker = `// Ask for help: service worker {{.Version}}.
const cacheName = "app-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  if (event.addRoutes) {
    const pattern = (s) => s.replace(/[\\*+?:(){}]/g, "\\$&");
    const routes = resourcesToCache
      .map((url) => new URL(url, self.location.href))
      .filter((u) => u.origin === self.location.origin)
      .map((u) => ({ condition: { urlPattern: { pathname: pattern(u.pathname), search: pattern(u.search.slice(1)) } }, source: { cacheName } }));
    try {
      event.waitUntil(event.addRoutes(routes).catch((err) => console.warn("static routes not added:", err)));
    } catch (err) {
      console.warn("static routes not added:", err);
    }
  }
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

// No clients.claim(): a page is controlled from its next load on. go-app
// takes a worker that activates while the page has a controller for an
// update, so claiming the first page would announce a first visit as one.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(fromCache(request));
});

async function fromCache(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
  return cached || fetch(request);
}
`
