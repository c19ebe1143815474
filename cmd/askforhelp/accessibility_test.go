//go:build !wasm

package main

// Browser tests for the accessibility criteria in app/ui/ACCESSIBILITY.md,
// once the app runs.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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

// TestUsageHint (criterion 6): the combobox's description says how to use
// it: the arrow keys, Enter, and that Enter opens a new tab.
func TestUsageHint(t *testing.T) {
	ctx := startApp(t, "/")
	desc := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-describedby").split(/\s+/)
		.map((id) => { const e = document.getElementById(id); return e ? e.textContent : "MISSING#" + id; }).join(" ")`)
	for _, want := range []string{"up and down arrow", "Enter", "new tab"} {
		if !strings.Contains(desc, want) {
			t.Errorf("the search box's description %q does not mention %q", desc, want)
		}
	}
}

// TestPreselectedAnnounced (criterion 15): with nothing highlighted, Enter
// opens the first team's channel, and the live region has said so.
func TestPreselectedAnnounced(t *testing.T) {
	ctx := startApp(t, "/")
	opened := watchTabs(ctx)
	typeAndWait(t, ctx, "deploy")
	first := eval[string](t, ctx, `document.querySelector("#result-0 .option__channel").textContent`)
	url := eval[string](t, ctx, `document.getElementById("result-0-link").href`)
	if said := textOf(t, ctx, "#status"); !strings.Contains(said, "Enter opens "+first) {
		t.Errorf("the live region says %q: it does not say that Enter opens %s", said, first)
	}
	if eval[bool](t, ctx, `document.getElementById("q").hasAttribute("aria-activedescendant")`) {
		t.Fatal("an option is highlighted: the test would prove nothing")
	}
	do(t, ctx, pressKey("Enter", 13, "\r"))
	waitOpened(t, opened, url)
}

// TestOpenAnnounced (criterion 17): Enter opening a channel is announced,
// and every link that opens a new tab says so.
func TestOpenAnnounced(t *testing.T) {
	ctx := startApp(t, "/")
	// A link's name and description, as a screen reader reads them.
	silent := `[...document.querySelectorAll("a[target=_blank]")].filter((a) => !(a.textContent + " " + (a.getAttribute("aria-describedby") || "")
		.split(/\s+/).map((id) => (document.getElementById(id) || {textContent: ""}).textContent).join(" ")).includes("(opens in new tab)")).map((a) => a.textContent)`
	if links := eval[[]string](t, ctx, silent); len(links) > 0 {
		t.Errorf("browsing: links open a new tab without saying so: %q", links)
	}
	typeAndWait(t, ctx, "deploy")
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown),
		poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-1"`, 5*time.Second))
	if links := eval[[]string](t, ctx, silent); len(links) > 0 {
		t.Errorf("with results: links open a new tab without saying so: %q", links)
	}
	channel := eval[string](t, ctx, `document.querySelector("#result-1 .option__channel").textContent`)
	do(t, ctx, pressKey("Enter", 13, "\r"))
	do(t, ctx, poll(`document.getElementById("status").textContent !== ""`, 5*time.Second))
	if said, want := textOf(t, ctx, "#status"), "Opened "+channel+" in a new tab"; said != want {
		t.Errorf("after Enter the live region says %q, want %q", said, want)
	}
	// Criterion 18: back on this page, the focus is where it was.
	if !eval[bool](t, ctx, `document.activeElement === document.getElementById("q")`) {
		t.Error("after Enter the search box no longer has the focus")
	}
}

// TestFocusVisible (criterion 2): the search box shows that it has the
// keyboard's focus, with GOV.UK's yellow outline.
func TestFocusVisible(t *testing.T) {
	ctx := startApp(t, "/")
	outline := `(() => { const s = getComputedStyle(document.getElementById("q")); return s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor; })()`
	before := eval[string](t, ctx, outline)
	do(t, ctx, pressSlash(), poll(`document.activeElement === document.getElementById("q")`, 5*time.Second))
	if after := eval[string](t, ctx, outline); after == before || !strings.HasPrefix(after, "solid 3px rgb(255, 221, 0)") {
		t.Errorf("focused, the search box's outline is %q (unfocused: %q), want 3px solid yellow", after, before)
	}
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

// TestClickOptionKeepsFocus: clicking an option highlights it and leaves
// the focus in the search box, so that the keys still work.
func TestClickOptionKeepsFocus(t *testing.T) {
	ctx := startApp(t, "/")
	opened := watchTabs(ctx)
	typeAndWait(t, ctx, "govuk")
	do(t, ctx, chromedp.Click(chromedp.CSS("#result-2")),
		poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-2"`, 5*time.Second))
	if got := eval[string](t, ctx, `document.activeElement ? document.activeElement.id || document.activeElement.tagName : ""`); got != "q" {
		t.Fatalf("after clicking an option the focus is on %q, want the search box", got)
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown),
		poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-3"`, 5*time.Second))
	url := eval[string](t, ctx, `document.getElementById("result-3-link").href`)
	do(t, ctx, pressKey("Enter", 13, "\r"))
	waitOpened(t, opened, url)
}

// TestActiveOptionScrolledIntoView: an option highlighted with the arrow
// keys below the fold is scrolled into view.
func TestActiveOptionScrolledIntoView(t *testing.T) {
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1024, 500), chromedp.Navigate(base+"/"), waitWasm())
	typeAndWait(t, ctx, "govuk")
	n := eval[int](t, ctx, `document.querySelectorAll("[role=option]").length`)
	inView := func(i int) bool {
		return eval[bool](t, ctx, fmt.Sprintf(`(() => { const r = document.getElementById("result-%d").getBoundingClientRect();
			return r.top >= -1 && r.bottom <= window.innerHeight + 1; })()`, i)) // scrolling is by whole pixels
	}
	if inView(n - 1) {
		t.Fatalf("the last of %d options is in view before any key: the test would prove nothing", n)
	}
	for i := 0; i < n; i++ {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowDown),
			poll(fmt.Sprintf(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-%d"`, i), 5*time.Second),
			chromedp.Sleep(100*time.Millisecond))
		if !inView(i) {
			t.Errorf("option %d of %d is highlighted but out of view", i+1, n)
		}
	}
}

// TestValueSetWithoutTyping: a value set by other software (voice control
// sets the box's value, with an input event, a change event or none) is
// answered as if typed.
func TestValueSetWithoutTyping(t *testing.T) {
	for _, event := range []string{"input", "change", ""} {
		t.Run("event "+event, func(t *testing.T) {
			ctx := startApp(t, "/")
			// A headless page never has the system's focus, so focusing the
			// box fires no focus event; a person's browser does.
			do(t, ctx, call(emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}))
			// An event is enough, with or without the focus; with none, the
			// software has put the focus in the box first.
			set := `q.focus();`
			if event != "" {
				set = fmt.Sprintf(`q.dispatchEvent(new Event(%q, {bubbles: true}));`, event)
			}
			eval[bool](t, ctx, `(() => { const q = document.getElementById("q");
				q.value = "database migration"; `+set+` return true; })()`)
			do(t, ctx, poll(`(document.querySelector("#result-0") || {textContent: ""}).textContent.includes("#govuk-platform-engineering")`, 5*time.Second))
			if got := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-expanded")`); got != "true" {
				t.Errorf("aria-expanded = %q", got)
			}
		})
	}
}

// TestOptionsPositionInSet (optional criterion 14): each option says its
// position and how many there are, so that a screen reader says "2 of 6".
func TestOptionsPositionInSet(t *testing.T) {
	ctx := startApp(t, "/")
	typeAndWait(t, ctx, "govuk")
	got := eval[[]string](t, ctx, `[...document.querySelectorAll("[role=option]")].map((o) => o.getAttribute("aria-posinset") + "/" + o.getAttribute("aria-setsize"))`)
	if len(got) < 2 {
		t.Fatalf("%d options: the test would prove little", len(got))
	}
	for i, pos := range got {
		if want := fmt.Sprintf("%d/%d", i+1, len(got)); pos != want {
			t.Errorf("option %d is at %q in the set, want %s", i+1, pos, want)
		}
	}
}
