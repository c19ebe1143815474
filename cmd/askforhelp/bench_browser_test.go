//go:build !wasm

package main

// The bench report's browser measurements: the widget and the baseline,
// each loaded cold and warm in a fresh headless Chromium, driven like a
// person with the DevTools protocol, timed from inside the page.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alphagov/askforhelp/app/server"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The question the report times, and the answer that must come first.
const (
	benchQuery  = "database migration"
	benchAnswer = "#govuk-platform-engineering"
)

// benchProbe runs in every page before its own scripts (it is not subject
// to the page's CSP). It records, in performance.now() time (milliseconds
// since the navigation started):
//   - answerAt: when the first [role=option] first contains the answer;
//   - typedAt and lastTypedAt: the first and the last input event in the
//     search box;
//   - startedAt: when go-app's wasm loader left the page (the app started);
//   - for one armed keystroke, its keydown's timeStamp and the first and
//     last change to the page after it (mutations of the search box itself
//     and of the debounced live region #status do not count);
//
// and keeps the app's WebAssembly.Memory (Go exports it as "mem") by
// wrapping WebAssembly.instantiate(Streaming).
const benchProbe = `(() => {
  const B = window.__bench = { answerAt: -1, typedAt: -1, lastTypedAt: -1, startedAt: -1, sawLoader: false, arm: false, key: null, mem: null };
  const want = %q;
  const counts = (n) => {
    const e = n.nodeType === 1 ? n : n.parentElement;
    return !!e && e.id !== "q" && !e.closest("#status");
  };
  new MutationObserver((records) => {
    const now = performance.now();
    if (B.answerAt < 0) {
      const o = document.querySelector("[role=option]");
      if (o && o.textContent.includes(want)) B.answerAt = now;
    }
    const loader = document.getElementById("app-wasm-loader");
    if (loader) B.sawLoader = true;
    else if (B.sawLoader && B.startedAt < 0) B.startedAt = now;
    if (B.key && records.some((r) => counts(r.target))) {
      if (B.key.first < 0) B.key.first = now;
      B.key.last = now;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  addEventListener("input", (e) => {
    if (!e.target || e.target.id !== "q") return;
    B.lastTypedAt = performance.now();
    if (B.typedAt < 0) B.typedAt = B.lastTypedAt;
  }, true);
  addEventListener("keydown", (e) => {
    if (B.arm) { B.arm = false; B.key = { down: e.timeStamp, first: -1, last: -1 }; }
  }, true);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  // until resolves with f() once it is not null, or with null after ms.
  B.until = async (f, ms) => {
    const end = performance.now() + ms;
    for (;;) {
      const v = f();
      if (v !== null) return v;
      if (performance.now() > end) return null;
      await sleep(10);
    }
  };
  // settled resolves with the armed keystroke's timing once the page has not
  // changed for quiet ms after it, or with first = -1 after ms with no change.
  B.settled = (quiet, ms) => B.until(() => {
    const k = B.key;
    if (!k) return null;
    if (k.first >= 0 && performance.now() - k.last >= quiet) return k;
    if (k.first < 0 && performance.now() - k.down > ms) return k;
    return null;
  }, ms + 1000);
  const wrap = (name) => {
    const f = WebAssembly[name];
    if (!f) return;
    WebAssembly[name] = function (...args) {
      return f.apply(this, args).then((r) => {
        const inst = r instanceof WebAssembly.Instance ? r : r.instance;
        for (const v of Object.values((inst && inst.exports) || {})) {
          if (v instanceof WebAssembly.Memory) { B.mem = v; break; }
        }
        return r;
      });
    };
  };
  wrap("instantiateStreaming");
  wrap("instantiate");
})();`

// benchVisitJS reads a visit's figures once the answer is shown; it waits
// up to 5 s for the first contentful paint, which can come after an answer.
const benchVisitJS = `(async () => {
  const B = window.__bench;
  const fcp = () => { const e = performance.getEntriesByName("first-contentful-paint")[0]; return e ? e.startTime : null; };
  const wasm = performance.getEntriesByType("resource").filter((e) => /app\.wasm/.test(e.name))[0];
  return {
    fcp_ms: (await B.until(fcp, 5000)) ?? -1,
    answer_ms: B.answerAt,
    typed_ms: B.typedAt,
    last_typed_ms: B.lastTypedAt,
    started_ms: B.startedAt,
    wasm_fetched_ms: wasm ? wasm.responseEnd : -1,
    wasm_transfer_bytes: wasm ? wasm.transferSize : -1,
    wasm_encoded_bytes: wasm ? wasm.encodedBodySize : -1,
    controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
  };
})()`

// benchWorkerReadyJS waits until the service worker is active and holds
// app.wasm and the page, so that the next visit is served by it.
const benchWorkerReadyJS = `(async () => {
  if (!("serviceWorker" in navigator)) return "no service worker in this browser";
  const end = performance.now() + 20000;
  while (performance.now() < end) {
    const reg = await navigator.serviceWorker.getRegistration();
    if (reg && reg.active && reg.active.state === "activated" &&
        await caches.match("/web/app.wasm") && await caches.match("/")) return "";
    await new Promise((r) => setTimeout(r, 50));
  }
  return "after 20 s the service worker was not active with app.wasm and / cached";
})()`

// visit is one page load timed to the first right answer.
type visit struct {
	FCP          float64 `json:"fcp_ms"`
	Answer       float64 `json:"answer_ms"`
	Typed        float64 `json:"typed_ms"`
	LastTyped    float64 `json:"last_typed_ms"`
	Started      float64 `json:"started_ms"`
	WasmFetched  float64 `json:"wasm_fetched_ms"`
	WasmTransfer float64 `json:"wasm_transfer_bytes"`
	WasmEncoded  float64 `json:"wasm_encoded_bytes"`
	Controlled   bool    `json:"controlled"`
	// Retyped counts the times the query was typed again because the
	// first typing was lost while the app started.
	Retyped int `json:"retyped"`
}

// pageRun is one fresh browser's measurements of a page: a cold visit, the
// keystrokes typed on it, then a warm visit.
type pageRun struct {
	Cold      visit     `json:"cold"`
	Warm      visit     `json:"warm"`
	Keys      []float64 `json:"keystroke_ms"`
	Unchanged int       `json:"keystrokes_unchanged"`
	PeakHeap  float64   `json:"peak_js_heap_bytes"`
	WasmMem   float64   `json:"wasm_memory_bytes"`
	Worker    string    `json:"worker_problem,omitempty"`
	// Searches are the durations of User Timing measures named
	// "askforhelp:search" during the keystrokes, if the page makes them.
	Searches []float64 `json:"search_ms,omitempty"`
}

// keyTiming is one keystroke as the probe saw it.
type keyTiming struct {
	Down  float64 `json:"down"`
	First float64 `json:"first"`
	Last  float64 `json:"last"`
}

// warmGap is the least time between the cold visit's answer and the warm
// visit: a person comes back later, and Chromium writes its code caches
// (V8 caches a streamed wasm module's code about 2 s after compiling it).
const warmGap = 3 * time.Second

// runPage measures the page at url in a fresh browser (a new, empty
// profile). app says whether it is the go-app widget, which has a service
// worker to wait for and a wasm loader to outlast.
func runPage(t *testing.T, url string, app bool) (r pageRun, err error) {
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, call(page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: fmt.Sprintf(benchProbe, benchAnswer)})); err != nil {
		return r, err
	}
	stop := sampleHeap(ctx)
	defer func() { r.PeakHeap = stop() }()

	if r.Cold, err = timeVisit(ctx, url); err != nil {
		return r, fmt.Errorf("cold visit: %w", err)
	}
	answered := time.Now()
	if app {
		if err := chromedp.Do(ctx, waitWasm()); err != nil {
			return r, err
		}
	}
	if r.Keys, r.Unchanged, err = timeKeystrokes(ctx, benchQuery); err != nil {
		return r, fmt.Errorf("keystrokes: %w", err)
	}
	if r.Searches, err = chromedp.Run(ctx, chromedp.Evaluate[[]float64](`performance.getEntriesByName("askforhelp:search").map((e) => e.duration)`)); err != nil {
		return r, err
	}
	if app {
		if r.WasmMem, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`__bench.mem ? __bench.mem.buffer.byteLength : -1`)); err != nil {
			return r, err
		}
		if r.Worker, err = chromedp.Run(ctx, chromedp.Evaluate[string](benchWorkerReadyJS, chromedp.EvalAwaitPromise)); err != nil {
			return r, err
		}
	}
	time.Sleep(time.Until(answered.Add(warmGap)))
	if r.Warm, err = timeVisit(ctx, url); err != nil {
		return r, fmt.Errorf("warm visit: %w", err)
	}
	if app {
		m, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`__bench.mem ? __bench.mem.buffer.byteLength : -1`))
		if err != nil {
			return r, err
		}
		r.WasmMem = max(r.WasmMem, m)
	}
	return r, nil
}

// timeVisit loads url from about:blank and, as soon as the search box
// exists, types the query into it as a fast typist would, one character
// every -bench-keystroke (0: all at once, as a paste), then waits for the
// right answer. A person cannot type before the box is there, nor faster
// than they type; how soon the page is ready is the "app started" figure.
func timeVisit(ctx context.Context, url string) (v visit, err error) {
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return v, err
	}
	if _, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: url}); err != nil {
		return v, err
	}
	// Poll from here rather than in the page: the page is being replaced.
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`location.protocol.startsWith("http") && typeof __bench === "object" && document.getElementById("q") !== null`))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			return v, fmt.Errorf("no search box in %s after 30 s (%v)", url, err)
		}
		time.Sleep(2 * time.Millisecond)
	}
	// Typing can be lost if it lands while go-app swaps the prerendered
	// page for its own (the box is empty once the app has started): type
	// again then, as a person would, up to twice, and count it.
	retyped := 0
	var at float64
	for {
		if err := typeQuery(ctx, benchQuery, *benchKeystroke); err != nil {
			return v, err
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`__bench.until(() => {
			if (__bench.answerAt >= 0) return __bench.answerAt;
			const lost = __bench.startedAt >= 0 && performance.now() - __bench.startedAt > 200 && document.getElementById("q").value === "";
			return lost ? -1 : null;
		}, 30000)`, chromedp.EvalAwaitPromise))
		if err != nil {
			if errors.Is(err, chromedp.ErrJSNull) {
				got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("[role=option]") || {textContent: "no option"}).textContent.trim().slice(0, 120) +
					" (search box: " + JSON.stringify(document.getElementById("q").value) + ", typed at " + __bench.typedAt.toFixed(0) + " ms, app started at " + __bench.startedAt.toFixed(0) + " ms)"`))
				return v, fmt.Errorf("%s: no %s in the first option 30 s after typing %q: %s", url, benchAnswer, benchQuery, got)
			}
			return v, err
		}
		if res >= 0 {
			at = res
			break
		}
		if retyped++; retyped > 2 {
			return v, fmt.Errorf("%s: what was typed was lost three times while the app started", url)
		}
	}
	// The app starts once typing pauses (web/page.js): wait for it, for the
	// "app started" and "app.wasm fetched" figures.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`__bench.until(() => !__bench.sawLoader || __bench.startedAt >= 0 || null, 30000)`, chromedp.EvalAwaitPromise)); err != nil {
		return v, fmt.Errorf("%s: the app did not start within 30 s of the answer: %w", url, err)
	}
	v, err = chromedp.Run(ctx, chromedp.Evaluate[visit](benchVisitJS, chromedp.EvalAwaitPromise))
	v.Answer, v.Retyped = at, retyped
	return v, err
}

// typeQuery focuses the search box and types query into it, one character
// every interval (all at once when interval is 0). Each character is an
// input event, as a keyboard's would be.
func typeQuery(ctx context.Context, query string, interval time.Duration) error {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("q").focus()`)); err != nil {
		return err
	}
	if interval <= 0 {
		return chromedp.Do(ctx, call(input.InsertText, input.InsertTextParams{Text: query}))
	}
	next := time.Now()
	for _, r := range query {
		time.Sleep(time.Until(next))
		next = next.Add(interval)
		if err := chromedp.Do(ctx, call(input.InsertText, input.InsertTextParams{Text: string(r)})); err != nil {
			return err
		}
	}
	return nil
}

// timeKeystrokes empties the search box, waits for the page to settle, then
// types query one key at a time (a keyDown that carries its text, then a
// keyUp) and times each from its keydown to the last change it made to the
// page. Keystrokes that change nothing within 1 s are counted apart.
func timeKeystrokes(ctx context.Context, query string) (ms []float64, unchanged int, err error) {
	clear := `(async () => {
		const q = document.getElementById("q"); q.focus(); q.select(); document.execCommand("delete");
		return q.value === "";
	})()`
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](clear, chromedp.EvalAwaitPromise))
	if err != nil || !ok {
		return nil, 0, fmt.Errorf("emptying the search box: %v", err)
	}
	// The delete's own update is armed as a keystroke would be; wait for it.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[keyTiming](`(performance.clearMeasures("askforhelp:search"), __bench.key = {down: performance.now(), first: -1, last: -1}, __bench.settled(150, 1000))`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, 0, err
	}
	for _, r := range query {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`__bench.arm = true; __bench.key = null`)); err != nil {
			return nil, 0, err
		}
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: string(r), Text: string(r), UnmodifiedText: string(r)}
		if k, ok := kb.Keys[r]; ok {
			down.Key, down.Code, down.WindowsVirtualKeyCode, down.NativeVirtualKeyCode = k.Key, k.Code, k.Windows, k.Native
		}
		up := down
		up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
		if err := chromedp.Do(ctx, call(input.DispatchKeyEvent, down)); err != nil {
			return nil, 0, err
		}
		kt, err := chromedp.Run(ctx, chromedp.Evaluate[keyTiming](`__bench.settled(40, 1000)`, chromedp.EvalAwaitPromise))
		if err != nil {
			return nil, 0, fmt.Errorf("key %q: %w", r, err)
		}
		if err := chromedp.Do(ctx, call(input.DispatchKeyEvent, up)); err != nil {
			return nil, 0, err
		}
		if kt.First < 0 {
			unchanged++
			continue
		}
		ms = append(ms, kt.Last-kt.Down)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("q").value`))
	if err == nil && got != query {
		err = fmt.Errorf("after typing %q the search box holds %q", query, got)
	}
	return ms, unchanged, err
}

// sampleHeap samples the page's JavaScript heap (Runtime.getHeapUsage:
// used size, precise, unlike performance.memory) every 100 ms until the
// returned func is called, which returns the largest sample.
func sampleHeap(ctx context.Context) func() float64 {
	var mu sync.Mutex
	var peak float64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			if h, err := chromedp.Call(ctx, runtime.GetHeapUsage, cdp.Empty{}); err == nil {
				mu.Lock()
				peak = max(peak, h.UsedSize)
				mu.Unlock()
			}
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		<-finished
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// runEngineInBrowser runs app/search's wasm test binary in a fresh
// Chromium with args, and returns what it printed and the browser's name.
func runEngineInBrowser(t *testing.T, base string, args ...string) (out, browser string, err error) {
	ctx := newBrowser(t)
	browser = "Chromium ?"
	if v, err := chromedp.CallBrowser(ctx, cdpbrowser.GetVersion, cdp.Empty{}); err == nil {
		_, version, _ := strings.Cut(v.Product, "/")
		browser = "headless Chromium " + version + " (V8 " + v.JsVersion + ")"
	}
	a, err := json.Marshal(args)
	if err != nil {
		return "", browser, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bench/engine?args="+url.QueryEscape(string(a)))); err != nil {
		return "", browser, err
	}
	err = chromedp.Do(ctx, poll(`window.__benchDone === true`, 80*time.Second))
	out, err2 := chromedp.Run(ctx, chromedp.Evaluate[string](`window.__benchOut`))
	return out, browser, errors.Join(err, err2)
}

// startBenchServer is startServer for the report: it serves a copy of the
// web folder taken when the report starts, so that the app.wasm measured is
// the one weighed even if web/ is rebuilt meanwhile, wrapped with wrap.
func startBenchServer(t *testing.T, wrap func(http.Handler) http.Handler) (base, web string) {
	t.Helper()
	web = t.TempDir()
	err := filepath.WalkDir(webDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(webDir, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(web, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s: %v", webDir, err)
	}
	s, err := server.New(server.Options{WebDir: web})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: wrap(s)}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String(), web
}
