//go:build !wasm

package main

import (
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

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
		if !scripts {
			do(t, ctx, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
		}
		for _, page := range []string{"/", "/embed"} {
			for _, q := range payloads {
				addr := base + page + "?q=" + url.QueryEscape(q)
				do(t, ctx, chromedp.Navigate(addr))
				if scripts {
					do(t, ctx, waitWasm())
				}
				time.Sleep(1500 * time.Millisecond) // a refresh after 0 s would have happened
				state := eval[string](t, ctx, `[location.href,
					document.querySelectorAll("meta[http-equiv]").length,
					document.querySelectorAll("a[href*='evil.example']").length,
					document.querySelectorAll("input").length,
					document.getElementById("q") ? document.getElementById("q").value : "(no search box)"].join("\n")`)
				want := strings.Join([]string{addr, "0", "0", "1", q}, "\n")
				if state != want {
					t.Errorf("%s, scripts %v, q=%q:\n got %q\nwant %q", page, scripts, q, state, want)
				}
			}
		}
	}
	if n := visits.Load(); n != 0 {
		t.Errorf("the browser was sent elsewhere %d times", n)
	}
}
