//go:build !wasm

package main

import (
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// watchInjected, run in every new document, counts in window.__injected
// the elements a payload of TestMarkupInQueryIsText would make (a meta
// refresh, a link to evil.example) as they enter the document, even if
// they are gone by the time the test looks.
const watchInjected = `(() => {
	window.__injected = 0;
	const bad = "meta[http-equiv], a[href*='evil.example']";
	new MutationObserver((records) => {
		for (const r of records) {
			for (const n of r.addedNodes) {
				if (n.nodeType === Node.ELEMENT_NODE && (n.matches(bad) || n.querySelector(bad))) {
					window.__injected++;
				}
			}
		}
	}).observe(document, {childList: true, subtree: true});
})()`

// TestMarkupInQueryIsText: markup in ?q= (a link, a meta refresh that
// would send the browser to another site) stays text in the search box, on
// / and /embed, without scripts and once the app runs.
func TestMarkupInQueryIsText(t *testing.T) {
	var visits atomic.Int32
	elsewhere := serveOn(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		visits.Add(1)
		w.Write([]byte("<!doctype html><title>elsewhere</title>"))
	}))
	base := startServer(t, nil, nil)
	payloads := []string{
		`"><a href=//evil.example>Click</a>`,
		`"><meta http-equiv='refresh' content='0;url=` + elsewhere.URL + `/'>`,
		`\"><meta http-equiv=refresh content=0;url=` + elsewhere.URL + `/>`,
	}
	for _, scripts := range []bool{false, true} {
		ctx := newBrowser(t)
		if scripts {
			do(t, ctx, onNewDocument(watchInjected))
		} else {
			do(t, ctx, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
		}
		for _, path := range []string{"/", "/embed"} {
			for _, q := range payloads {
				// No waiting for a refresh that does not come: a refresh
				// needs its meta element in the document. Without scripts
				// the document is whole once loaded (Navigate waits for
				// that); with them, the app has drawn what it draws of ?q=
				// once mounted, and watchInjected saw every element that
				// entered the document meanwhile, even for a moment.
				addr := base + path + "?q=" + url.QueryEscape(q)
				do(t, ctx, chromedp.Navigate(addr))
				injected := "(no scripts)"
				if scripts {
					do(t, ctx, waitWasm())
					injected = "0"
				}
				state := eval[string](t, ctx, `[location.href, document.readyState,
					typeof window.__injected === "number" ? window.__injected : "(no scripts)",
					document.querySelectorAll("meta[http-equiv]").length,
					document.querySelectorAll("a[href*='evil.example']").length,
					document.querySelectorAll("input").length,
					document.getElementById("q") ? document.getElementById("q").value : "(no search box)"].join("\n")`)
				want := strings.Join([]string{addr, "complete", injected, "0", "0", "1", q}, "\n")
				if state != want {
					t.Errorf("%s, scripts %v, q=%q:\n got %q\nwant %q", path, scripts, q, state, want)
				}
			}
		}
	}
	if n := visits.Load(); n != 0 {
		t.Errorf("the browser was sent elsewhere %d times", n)
	}
}
