//go:build !wasm

package main

// Browser tests for the accessibility criteria in app/ui/ACCESSIBILITY.md,
// each run in both of the page's states (before the app starts, with
// app.wasm held back so that web/page.js and the small wasm answer; and
// once the app runs) on both of its pages (/ and /embed).

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// startApp serves the app, opens it in Chromium at path and waits for the
// app to start.
func startApp(t *testing.T, path string) context.Context {
	t.Helper()
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(base+path), waitWasm())
	return ctx
}

// typeAndWait types q into the search box and waits for the app's answer
// and, after the pause, the live region's.
func typeAndWait(t *testing.T, ctx context.Context, q string) {
	t.Helper()
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), q),
		poll(fmt.Sprintf(`document.getElementById("status").textContent.includes(%q)`, q), 10*time.Second))
}

// uiState is one of the two states the page is in: before the app starts
// (held: app.wasm is not served, so page.js and the small wasm answer) and
// once the app runs.
type uiState struct {
	name string
	held bool
}

var (
	uiStates = []uiState{{"before start", true}, {"app running", false}}
	uiPages  = []string{"/", "/embed"}
)

// eachStateAndPage runs check as a subtest in each state on each page: a
// fresh server and browser, the setup actions run, then path+query opened
// and, in the running state, the app started. Before start, it fails the
// subtest if the app started after all: it would prove nothing.
func eachStateAndPage(t *testing.T, query string, setup []chromedp.Action[chromedp.Void], check func(t *testing.T, ctx context.Context, path string)) {
	for _, s := range uiStates {
		for _, path := range uiPages {
			t.Run(s.name+" "+path, func(t *testing.T) {
				hold, release := holdWasm(t)
				if !s.held {
					release()
				}
				base := startServer(t, nil, hold)
				ctx := newBrowser(t)
				do(t, ctx, setup...)
				do(t, ctx, bypassCSP(), chromedp.Navigate(base+path+query))
				if s.held {
					do(t, ctx, poll(`typeof window.askforhelpAnnounce === "function"`, 10*time.Second))
				} else {
					do(t, ctx, waitWasm())
				}
				check(t, ctx, path)
				if s.held {
					notStarted(t, ctx)
				}
			})
		}
	}
}

// said records, in window.__said, every text the live region is given
// from when the page is parsed, as a screen reader would hear it: a change
// to its text, wherever the region is (the app draws it anew when it
// starts: a region drawn again with the same text says nothing new, and an
// emptied one says nothing).
const said = `window.__said = [];
document.addEventListener("DOMContentLoaded", () => {
  const text = () => { const s = document.getElementById("status"); return s ? s.textContent : ""; };
  let last = text();
  new MutationObserver(() => {
    const now = text();
    if (now !== last && now !== "") window.__said.push(now);
    last = now;
  }).observe(document.body, { childList: true, characterData: true, subtree: true });
});`

// recordSaid installs said in every page the tab opens.
func recordSaid() chromedp.Action[chromedp.Void] {
	return onNewDocument(said)
}

// TestSearchBoxCriteria (criteria 1-6): the search box is reached with
// "/" from anywhere (and a skip link on /), shows the keyboard's focus, is
// an editable combobox with a visible label, holds the value from the
// address, says that it offers suggestions (and which listbox), and
// explains how to use it; axe finds nothing.
func TestSearchBoxCriteria(t *testing.T) {
	eachStateAndPage(t, "?q=deploy", nil, func(t *testing.T, ctx context.Context, path string) {
		got := eval[string](t, ctx, `(() => { const q = document.getElementById("q"), l = document.querySelector("label[for=q]");
			const c = document.getElementById(q.getAttribute("aria-controls"));
			return [q.tagName, q.type, q.getAttribute("role"), l && l.offsetWidth > 0 && l.textContent, q.value,
				q.getAttribute("aria-autocomplete"), c && c.getAttribute("role"), q.getAttribute("aria-expanded")].join("|"); })()`)
		if want := "INPUT|text|combobox|What do you need help with?|deploy|list|listbox|true"; got != want {
			t.Errorf("tag|type|role|visible label|value|aria-autocomplete|controls|aria-expanded = %q, want %q", got, want)
		}
		desc := eval[string](t, ctx, `(document.getElementById("q").getAttribute("aria-describedby") || "").split(/\s+/)
			.map((id) => { const e = document.getElementById(id); return e ? e.textContent : "MISSING#" + id; }).join(" ")`)
		for _, want := range []string{"up and down arrow", "Enter", "new tab", "Escape"} {
			if !strings.Contains(desc, want) {
				t.Errorf("the search box's description %q does not mention %q", desc, want)
			}
		}
		if path == "/" {
			if got := eval[string](t, ctx, `(document.querySelector("a.govuk-skip-link") || {}).hash || ""`); got != "#q" {
				t.Errorf("the skip link goes to %q, want #q", got)
			}
		}
		outline := `(() => { const s = getComputedStyle(document.getElementById("q")); return s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor; })()`
		eval[bool](t, ctx, `document.activeElement.blur(), true`)
		before := eval[string](t, ctx, outline)
		do(t, ctx, pressSlash(), poll(`document.activeElement === document.getElementById("q")`, 5*time.Second))
		if v := eval[string](t, ctx, `document.getElementById("q").value`); v != "deploy" {
			t.Errorf(`after "/" the search box holds %q, want "deploy" (no "/")`, v)
		}
		if after := eval[string](t, ctx, outline); after == before || !strings.HasPrefix(after, "solid 3px rgb(255, 221, 0)") {
			t.Errorf("focused, the search box's outline is %q (unfocused: %q), want 3px solid yellow", after, before)
		}
		checkAxe(t, ctx, "?q=deploy, focused")
	})
}

// TestListCriteria (criteria 7-18): typing opens the list (aria-expanded)
// and, once typing pauses, the live region says once how many teams match
// and what Enter opens; Enter with nothing highlighted opens the first
// team's channel in a new tab and says so, the focus staying in the box;
// Up and Down highlight each option in turn (aria-activedescendant,
// aria-selected, "i of n"), wrapping at the ends, and scroll it into view;
// a click highlights an option and leaves the focus in the box; Enter
// opens the highlighted one; every link that opens a new tab says so;
// Escape closes the list; no match is said; axe finds nothing.
func TestListCriteria(t *testing.T) {
	setup := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(1024, 400), recordSaid()}
	eachStateAndPage(t, "", setup, func(t *testing.T, ctx context.Context, path string) {
		opened := watchTabs(ctx)
		// A link's name and description, as a screen reader reads them.
		silent := `[...document.querySelectorAll("a[target=_blank]")].filter((a) => !(a.textContent + " " + (a.getAttribute("aria-describedby") || "")
			.split(/\s+/).map((id) => (document.getElementById(id) || {textContent: ""}).textContent).join(" ")).includes("(opens in new tab)")).map((a) => a.textContent)`
		if links := eval[[]string](t, ctx, silent); len(links) > 0 {
			t.Errorf("browsing: links open a new tab without saying so: %q", links)
		}
		do(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), "govuk"), waitText("#status", "match govuk"), chromedp.Sleep(announceWait))
		channels := eval[[]string](t, ctx, `[...document.querySelectorAll("[role=option] .option__channel")].map((e) => e.textContent)`)
		n := len(channels)
		if n < 4 {
			t.Fatalf("govuk lists %d teams: the test needs 4", n)
		}
		want := fmt.Sprintf("%d teams match govuk. Enter opens %s.", n, channels[0])
		if got := eval[[]string](t, ctx, `window.__said`); len(got) != 1 || got[0] != want {
			t.Errorf("typing govuk, the live region said %q, want once %q", got, want)
		}
		if got := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-expanded")`); got != "true" {
			t.Errorf("with %d options aria-expanded = %q", n, got)
		}
		pos := eval[[]string](t, ctx, `[...document.querySelectorAll("[role=option]")].map((o) => o.getAttribute("aria-posinset") + "/" + o.getAttribute("aria-setsize"))`)
		for i, p := range pos {
			if w := fmt.Sprintf("%d/%d", i+1, n); p != w {
				t.Errorf("option %d is at %q in the set, want %s", i+1, p, w)
			}
		}
		if links := eval[[]string](t, ctx, silent); len(links) > 0 {
			t.Errorf("with results: links open a new tab without saying so: %q", links)
		}

		// Nothing highlighted: Enter opens the first team's, as said.
		enter := func(i int) {
			t.Helper()
			link := eval[string](t, ctx, fmt.Sprintf(`document.getElementById("result-%d-link").href`, i))
			do(t, ctx, pressKey("Enter", 13, "\r"))
			waitOpened(t, opened, link)
			do(t, ctx, waitText("#status", "Opened "+channels[i]+" in a new tab"), call(page.BringToFront, cdp.Empty{}))
			if !eval[bool](t, ctx, `document.activeElement === document.getElementById("q")`) {
				t.Errorf("after Enter opened option %d the search box no longer has the focus", i+1)
			}
		}
		if eval[bool](t, ctx, `document.getElementById("q").hasAttribute("aria-activedescendant")`) {
			t.Fatal("an option is highlighted before any key: the test would prove nothing")
		}
		enter(0)

		inView := func(i int) bool {
			return eval[bool](t, ctx, fmt.Sprintf(`(() => { const r = document.getElementById("result-%d").getBoundingClientRect();
				return r.top >= -1 && r.bottom <= window.innerHeight + 1; })()`, i)) // scrolling is by whole pixels
		}
		if inView(n - 1) {
			t.Fatalf("the last of %d options is in view before any key: the test would prove nothing", n)
		}
		highlighted := func(i int) {
			t.Helper()
			do(t, ctx, poll(fmt.Sprintf(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-%d"`, i), 5*time.Second),
				chromedp.Sleep(100*time.Millisecond))
			if got := eval[string](t, ctx, `[...document.querySelectorAll("[role=option]")].map((o) => o.getAttribute("aria-selected") === "true" ? "1" : "0").join("")`); got != strings.Repeat("0", i)+"1"+strings.Repeat("0", n-i-1) {
				t.Errorf("option %d highlighted: aria-selected = %s", i+1, got)
			}
			if !inView(i) {
				t.Errorf("option %d of %d is highlighted but out of view", i+1, n)
			}
		}
		for i := 0; i < n; i++ {
			do(t, ctx, pressKey("ArrowDown", 40, ""))
			highlighted(i)
		}
		do(t, ctx, pressKey("ArrowDown", 40, ""))
		highlighted(0) // wraps round
		do(t, ctx, pressKey("ArrowUp", 38, ""))
		highlighted(n - 1)
		checkAxe(t, ctx, "an option highlighted")

		do(t, ctx, chromedp.Click(chromedp.CSS("#result-2")))
		highlighted(2)
		if got := eval[string](t, ctx, `document.activeElement ? document.activeElement.id || document.activeElement.tagName : ""`); got != "q" {
			t.Fatalf("after clicking an option the focus is on %q, want the search box", got)
		}
		do(t, ctx, pressKey("ArrowDown", 40, ""))
		highlighted(3)
		enter(3)

		// The app empties the box, the answer's slot and the box's state at
		// once, and the live region in go-app's next render: wait for both.
		do(t, ctx, pressKey("Escape", 27, ""), poll(`document.getElementById("q").value === "" && document.querySelectorAll("[role=option]").length === 0
			&& document.getElementById("status").textContent === ""`, 5*time.Second))
		if got := eval[string](t, ctx, `(() => { const q = document.getElementById("q");
			return q.getAttribute("aria-expanded") + " " + q.hasAttribute("aria-activedescendant") + " [" + document.getElementById("status").textContent + "] " + location.search + " " + !!document.querySelector(".browse"); })()`); got != fmt.Sprintf("false false []  %v", path == "/") {
			t.Errorf("after Escape: aria-expanded, highlight, live region, search, every team listed = %q", got)
		}
		eval[bool](t, ctx, `window.__said = [], true`)
		do(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), "zzqx"), waitText("#status", "zzqx"), chromedp.Sleep(announceWait))
		if got := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-expanded") + " " + window.__said.join(" | ")`); got != "false No teams match zzqx" {
			t.Errorf("no match: aria-expanded and what the live region said = %q", got)
		}
		checkAxe(t, ctx, "no match")
	})
}

// TestCopyCopiesShownChannel: the Copy button copies the channel the card
// shows, after the card has changed as the query was typed.
func TestCopyCopiesShownChannel(t *testing.T) {
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, grantClipboard(base), chromedp.Navigate(base+"/"), waitWasm(),
		chromedp.SendKeys(chromedp.CSS("#q"), "de"), waitText(".card__copy", "Copy"))
	before := textOf(t, ctx, ".card__copy")
	typeAndWait(t, ctx, "ploy")
	shown := textOf(t, ctx, ".card__copy")
	if shown == before {
		t.Fatalf("the card shows %q for both de and deploy: the test would prove nothing", shown)
	}
	channel := strings.TrimPrefix(shown, "Copy ")
	do(t, ctx, chromedp.Click(chromedp.CSS(".card__copy")), waitText(".card__copied", "Copied"))
	if got := eval[string](t, ctx, `navigator.clipboard.readText()`); got != channel {
		t.Errorf("pressing %q put %q on the clipboard", shown, got)
	}
	if got := textOf(t, ctx, ".card__copied") + " | " + textOf(t, ctx, "#status"); got != "Copied "+channel+" | Copied "+channel {
		t.Errorf("pressing %q: the card and the live region say %q", shown, got)
	}
}

// grantClipboard lets the page at origin read and write the clipboard.
func grantClipboard(origin string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name}, Setting: "granted", Origin: origin,
			}); err != nil {
				return err
			}
		}
		return nil
	})
}

// TestValueSetWithoutTyping: a value set by other software (voice control
// sets the box's value, with an input event, a change event or none) is
// answered as if typed.
func TestValueSetWithoutTyping(t *testing.T) {
	// A headless page never has the system's focus, so focusing the box
	// fires no focus event; a person's browser does.
	setup := []chromedp.Action[chromedp.Void]{call(emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})}
	eachStateAndPage(t, "", setup, func(t *testing.T, ctx context.Context, path string) {
		for _, tc := range []struct{ event, query string }{
			{"input", "database migration"},
			{"change", "incident"},
			// With no event, the software has put the focus in the box.
			{"", "base images"},
		} {
			set := `q.focus();`
			if tc.event != "" {
				set = fmt.Sprintf(`q.dispatchEvent(new Event(%q, {bubbles: true}));`, tc.event)
			}
			eval[bool](t, ctx, fmt.Sprintf(`(() => { const q = document.getElementById("q"); q.blur();
				q.value = %q; %s return true; })()`, tc.query, set))
			do(t, ctx, poll(fmt.Sprintf(`document.getElementById("status").textContent.includes("match %s")`, tc.query), 5*time.Second))
			if got := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-expanded")`); got != "true" {
				t.Errorf("%q set with event %q: aria-expanded = %q", tc.query, tc.event, got)
			}
		}
	})
}
