//go:build !wasm

package main

// Browser tests of the page before the app (app.wasm) has started, when
// web/page.js and the small wasm that web/early.js starts (answer.wasm)
// answer: served by `askforhelp serve` and as a static site on a plain file
// server, with app.wasm held back so that the app cannot start.

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// staticBase is the sub-path the static site is served from in the tests.
const staticBase = "/askforhelp"

// startStatic writes the static site (`askforhelp build`) and serves it
// from staticBase as a plain static host would: files only, "embed" as
// embed.html, a .wasm as its .br when the browser accepts brotli. wrap, if
// not nil, wraps the handler. It returns the site's address.
func startStatic(t *testing.T, wrap func(http.Handler) http.Handler) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := cli("build", "--out", out, "--base", staticBase, "--web", webDir); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	return serveStatic(t, out, wrap)
}

// serveStatic serves a static site built for staticBase, as startStatic
// says, and returns its address.
func serveStatic(t *testing.T, out string, wrap func(http.Handler) http.Handler) string {
	t.Helper()
	files := http.FileServer(http.Dir(out))
	var h http.Handler = http.StripPrefix(staticBase, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case path.Ext(p) == "" && p != "/":
			r.URL.Path += ".html"
		case path.Ext(p) == ".wasm" && strings.Contains(r.Header.Get("Accept-Encoding"), "br"):
			w.Header().Set("Content-Type", "application/wasm")
			w.Header().Set("Content-Encoding", "br")
			r.URL.Path += ".br"
		}
		files.ServeHTTP(w, r)
	}))
	if wrap != nil {
		h = wrap(h)
	}
	return serveOn(t, "127.0.0.1:0", h).URL + staticBase
}

// holdFiles returns a wrapper that keeps the files whose path ends in one
// of suffixes from being served until release is called (at the latest
// when the test ends), and counts the requests with a ?q= query.
func holdFiles(t *testing.T, suffixes ...string) (hold func(http.Handler) http.Handler, release func(), questions func() int) {
	t.Helper()
	released := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(released) }) }
	t.Cleanup(release)
	var mu sync.Mutex
	asked := 0
	hold = func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Has("q") {
				mu.Lock()
				asked++
				mu.Unlock()
			}
			for _, s := range suffixes {
				if strings.HasSuffix(r.URL.Path, s) {
					<-released
				}
			}
			h.ServeHTTP(w, r)
		})
	}
	questions = func() int {
		mu.Lock()
		defer mu.Unlock()
		return asked
	}
	return hold, release, questions
}

// sites are the two ways the widget is served: each returns the address of
// its home page, with wrap around its handler.
var sites = []struct {
	name  string
	start func(t *testing.T, wrap func(http.Handler) http.Handler) string
}{
	{"serve", func(t *testing.T, wrap func(http.Handler) http.Handler) string {
		return startServer(t, nil, wrap) + "/"
	}},
	{"static", func(t *testing.T, wrap func(http.Handler) http.Handler) string { return startStatic(t, wrap) + "/" }},
}

// notStarted fails the test if the app has started: the test would prove
// nothing about the page before it.
func notStarted(t *testing.T, ctx context.Context) {
	t.Helper()
	if !eval[bool](t, ctx, `document.getElementById("app-wasm-loader") !== null`) {
		t.Fatal("the app started before app.wasm was released: the test would prove nothing")
	}
}

// TestAnswerBeforeApp: before the app has started, on `serve` and on a
// static host alike, on / and /embed, what is typed is answered in the
// page (no question goes to a server), the live region says the count once
// typing pauses (once, not at every keystroke), and the arrow keys
// highlight an option. When the app starts it keeps the text, the focus,
// the caret and selection and the highlighted option, says nothing again
// and shifts nothing, and answers what is typed next.
func TestAnswerBeforeApp(t *testing.T) {
	for _, site := range sites {
		for _, pg := range []string{"", "embed"} {
			t.Run(site.name+" /"+pg, func(t *testing.T) { answerBeforeApp(t, site.start, pg) })
		}
	}
}

func answerBeforeApp(t *testing.T, start func(*testing.T, func(http.Handler) http.Handler) string, pg string) {
	hold, release, questions := holdFiles(t, "/app.wasm", "/app.wasm.br")
	home := start(t, hold)
	ctx := newBrowser(t)
	do(t, ctx,
		onNewDocument(clsObserver+said+fmt.Sprintf(steadyTypist, "base images")),
		chromedp.Navigate(home+pg),
		poll(`window.__typedAt >= 0`, 20*time.Second),
		waitText("#result-1", "#"),
		waitText("#status", "match base images"),
		pressKey("ArrowDown", 40, ""), pressKey("ArrowDown", 40, ""),
		poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-1"`, 5*time.Second),
		chromedp.Sleep(announceWait),
	)
	notStarted(t, ctx)
	n := eval[int](t, ctx, `document.querySelectorAll("[role=option]").length`)
	want := fmt.Sprintf("%d teams match base images. Enter opens %s.", n, teamFor("base images"))
	if got := eval[[]string](t, ctx, `window.__said`); len(got) != 1 || got[0] != want {
		t.Errorf("the live region said %q while 11 keys were typed, want once %q", got, want)
	}
	if q := questions(); q != 0 {
		t.Errorf("%d questions went to the server", q)
	}
	if got := eval[string](t, ctx, `location.search + " " + document.getElementById("q").getAttribute("aria-expanded")`); got != "?q=base+images true" {
		t.Errorf("address and aria-expanded: %q", got)
	}
	// What the user is on: the text, the focus and selection, the
	// highlighted option and the card it shows, the live region.
	state := `(() => { const q = document.getElementById("q"), a = q.getAttribute("aria-activedescendant");
		return [q.value, document.activeElement === q, q.selectionStart + "-" + q.selectionEnd, a,
			a && document.getElementById(a).getAttribute("aria-selected"), document.querySelector(".card__caption").textContent,
			document.querySelector(".card__title").textContent.trim(), document.getElementById("status").textContent].join("|"); })()`
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("q").setSelectionRange(2, 5)`))
	before := eval[string](t, ctx, state)
	if !strings.HasPrefix(before, "base images|true|2-5|result-1|true|Selected|") {
		t.Fatalf("before the app started: %q", before)
	}
	// Only the hand-over's shifts: the typist's synthetic events are not
	// input to the browser, so the answer's own arrival (a scroll bar
	// appearing on /embed) would count too.
	eval[bool](t, ctx, `window.__cls = 0, true`)
	// The box and the live region must be the very same nodes once the app
	// has started, and the box must never lose the focus on the way.
	eval[bool](t, ctx, `(() => { const q = document.getElementById("q");
		window.__box = q; window.__region = document.getElementById("status"); window.__blurs = 0;
		q.addEventListener("blur", () => window.__blurs++); q.addEventListener("focusout", () => window.__blurs++);
		return true; })()`)
	release()
	do(t, ctx, waitWasm(), chromedp.Sleep(300*time.Millisecond))
	if got := eval[string](t, ctx, `[document.getElementById("q") === window.__box, document.getElementById("status") === window.__region,
		window.__box.isConnected, window.__blurs].join(" ")`); got != "true true true 0" {
		t.Errorf("the app's start: same box, same live region, box in the page, blurs = %q, want \"true true true 0\"", got)
	}
	// The small wasm, on the page's thread, is stopped once the app runs.
	do(t, ctx, poll(`typeof window.askforhelpAnswer === "undefined" && typeof window.askforhelpStop === "undefined"`, 5*time.Second))
	if cls := eval[float64](t, ctx, `window.__cls`); cls > 0 {
		t.Errorf("the layout shifted when the app started: CLS %.4f, want 0", cls)
	}
	do(t, ctx, chromedp.Sleep(announceWait))
	if after := eval[string](t, ctx, state); after != before {
		t.Errorf("the app's start changed value|focused|selection|highlight|selected|caption|card|live region\nfrom %q\nto   %q", before, after)
	}
	if got := eval[[]string](t, ctx, `window.__said`); len(got) != 1 {
		t.Errorf("the live region said %q: the app's start said something again", got)
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("q").setSelectionRange(11, 11)`),
		chromedp.SendKeys(chromedp.CSS("#q"), " please"), waitText("#status", "base images please"))
	if n := eval[int](t, ctx, `performance.getEntriesByName("askforhelp:search").length`); n == 0 {
		t.Error("the app has not searched: it does not answer")
	}
}

// TestKeysAndClicksBeforeApp: before the app has started, the keys and
// clicks do what they do in the app: Down and Up move the highlight (each
// press counts), a click highlights an option and leaves the focus in the
// box, Enter opens the highlighted team's channel and says so, Escape
// clears the search; and the app keeps the highlight when it starts.
func TestKeysAndClicksBeforeApp(t *testing.T) {
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) { keysAndClicksBeforeApp(t, site.start) })
	}
}

func keysAndClicksBeforeApp(t *testing.T, start func(*testing.T, func(http.Handler) http.Handler) string) {
	hold, release, _ := holdFiles(t, "/app.wasm", "/app.wasm.br")
	home := start(t, hold)
	ctx := newBrowser(t)
	opened := watchTabs(ctx)
	do(t, ctx, chromedp.Navigate(home), chromedp.SendKeys(chromedp.CSS("#q"), "deploy"), waitText("#result-1", "#"))
	channels := eval[[]string](t, ctx, `[...document.querySelectorAll("[role=option] .option__channel")].map((e) => e.textContent)`)
	if len(channels) < 3 {
		t.Fatalf("deploy lists %v; the test needs 3 teams", channels)
	}
	highlighted := func(want int) {
		t.Helper()
		got := eval[string](t, ctx, `(() => { const q = document.getElementById("q"), a = q.getAttribute("aria-activedescendant");
			return a + " " + (a && document.getElementById(a).getAttribute("aria-selected")) + " " + document.querySelector(".card__caption").textContent + " " + document.querySelector(".card__title a").textContent; })()`)
		caption := map[bool]string{true: "Recommended", false: "Selected"}[want == 0]
		if w := fmt.Sprintf("result-%d true %s %s", want, caption, channels[want]); got != w {
			t.Errorf("highlight, selected, caption, card: %q, want %q", got, w)
		}
	}
	do(t, ctx, pressKey("ArrowDown", 40, ""), pressKey("ArrowDown", 40, ""), pressKey("ArrowDown", 40, ""),
		poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-2"`, 5*time.Second))
	highlighted(2)
	do(t, ctx, pressKey("ArrowUp", 38, ""), poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-1"`, 5*time.Second))
	highlighted(1)
	do(t, ctx, chromedp.Click(chromedp.CSS("#result-2")), poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-2"`, 5*time.Second))
	highlighted(2)
	if !eval[bool](t, ctx, `document.activeElement === document.getElementById("q")`) {
		t.Error("a click on an option took the focus from the search box")
	}
	do(t, ctx, pressKey("Escape", 27, ""), poll(`document.getElementById("q").value === "" && document.querySelectorAll("[role=option]").length === 0`, 5*time.Second))
	if got := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-expanded") + " [" + document.getElementById("status").textContent + "] " + location.search + " " + !!document.querySelector(".browse")`); got != "false []  true" {
		t.Errorf("after Escape: aria-expanded, live region, search, every team listed = %q", got)
	}
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), "deploy"), waitText("#result-1", "#"), pressKey("ArrowDown", 40, ""), pressKey("ArrowDown", 40, ""),
		poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-1"`, 5*time.Second))
	link := eval[string](t, ctx, `document.getElementById("result-1-link").href`)
	do(t, ctx, pressKey("Enter", 13, "\r"))
	waitOpened(t, opened, link)
	do(t, ctx, waitText("#status", "Opened "+channels[1]+" in a new tab"), call(page.BringToFront, cdp.Empty{}))
	notStarted(t, ctx)
	release()
	do(t, ctx, waitWasm())
	highlighted(1)
	do(t, ctx, pressKey("ArrowDown", 40, ""), poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-2"`, 5*time.Second))
}

// TestKeysBeforeAnswer: keys pressed before the answer to what is typed
// has come (the small wasm still loading) are all handled, in order, once
// it comes: three Downs highlight the third option.
func TestKeysBeforeAnswer(t *testing.T) {
	hold, release, _ := holdFiles(t, "/app.wasm", "/app.wasm.br", "/answer.wasm", "/answer.wasm.br")
	home := startStatic(t, hold) + "/"
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(home), chromedp.SendKeys(chromedp.CSS("#q"), "deploy"),
		pressKey("ArrowDown", 40, ""), pressKey("ArrowDown", 40, ""), pressKey("ArrowDown", 40, ""))
	if n := eval[int](t, ctx, `document.querySelectorAll("[role=option]").length`); n != 0 {
		t.Fatalf("%d options before the small wasm was released: the test would prove nothing", n)
	}
	release() // both: the app may start now, and is then handed what is left
	do(t, ctx, poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-2"`, 20*time.Second))
	if got := eval[string](t, ctx, `document.getElementById("q").value`); got != "deploy" {
		t.Errorf("the search box holds %q", got)
	}
}
