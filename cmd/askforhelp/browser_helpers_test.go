//go:build !wasm

package main

// Helpers for the browser tests: an in-process server with the real app and
// wasm, and headless Chromium from Debian's package driven by chromedp.

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/server"
	"github.com/alphagov/askforhelp/app/ui"
	"github.com/alphagov/askforhelp/internal/headless"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

const (
	webDir  = "../../web"
	axePath = "../../.cache/npm/node_modules/axe-core/axe.min.js"
)

// startServer serves the app (with d's data, or the seed's when nil) on a
// free loopback port and returns its base URL. wrap, if not nil, wraps the
// handler (to delay or count requests).
func startServer(t *testing.T, d *directory.Directory, wrap func(http.Handler) http.Handler) string {
	t.Helper()
	var h http.Handler = newApp(t, server.Options{Dir: d, WebDir: webDir})
	if wrap != nil {
		h = wrap(h)
	}
	return serveOn(t, "127.0.0.1:0", h).URL
}

// holdWasm returns a wrapper for startServer that keeps app.wasm from being
// served until release is called, so that a test can act on the page before
// the app starts; release is called when the test ends, if not before.
func holdWasm(t *testing.T) (hold func(http.Handler) http.Handler, release func()) {
	t.Helper()
	released := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(released) }) }
	t.Cleanup(release)
	hold = func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/web/app.wasm" {
				<-released
			}
			h.ServeHTTP(w, r)
		})
	}
	return hold, release
}

// newApp is the app's handler, as `serve` makes it.
func newApp(t *testing.T, o server.Options) *server.Server {
	t.Helper()
	if _, err := os.Stat(filepath.Join(o.WebDir, "app.wasm")); err != nil {
		t.Fatalf("app.wasm is missing: run the tests with `make test` (it builds the wasm first): %v", err)
	}
	s, err := server.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testServer is an HTTP server on loopback that a test can stop, to see
// what a browser does with the server gone.
type testServer struct {
	URL  string
	Addr string
	srv  *http.Server
}

// serveOn serves h on addr ("127.0.0.1:0" for any free port).
func serveOn(t *testing.T, addr string, h http.Handler) *testServer {
	t.Helper()
	var ln net.Listener
	var err error
	for try := 0; try < 50; try++ { // a port just closed may take a moment to free
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	s := &testServer{URL: "http://" + ln.Addr().String(), Addr: ln.Addr().String(), srv: &http.Server{Handler: h}}
	go s.srv.Serve(ln)
	t.Cleanup(s.Stop)
	return s
}

// Stop closes the server and every connection to it.
func (s *testServer) Stop() { s.srv.Close() }

// onNewDocument has every document the tab loads from now on run js
// before its own scripts.
func onNewDocument(js string) chromedp.Action[chromedp.Void] {
	return call(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
}

// goOffline stops the server and fails the test if it still answers: what
// the page does next is what it does offline.
func (s *testServer) goOffline(t *testing.T) {
	t.Helper()
	s.Stop()
	if _, err := http.Get(s.URL + "/"); err == nil {
		t.Fatal("the server still answers: the test would prove nothing")
	}
}

// chromium finds Debian's chromium.
func chromium(t *testing.T) string {
	t.Helper()
	exe, err := headless.Chromium()
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

// newBrowser starts a headless Chromium with an empty profile and returns
// a context for its first tab. The test fails if the page throws an
// uncaught exception.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := headless.Options(chromium(t), t.TempDir())
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			t.Errorf("uncaught exception in the page: %s", headless.ExceptionText(ev.ExceptionDetails))
		}
	}()
	return ctx
}

// do runs chromedp actions and fails the test on error.
func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", expr, err)
	}
	return v
}

// call sends a DevTools protocol command to the tab.
func call[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// poll waits until a JavaScript expression is true, across navigations: a
// poll whose page goes away (a reload) starts again in the new page.
func poll(expr string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		deadline := time.Now().Add(timeout)
		for {
			_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(time.Until(deadline)))(ctx, t)
			if err == nil {
				return nil
			}
			// A navigation while the page is polled ends the evaluation
			// with one of these, depending on when it lands: poll the new
			// page.
			gone := strings.Contains(err.Error(), "context with specified id") || strings.Contains(err.Error(), "context was destroyed") ||
				strings.Contains(err.Error(), "Inspected target navigated or closed")
			if !gone || time.Now().After(deadline) {
				return fmt.Errorf("waiting for %s: %w", expr, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// waitWasm waits until go-app has started: its loader is removed once the
// wasm's main has mounted the page.
func waitWasm() chromedp.Action[chromedp.Void] {
	return poll(`document.getElementById("app-wasm-loader") === null`, 60*time.Second)
}

// waitWords waits until the app searches with the words file and has
// answered again with it (ui.WordsMark): nothing redraws after that.
func waitWords() chromedp.Action[chromedp.Void] {
	return poll(fmt.Sprintf(`performance.getEntriesByName(%q).length > 0`, ui.WordsMark), 20*time.Second)
}

// waitText waits until the element matching sel has text containing want.
func waitText(sel, want string) chromedp.Action[chromedp.Void] {
	return poll(fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.textContent.includes(%q); })()`, sel, want), 20*time.Second)
}

// textOf reads the text of the element matching sel, its white space
// collapsed as a browser shows it ("" if none).
func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return eval[string](t, ctx, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.textContent.replace(/\s+/g, " ").trim() : ""; })()`, sel))
}

// axeViolation is one rule axe-core reports as violated.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		HTML string `json:"html"`
	} `json:"nodes"`
}

// checkAxe runs axe-core in the page for WCAG 2.2 A/AA and best practices
// and fails the test on any violation.
func checkAxe(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core is not installed (make deps installs it): %v", err)
	}
	eval[bool](t, ctx, string(src)+";true")
	raw := eval[string](t, ctx, `axe.run(document, {runOnly: {type: "tag", values:
		["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]}})
		.then(r => JSON.stringify(r.violations))`)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("reading axe's results: %v", err)
	}
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, n.HTML)
		}
		t.Errorf("axe (%s): %s: %s at %s", state, v.ID, v.Help, strings.Join(where, " | "))
	}
}

// bypassCSP lets the test inject axe-core into pages whose CSP allows
// scripts from their own origin only.
func bypassCSP() chromedp.Action[chromedp.Void] {
	return call(page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
}

// seedEngine is the engine over the embedded data, built once: teamFor is
// called by many tests.
var seedEngine = sync.OnceValue(func() *search.Engine { return search.New(directory.Seed) })

// teamFor is the channel the embedded data's engine answers first for q.
// The tests here check that every way in (the command, the server, the
// page before and after the app starts) shows the engine's answer,
// whatever docs the data was made from: whether the answer is right is
// app/search's to test, on named versions of the docs.
func teamFor(q string) string {
	rs := seedEngine().Search(q, 1)
	if len(rs) == 0 {
		panic("no team answers " + q + " in the embedded data")
	}
	return rs[0].Contact.Channel
}
