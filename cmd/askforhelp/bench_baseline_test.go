//go:build !wasm

package main

// The bench report's baseline and its in-browser engine harness, served on
// the same origin as the app by wrapping the app's handler (startServer's
// wrap hook): nothing here is generated into the tree.
//
//   - /baseline, /baseline.js, /baseline-data.js: the baseline, a plain HTML
//     page with the same data (directory.Seed, encoded at request time) and a
//     few lines of JavaScript doing a substring filter, no framework. It uses
//     the app's stylesheet and gets the same security and caching headers as
//     the app's own page and scripts (copied from the app's answers), so the
//     two are served alike.
//   - /bench/engine, /bench/engine.js, /bench/wasm_exec.js,
//     /bench/search.test.wasm: app/search's test binary compiled to wasm
//     (make bench builds it) run in Chromium, to time the engine in the
//     browser itself rather than in Node.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
)

// baselineHTML is the baseline's page: the search box and an empty listbox,
// as a documentation page with a plain JavaScript search would have.
const baselineHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ask for help – plain JavaScript baseline</title>
<link rel="stylesheet" href="/web/style.css">
<script defer src="/baseline-data.js"></script>
<script defer src="/baseline.js"></script>
</head>
<body>
<main id="main" class="govuk-main-wrapper">
<h1 class="govuk-heading-l">Ask for help</h1>
<form class="search" role="search" method="get" action="/baseline">
<label class="govuk-label govuk-label--m" for="q">What do you need help with?</label>
<div id="q-hint" class="govuk-hint">For example: database migration, base images</div>
<div class="search__row">
<input id="q" name="q" type="text" class="govuk-input" role="combobox" autocomplete="off" spellcheck="false"
 aria-autocomplete="list" aria-controls="results" aria-expanded="false" aria-describedby="q-hint">
</div>
</form>
<ul id="results" class="results" role="listbox" aria-label="Matching teams"></ul>
</main>
</body>
</html>
`

// baselineJS ranks the contacts by how many of the query's words occur as
// substrings of their name, channel, summary and responsibilities, and lists
// the first 8. Like the app, it answers what was typed before it loaded.
const baselineJS = `"use strict";
(() => {
  const q = document.getElementById("q");
  const list = document.getElementById("results");
  const entries = window.askForHelpData.contacts.map((c) => ({
    c, text: [c.name, c.channel || "", c.summary || "", ...(c.responsibilities || [])].join("\n").toLowerCase(),
  }));
  function search() {
    const words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = [];
    for (const e of words.length ? entries : []) {
      const n = words.filter((w) => e.text.includes(w)).length;
      if (n > 0) hits.push({ e, n });
    }
    hits.sort((a, b) => b.n - a.n);
    list.replaceChildren(...hits.slice(0, 8).map(({ e }, i) => {
      const li = document.createElement("li");
      li.id = "result-" + i;
      li.setAttribute("role", "option");
      li.className = "option";
      li.textContent = (e.c.channel || e.c.email || e.c.name) + " – " + e.c.name;
      return li;
    }));
    q.setAttribute("aria-expanded", String(hits.length > 0));
  }
  q.addEventListener("input", search);
  if (q.value) search();
})();
`

// baselineDataJS is the seed directory as a script, encoded when asked.
func baselineDataJS() []byte {
	b, err := json.Marshal(directory.Seed)
	if err != nil {
		panic(err)
	}
	return []byte("window.askForHelpData = " + string(b) + ";\n")
}

// engineHarnessHTML and engineHarnessJS run app/search's wasm test binary
// with the arguments of the page's address (?args=...) and keep what it
// prints in window.__benchOut.
const engineHarnessHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>engine benchmark</title>
<script src="/bench/wasm_exec.js"></script>
<script src="/bench/engine.js"></script>
</head><body></body></html>
`

const engineHarnessJS = `"use strict";
window.__benchOut = "";
window.__benchDone = false;
const decoder = new TextDecoder();
globalThis.fs.writeSync = (fd, buf) => { window.__benchOut += decoder.decode(buf); return buf.length; };
const go = new Go();
// A timer the test binary set can fire after it exited: drop it rather
// than throw "Go program has already exited".
const resume = go._resume.bind(go);
go._resume = () => {
  if (!go.exited) return resume();
  for (const t of go._scheduledTimeouts.values()) clearTimeout(t);
  go._scheduledTimeouts.clear();
};
go.argv = ["search.test", ...JSON.parse(new URLSearchParams(location.search).get("args"))];
WebAssembly.instantiateStreaming(fetch("/bench/search.test.wasm"), go.importObject)
  .then((r) => go.run(r.instance))
  .then(() => { go._resume(); window.__benchDone = true; },
        (err) => { window.__benchOut += "\nharness error: " + err; window.__benchDone = true; });
`

// benchRoutes wraps the app's handler h with the baseline and the engine
// harness. dir holds search.test.wasm and the wasm_exec.js of the Go that
// built it (make bench puts them there).
func benchRoutes(dir string) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler {
		var once sync.Once
		var pageHeaders, scriptHeaders http.Header
		// like copies the headers the app sends with its own page or script,
		// less those that describe the body.
		like := func(p string) http.Header {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
			hd := rec.Header().Clone()
			for _, k := range []string{"Content-Length", "Content-Type", "Content-Encoding", "Etag", "Last-Modified", "Date", "Vary", "Accept-Ranges"} {
				hd.Del(k)
			}
			return hd
		}
		modTime := time.Now()
		serve := func(w http.ResponseWriter, r *http.Request, hd http.Header, ctype string, body []byte) {
			for k, v := range hd {
				w.Header()[k] = v
			}
			sum := sha256.Sum256(body)
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
			http.ServeContent(w, r, "", modTime, bytes.NewReader(body))
		}
		data := baselineDataJS()
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			once.Do(func() {
				pageHeaders = like("/")
				scriptHeaders = like("/app.js")
			})
			switch r.URL.Path {
			case "/baseline":
				serve(w, r, pageHeaders, "text/html; charset=utf-8", []byte(baselineHTML))
			case "/baseline.js":
				serve(w, r, scriptHeaders, "text/javascript; charset=utf-8", []byte(baselineJS))
			case "/baseline-data.js":
				serve(w, r, scriptHeaders, "text/javascript; charset=utf-8", data)
			case "/bench/engine":
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write([]byte(engineHarnessHTML))
			case "/bench/engine.js":
				w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
				w.Write([]byte(engineHarnessJS))
			case "/bench/wasm_exec.js":
				w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
				http.ServeFile(w, r, filepath.Join(dir, "wasm_exec.js"))
			case "/bench/search.test.wasm":
				w.Header().Set("Content-Type", "application/wasm")
				http.ServeFile(w, r, filepath.Join(dir, "search.test.wasm"))
			default:
				if strings.HasPrefix(r.URL.Path, "/bench/") {
					http.NotFound(w, r)
					return
				}
				h.ServeHTTP(w, r)
			}
		})
	}
}
