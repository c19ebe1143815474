//go:build !wasm

package main

// The pages in headless Chromium (Debian's package, driven by chromedp):
// each loaded cold and warm in a fresh profile, the query typed like a
// person with the DevTools protocol, timed from inside the page by a probe
// that looks only at the page's DOM, so that it measures any page that
// shows its answers as [role=option] elements in a search box #q.

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/internal/headless"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// benchQuery is the question the report times. The answer that must come
// first is the data's (dataAnswer), or a page's own (the floor's).
const benchQuery = "database migration"

var (
	//go:embed js/probe.js
	probeJS string
	//go:embed js/visit.js
	visitJS string
	//go:embed js/worker.js
	workerReadyJS string
)

// visit is one page load timed to the first right answer.
type visit struct {
	FCP float64 `json:"fcp_ms"`
	DCL float64 `json:"dcl_ms"`
	// AnswererStart and AnswererReady are the User Timing marks of the
	// widget's answerer (web/early.js): its worker started, and ready.
	AnswererStart float64 `json:"answerer_start_ms"`
	AnswererReady float64 `json:"answerer_ready_ms"`
	Answer        float64 `json:"answer_ms"`
	Typed         float64 `json:"typed_ms"`
	LastTyped     float64 `json:"last_typed_ms"`
	Started       float64 `json:"started_ms"`
	WasmFetched   float64 `json:"wasm_fetched_ms"`
	WasmTransfer  float64 `json:"wasm_transfer_bytes"`
	WasmEncoded   float64 `json:"wasm_encoded_bytes"`
	Controlled    bool    `json:"controlled"`
	// Retyped counts the times the query was typed again because the
	// first typing was lost while the app started.
	Retyped int `json:"retyped"`
}

// pageRun is one fresh browser's measurements of a page: a cold visit, the
// keystrokes typed on it once it answers, then a warm visit.
type pageRun struct {
	Cold      visit     `json:"cold"`
	Warm      visit     `json:"warm"`
	Keys      []float64 `json:"keystroke_ms,omitempty"`
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

// browser is a headless Chromium with an empty profile of its own.
type browser struct {
	ctx   context.Context
	close func()
	mu    sync.Mutex
	// exceptions are the page's uncaught exceptions.
	exceptions []string
}

// newBrowser starts a headless Chromium with an empty profile in a new
// temporary folder; close ends it and removes the folder.
func newBrowser() (*browser, error) {
	exe, err := headless.Chromium()
	if err != nil {
		return nil, err
	}
	profile, err := os.MkdirTemp("", "benchreport-profile-")
	if err != nil {
		return nil, err
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), headless.Options(exe, profile)...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 120*time.Second)
	b := &browser{ctx: ctx}
	b.close = func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(ctx); err != nil {
		b.close()
		return nil, fmt.Errorf("starting chromium: %w", err)
	}
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.exceptions = append(b.exceptions, headless.ExceptionText(ev.ExceptionDetails))
			b.mu.Unlock()
		}
	}()
	return b, nil
}

// dataAnswer is the channel the embedded data answers benchQuery with
// first: what the widget and the baseline, which search the same data, must
// show first.
func dataAnswer() (string, error) {
	r := search.New(directory.Seed).Search(benchQuery, 1)
	if len(r) == 0 || r[0].Contact.Channel == "" {
		return "", fmt.Errorf("the embedded data answers %q with no channel", benchQuery)
	}
	return r[0].Contact.Channel, nil
}

// addProbe has every document the tab loads run the probe (js/probe.js),
// told which text the first option must contain.
func (b *browser) addProbe(answer string) error {
	want, _ := json.Marshal(answer)
	return chromedp.Do(b.ctx, call(page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: "window.__benchWant = " + string(want) + ";\n" + probeJS}))
}

// thrown is an error listing the page's uncaught exceptions, if any.
func (b *browser) thrown() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.exceptions) == 0 {
		return nil
	}
	return fmt.Errorf("uncaught exceptions in the page: %s", strings.Join(b.exceptions, "; "))
}

// call sends a DevTools protocol command to the tab.
func call[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// timing says how a visit types the query.
type timing struct {
	// Pause is how long after the search box appears typing starts.
	Pause time.Duration
	// Keystroke is the time between characters; 0 enters the query in one
	// input event, as a paste or autofill would.
	Keystroke time.Duration
	// Keys says whether to time keystrokes once the page answers.
	Keys bool
	// ColdOnly ends the run after the cold visit: no keystrokes, no warm
	// visit.
	ColdOnly bool
}

// runPage measures the page at url, whose first option must contain
// answer, in a fresh browser (a new, empty profile): a cold visit, then
// (unless tm.ColdOnly) keystrokes (if tm.Keys) and a warm visit at least
// warmGap after the cold one's answer, once the page's service worker, if
// it has one, is ready.
func runPage(url, answer string, tm timing) (r pageRun, err error) {
	b, err := newBrowser()
	if err != nil {
		return r, err
	}
	defer b.close()
	defer func() {
		if e := b.thrown(); e != nil {
			err = errors.Join(err, e)
		}
	}()
	ctx := b.ctx
	if err := b.addProbe(answer); err != nil {
		return r, err
	}
	stop := sampleHeap(ctx)
	defer func() { r.PeakHeap = stop() }()

	if r.Cold, err = timeVisit(ctx, url, answer, tm); err != nil {
		return r, fmt.Errorf("cold visit: %w", err)
	}
	if tm.ColdOnly {
		return r, nil
	}
	answered := time.Now()
	if tm.Keys {
		if r.Keys, r.Unchanged, err = timeKeystrokes(ctx, benchQuery); err != nil {
			return r, fmt.Errorf("keystrokes: %w", err)
		}
		if r.Searches, err = chromedp.Run(ctx, chromedp.Evaluate[[]float64](`performance.getEntriesByName("askforhelp:search").map((e) => e.duration)`)); err != nil {
			return r, err
		}
	}
	if r.WasmMem, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`__bench.mem ? __bench.mem.buffer.byteLength : -1`)); err != nil {
		return r, err
	}
	hasWorker, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!navigator.serviceWorker && navigator.serviceWorker.getRegistration().then((r) => !!r)`, chromedp.EvalAwaitPromise))
	if err != nil {
		return r, err
	}
	if hasWorker {
		if r.Worker, err = chromedp.Run(ctx, chromedp.Evaluate[string](workerReadyJS, chromedp.EvalAwaitPromise)); err != nil {
			return r, err
		}
	}
	time.Sleep(time.Until(answered.Add(warmGap)))
	if r.Warm, err = timeVisit(ctx, url, answer, tm); err != nil {
		return r, fmt.Errorf("warm visit: %w", err)
	}
	m, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`__bench.mem ? __bench.mem.buffer.byteLength : -1`))
	r.WasmMem = max(r.WasmMem, m)
	return r, err
}

// timeVisit loads url from about:blank and, tm.Pause after the search box
// exists, types the query into it (see timing), then waits for the right
// answer (a first option containing answer, which the probe was told),
// and for the page to have started if it shows a loader. A person cannot
// type before the box is there, nor faster than they type.
func timeVisit(ctx context.Context, url, answer string, tm timing) (v visit, err error) {
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
	time.Sleep(tm.Pause)
	// Typing can be lost if it lands while go-app swaps the prerendered
	// page for its own (the box is empty once the app has started): type
	// again then, as a person would, up to twice, and count it.
	retyped := 0
	var at float64
	for {
		if err := typeQuery(ctx, benchQuery, tm.Keystroke); err != nil {
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
				return v, fmt.Errorf("%s: no %s in the first option 30 s after typing %q: %s", url, answer, benchQuery, got)
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
	// A page with go-app's loader may start its app after answering: wait
	// for it, for the "app started" and "app.wasm fetched" figures.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`__bench.until(() => !__bench.sawLoader || __bench.startedAt >= 0 || null, 30000)`, chromedp.EvalAwaitPromise)); err != nil {
		return v, fmt.Errorf("%s: the app did not start within 30 s of the answer: %w", url, err)
	}
	v, err = chromedp.Run(ctx, chromedp.Evaluate[visit](visitJS, chromedp.EvalAwaitPromise))
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

// runEngineInBrowser runs app/search's wasm test binary (the page
// base/engine/) in a fresh Chromium with args, and returns what it printed
// and the browser's name.
func runEngineInBrowser(base string, args ...string) (out, name string, err error) {
	b, err := newBrowser()
	if err != nil {
		return "", "", err
	}
	defer b.close()
	ctx := b.ctx
	name = "Chromium ?"
	if v, err := chromedp.CallBrowser(ctx, cdpbrowser.GetVersion, cdp.Empty{}); err == nil {
		_, version, _ := strings.Cut(v.Product, "/")
		name = "headless Chromium " + version + " (V8 " + v.JsVersion + ")"
	}
	a, err := json.Marshal(args)
	if err != nil {
		return "", name, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/engine/?args="+url.QueryEscape(string(a)))); err != nil {
		return "", name, err
	}
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`window.__benchDone === true`, chromedp.WithPollingTimeout(100*time.Second)))
	out, err2 := chromedp.Run(ctx, chromedp.Evaluate[string](`window.__benchOut`))
	return out, name, errors.Join(err, err2, b.thrown())
}
