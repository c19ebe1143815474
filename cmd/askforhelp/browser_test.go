//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPrerenderedHTML: the served page's raw HTML already lists every contact
// and channel of the seed page, so it reads without WebAssembly.
func TestPrerenderedHTML(t *testing.T) {
	base := startServer(t, nil, nil)
	body := get(t, base+"/")
	for _, c := range directory.Seed.Contacts {
		if !strings.Contains(body, c.Name) || !strings.Contains(body, c.Channel) {
			t.Errorf("raw HTML lacks %s (%s)", c.Name, c.Channel)
		}
		for _, r := range c.Responsibilities {
			if !strings.Contains(body, html.EscapeString(r)) {
				t.Errorf("raw HTML lacks %q", r)
			}
		}
	}
	for _, s := range directory.Seed.Escalation {
		if !strings.Contains(body, html.EscapeString(s.Text)) {
			t.Errorf("raw HTML lacks escalation step %q", s.Text)
		}
	}
	// Only the browser knows whether it offers to install the app.
	if strings.Contains(body, "govuk-header__install") {
		t.Error("the prerendered page shows an Install button")
	}
}

// TestServerRendersQuery: /?q=incident without WebAssembly answers with
// #govuk-2ndline-tech first, in the raw HTML and in a browser that runs no
// scripts.
func TestServerRendersQuery(t *testing.T) {
	base := startServer(t, nil, nil)
	body := get(t, base+"/?q=incident")
	first := firstOption(body)
	if !strings.Contains(first, teamFor("incident")) {
		t.Errorf("first option of /?q=incident in raw HTML = %q, want %s", first, teamFor("incident"))
	}

	ctx := newBrowser(t)
	do(t, ctx, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}), chromedp.Navigate(base+"/?q=incident"))
	if got := textOf(t, ctx, `[role=listbox] [role=option]`); !strings.Contains(got, teamFor("incident")) {
		t.Errorf("without scripts, first option = %q", got)
	}
	if got := textOf(t, ctx, ".card__title"); !strings.Contains(got, "Ask in "+teamFor("incident")) {
		t.Errorf("without scripts, the answer = %q", got)
	}
}

// TestWasmStartsAndSearches: after the wasm has started, the contacts are on
// the page and typing shows the answer as you type.
func TestWasmStartsAndSearches(t *testing.T) {
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(base+"/"), waitWasm())
	browse := textOf(t, ctx, "main")
	for _, c := range directory.Seed.Contacts {
		if !strings.Contains(browse, c.Name) || !strings.Contains(browse, c.Channel) {
			t.Errorf("after the wasm started, the page lacks %s (%s)", c.Name, c.Channel)
		}
	}
	tests := []struct{ query, channel string }{
		{"database migration", teamFor("database migration")},
		{"base images", teamFor("base images")},
		{"incident", teamFor("incident")},
	}
	for _, tt := range tests {
		do(t, ctx,
			clearSearch(),
			chromedp.SendKeys(chromedp.CSS("#q"), tt.query),
			waitText("#result-0", tt.channel),
		)
		if url := eval[string](t, ctx, `location.search`); !strings.Contains(url, "q=") {
			t.Errorf("after typing %q the address is %q, want ?q=", tt.query, url)
		}
		if got := textOf(t, ctx, ".card__title"); !strings.Contains(got, "Ask in "+tt.channel) {
			t.Errorf("%q: the answer says %q", tt.query, got)
		}
	}
}

// TestKeyboardOnly: "/" focuses the search from anywhere, then typing, Down
// and Enter open the selected channel in a new tab.
func TestKeyboardOnly(t *testing.T) {
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	opened := watchTabs(ctx)
	do(t, ctx, chromedp.Navigate(base+"/"), waitWasm())
	do(t, ctx,
		pressSlash(),
		poll(`document.activeElement && document.activeElement.id === "q"`, 5*time.Second),
		chromedp.KeyEvent("base images"),
		waitText("#result-0", teamFor("base images")),
		chromedp.KeyEvent(kb.ArrowDown),
		poll(`document.getElementById("q").getAttribute("aria-activedescendant") === "result-0"`, 5*time.Second),
	)
	if value := eval[string](t, ctx, `document.getElementById("q").value`); value != "base images" {
		t.Errorf(`after "/" and typing, the search box holds %q; want "base images" (no "/")`, value)
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitOpened(t, opened, directory.ChannelURL(teamFor("base images")))
}

// watchTabs reports the address of every tab the browser opens or moves.
func watchTabs(ctx context.Context) <-chan string {
	opened := make(chan string, 64)
	created := chromedp.BrowserEvents(ctx, target.TargetCreated)
	changed := chromedp.BrowserEvents(ctx, target.TargetInfoChanged)
	go func() {
		for ev, err := range created {
			if err != nil {
				return
			}
			opened <- ev.TargetInfo.URL
		}
	}()
	go func() {
		for ev, err := range changed {
			if err != nil {
				return
			}
			opened <- ev.TargetInfo.URL
		}
	}()
	return opened
}

// waitOpened waits up to 10 s for a tab at want.
func waitOpened(t *testing.T, opened <-chan string, want string) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case u := <-opened:
			if u == want {
				return
			}
		case <-deadline:
			t.Fatalf("Enter did not open %s", want)
		}
	}
}

// pressKey presses and releases a key as a keyboard does: one keyDown
// (carrying its text, if any), one keyUp. chromedp.KeyEvent sends Enter's
// "\r" as a separate char event, which a prevented keydown does not stop.
func pressKey(key string, code int64, text string) chromedp.Action[chromedp.Void] {
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: key, WindowsVirtualKeyCode: code, NativeVirtualKeyCode: code, Text: text, UnmodifiedText: text}
	if text == "" {
		down.Type = input.DispatchKeyEventTypeRawKeyDown
	}
	up := down
	up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	return chromedp.Steps(call(input.DispatchKeyEvent, down), call(input.DispatchKeyEvent, up))
}

// TestTypingBeforeWasm: what is typed before the wasm has loaded is still
// there after it loads, the focus too, the right answer shows, and the
// layout does not shift.
func TestTypingBeforeWasm(t *testing.T) {
	hold, release := holdWasm(t)
	base := startServer(t, nil, hold)
	ctx := newBrowser(t)
	do(t, ctx, onNewDocument(clsObserver))
	do(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.SendKeys(chromedp.CSS("#q"), "database migration"),
	)
	if !eval[bool](t, ctx, `document.getElementById("app-wasm-loader") !== null`) {
		t.Fatal("the wasm started before it was released: the test would prove nothing")
	}
	release()
	do(t, ctx, waitWasm(), waitText("#result-0", teamFor("database migration")))
	value := eval[string](t, ctx, `document.getElementById("q").value`)
	focused := eval[bool](t, ctx, `document.activeElement !== null && document.activeElement.id === "q"`)
	if value != "database migration" {
		t.Errorf("after the wasm loaded the search box holds %q", value)
	}
	if !focused {
		t.Error("after the wasm loaded the search box lost the focus")
	}
	do(t, ctx, chromedp.Sleep(300*time.Millisecond))
	cls := eval[float64](t, ctx, `window.__cls`)
	t.Logf("cumulative layout shift: %.4f", cls)
	if cls > 0 {
		t.Errorf("the layout shifted when the wasm started: CLS %.4f, want 0: %v", cls, eval[[]string](t, ctx, `window.__shifts`))
	}
}

// TestAppStartsWhenTypingPauses: starting the app holds the page's main
// thread, so while the small wasm answers what is typed (on `serve` and on
// a static host alike), the app waits for typing to pause before it
// starts; without the small wasm, it starts at once. Either way it ends up
// answering what was typed.
func TestAppStartsWhenTypingPauses(t *testing.T) {
	for _, tc := range []struct {
		site       int  // index in sites
		noAnswerer bool // answer.wasm is missing
		wantDuring bool // the app is fetched while typing goes on
	}{
		{0, false, false},
		{1, false, false},
		{1, true, true},
	} {
		name := sites[tc.site].name
		if tc.noAnswerer {
			name += ", no answerer"
		}
		t.Run(name, func(t *testing.T) {
			wrap := func(h http.Handler) http.Handler {
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if tc.noAnswerer && strings.Contains(r.URL.Path, "answer.wasm") {
						http.NotFound(w, r)
						return
					}
					h.ServeHTTP(w, r)
				})
			}
			home := sites[tc.site].start(t, wrap)
			ctx := newBrowser(t)
			do(t, ctx,
				onNewDocument(fmt.Sprintf(steadyTypist, "database migration")),
				chromedp.Navigate(home),
				poll(`window.__typedAt >= 0`, 20*time.Second),
				waitWasm(),
				waitText("#result-0", teamFor("database migration")),
			)
			if got := eval[string](t, ctx, `document.getElementById("q").value`); got != "database migration" {
				t.Errorf("the search box holds %q", got)
			}
			if n := eval[int](t, ctx, `performance.getEntriesByName("askforhelp:search").length`); n == 0 {
				t.Error("the app has not searched what was typed: the answer shown is the small wasm's")
			}
			fetched := eval[float64](t, ctx, `(performance.getEntriesByType("resource").find((e) => /app\.wasm/.test(e.name)) || {startTime: -1}).startTime`)
			typed := eval[float64](t, ctx, `window.__typedAt`)
			if fetched < 0 {
				t.Fatal("app.wasm was never fetched")
			}
			if during := fetched < typed; during != tc.wantDuring {
				t.Errorf("app.wasm fetched at %.0f ms, typing ended at %.0f ms: fetched while typing = %v, want %v", fetched, typed, during, tc.wantDuring)
			}
		})
	}
}

// steadyTypist types a query into the search box from inside the page, one
// character every 50 ms from when the page is parsed, so that no pause in
// the typing comes from driving the browser; window.__typedAt is when it
// typed the last one.
const steadyTypist = `window.__typedAt = -1;
document.addEventListener("DOMContentLoaded", () => {
  const text = %q;
  let i = 0;
  const id = setInterval(() => {
    const q = document.getElementById("q");
    q.focus();
    q.value += text[i];
    q.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text[i] }));
    if (++i === text.length) { clearInterval(id); window.__typedAt = performance.now(); }
  }, 50);
});`

// clsObserver sums layout shifts not caused by recent input, as the
// Cumulative Layout Shift metric does.
const clsObserver = `window.__cls = 0; window.__shifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__cls += e.value;
    window.__shifts.push(Math.round(e.startTime) + "ms " + e.value.toFixed(4) + ": " + (e.sources || []).map(s => s.node ?
      (s.node.id || s.node.className || s.node.nodeName) + " " + JSON.stringify(s.previousRect) + " -> " + JSON.stringify(s.currentRect) : "?").join(", "));
  }
}).observe({type: "layout-shift", buffered: true});`

// TestAccessibility: axe-core finds no WCAG 2.2 A/AA or best-practice
// violations when browsing, with results and with no results.
func TestAccessibility(t *testing.T) {
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, bypassCSP(), chromedp.Navigate(base+"/"), waitWasm())
	checkAxe(t, ctx, "browse")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), "database migration"), waitText("#result-0", teamFor("database migration")),
		chromedp.KeyEvent(kb.ArrowDown))
	checkAxe(t, ctx, "results")
	do(t, ctx, clearSearch(), chromedp.SendKeys(chromedp.CSS("#q"), "zzqx"), waitText("main", "No team matches"))
	checkAxe(t, ctx, "no results")
}

// TestDataIsText: text from the data is rendered as text, never as HTML.
func TestDataIsText(t *testing.T) {
	d := *directory.Seed
	d.Contacts = append([]directory.Contact{}, d.Contacts...)
	evil := `<script>window.__pwned = 1</script> team <img src=x onerror="window.__pwned=2">`
	d.Contacts[2].Name = evil
	d.Contacts[2].Responsibilities = append([]string{"runs <b>incident</b> <script>window.__pwned=3</script>"}, d.Contacts[2].Responsibilities...)
	base := startServer(t, &d, nil)

	body := get(t, base+"/?q=incident")
	if strings.Contains(body, "<script>window.__pwned") || strings.Contains(body, "<img src=x") {
		t.Error("the raw HTML contains the data's markup unescaped")
	}
	ctx := newBrowser(t)
	do(t, ctx, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}), chromedp.Navigate(base+"/?q=incident"))
	if got := textOf(t, ctx, ".card__team"); got != evil {
		t.Errorf("the team's name shows as %q, want it literally: %q", got, evil)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("main script, main img, main b").length`); n != 0 {
		t.Errorf("%d elements were made from the data's text", n)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, res.Status)
	}
	return string(b)
}

// firstOption is the raw HTML of the first role=option element.
func firstOption(body string) string {
	i := strings.Index(body, `role="option"`)
	if i < 0 {
		return ""
	}
	rest := body[i:]
	if j := strings.Index(rest, "</li>"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// pressSlash types "/" as a keyboard does: one keyDown that carries its
// text, so that a page that cancels the keydown also cancels the character.
func pressSlash() chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		call(input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", UnmodifiedText: "/", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}),
		call(input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}),
	)
}

// clearSearch empties the search box as selecting all and deleting would.
func clearSearch() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`(() => { const q = document.getElementById("q"); q.focus(); q.select();
			document.execCommand("delete"); return q.value === ""; })()`)(ctx, t)
		return err
	})
}

// screenshots, when set (make screenshot), is the folder TestScreenshot
// writes the README's pictures into.
var screenshots = flag.String("screenshots", "", "write PNGs of answers (answer.png, app-answer.png) into this folder")

// TestScreenshot takes the README's screenshots, of a question the Ask for
// help page answers and of one about an app, with the same tooling as the
// other browser tests; it is skipped unless -screenshots names a folder.
func TestScreenshot(t *testing.T) {
	if *screenshots == "" {
		t.Skip("no -screenshots folder given (make screenshot)")
	}
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1000, 900), chromedp.Navigate(base+"/"), waitWasm())
	for _, s := range []struct{ file, query, channel string }{
		{"answer.png", "database migration", teamFor("database migration")},
		{"app-answer.png", "whitehall", teamFor("whitehall")},
	} {
		do(t, ctx, searchFor(s.query, s.channel), chromedp.Sleep(announceWait))
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*screenshots, s.file), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// announceWait outlasts the live region's debounce.
const announceWait = time.Second

// TestNarrowScreen: from 320 px wide nothing needs scrolling sideways, and
// the answer and the escalation order are still there.
func TestNarrowScreen(t *testing.T) {
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(320, 640), chromedp.Navigate(base+"/?q=database+migration"), waitWasm(),
		waitText("#result-0", teamFor("database migration")))
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
		t.Errorf("the page is %dpx wide at 320px", w)
	}
	for _, sel := range []string{".card__title", "#escalation", "#q"} {
		if !eval[bool](t, ctx, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return r.width > 0 && r.right <= 320; })()`, sel)) {
			t.Errorf("%s does not fit in 320px", sel)
		}
	}
}

// TestCopyChannel: the copy button puts the channel's name on the clipboard.
func TestCopyChannel(t *testing.T) {
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, grantClipboard(base),
		chromedp.Navigate(base+"/?q=base+images"), waitWasm(),
		waitWords(), // the answer is drawn again once the words file is in
		chromedp.Click(chromedp.CSS(".card__copy")),
		waitText(".card__copied", "Copied "+teamFor("base images")),
	)
	if got := eval[string](t, ctx, `navigator.clipboard.readText()`); got != teamFor("base images") {
		t.Errorf("the clipboard holds %q", got)
	}
}

// TestLiveRegionAndEscape: once typing pauses, the polite live region says
// how many teams match; Escape clears the search and closes the list.
func TestLiveRegionAndEscape(t *testing.T) {
	base := startServer(t, nil, nil)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(base+"/"), waitWasm(),
		chromedp.SendKeys(chromedp.CSS("#q"), "database migration"),
		waitText("#status", "database migration"))
	n := eval[int](t, ctx, `document.querySelectorAll("[role=option]").length`)
	if got, want := eval[string](t, ctx, `(() => { const s = document.getElementById("status"); return s.getAttribute("role") + " " + s.getAttribute("aria-live") + " " + s.textContent; })()`),
		fmt.Sprintf("status polite %d teams match database migration. Enter opens %s.", n, teamFor("database migration")); n < 2 || got != want {
		t.Errorf("the live region is %q, want %q", got, want)
	}
	do(t, ctx, chromedp.KeyEvent(kb.Escape), poll(`document.getElementById("q").value === "" && document.querySelectorAll("[role=option]").length === 0`, 5*time.Second))
	if got := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-expanded") + " " + document.querySelectorAll("[role=option]").length + " " + location.search`); got != "false 0 " {
		t.Errorf("after Escape: aria-expanded, options, search = %q", got)
	}
}
