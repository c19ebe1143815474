//go:build !wasm

package main

// --only trace: one cold and one warm visit of the widget on the static
// host, with Chromium's tracing on, so that where the first answer's time
// goes (parsing, script, the wasm's compile, Go's start, the worker) can
// be read rather than guessed. It writes the trace (open it in
// chrome://tracing or Perfetto) and prints, per thread, the longest
// top-level tasks after the navigation.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// traceCategories are what the trace records: the timeline DevTools shows,
// V8's script and wasm work, and User Timing marks.
var traceCategories = []string{
	"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline",
	"v8", "v8.wasm", "v8.execute", "blink.user_timing", "loading", "blink",
	"disabled-by-default-v8.compile", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.wasm.turbofan",
}

// traceEvent is the part of a Trace Event Format event the summary reads.
type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	TDur float64         `json:"tdur"` // the thread's CPU time, where the trace has it
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// traceVisits traces a cold then a warm visit of url (whose first option
// must contain answer), writes each trace beside --out and prints its
// summary.
func traceVisits(url, answer string) error {
	b, err := newBrowser()
	if err != nil {
		return err
	}
	defer b.close()
	if err := b.addProbe(answer); err != nil {
		return err
	}
	for i, name := range []string{"cold", "warm"} {
		if i == 1 {
			time.Sleep(warmGap)
		}
		events, v, err := traceVisit(b.ctx, url, answer)
		if err != nil {
			return fmt.Errorf("%s visit: %w", name, err)
		}
		file := strings.TrimSuffix(*outFile, ".md") + ".trace-" + name + ".json"
		raw, _ := json.Marshal(map[string]any{"traceEvents": events})
		if err := os.WriteFile(file, raw, 0o644); err != nil {
			return err
		}
		fmt.Printf("\n%s visit: first right answer at %.0f ms, query entered at %.0f ms (trace: %s)\n", name, v.Answer, v.Typed, file)
		summarise(events)
	}
	return b.thrown()
}

// traceVisit records the trace of one visit.
func traceVisit(ctx context.Context, url, answer string) ([]json.RawMessage, visit, error) {
	var (
		mu     sync.Mutex
		events []json.RawMessage
		done   = make(chan struct{})
	)
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		for e, err := range chromedp.Events(lctx, tracing.DataCollected) {
			if err != nil {
				return
			}
			mu.Lock()
			for _, r := range e.Value {
				events = append(events, json.RawMessage(r))
			}
			mu.Unlock()
		}
	}()
	go func() {
		for _, err := range chromedp.Events(lctx, tracing.TracingComplete) {
			if err == nil {
				close(done)
			}
			return
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return nil, visit{}, err
	}
	if err := chromedp.Do(ctx, call(tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: traceCategories},
	})); err != nil {
		return nil, visit{}, err
	}
	v, err := timeVisit(ctx, url, answer, timing{})
	if err != nil {
		return nil, v, err
	}
	time.Sleep(300 * time.Millisecond)
	if err := chromedp.Do(ctx, call(tracing.End, cdp.Empty{})); err != nil {
		return nil, v, err
	}
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		return nil, v, fmt.Errorf("the trace did not complete")
	}
	mu.Lock()
	defer mu.Unlock()
	return events, v, nil
}

// summarise prints, per thread, from the navigation on: the time in
// top-level tasks (wall and CPU), and the longest events of any kind with
// their start.
func summarise(raw []json.RawMessage) {
	var evs []traceEvent
	names := map[[2]int]string{}
	t0 := 0.0
	for _, r := range raw {
		var e traceEvent
		if json.Unmarshal(r, &e) != nil {
			continue
		}
		if e.Ph == "M" && e.Name == "thread_name" {
			var a struct {
				Name string `json:"name"`
			}
			json.Unmarshal(e.Args, &a)
			names[[2]int{e.Pid, e.Tid}] = a.Name
			continue
		}
		if e.Name == "navigationStart" && t0 == 0 && strings.Contains(string(e.Args), `"documentLoaderURL":"http`) {
			t0 = e.Ts
		}
		evs = append(evs, e)
	}
	type thread struct {
		name  string
		busy  float64 // wall time in top-level tasks
		cpu   float64 // the thread's CPU time in them
		top   []traceEvent
		marks []traceEvent
	}
	threads := map[[2]int]*thread{}
	for _, e := range evs {
		if e.Ts < t0 {
			continue
		}
		k := [2]int{e.Pid, e.Tid}
		th := threads[k]
		if th == nil {
			th = &thread{name: names[k]}
			threads[k] = th
		}
		if e.Ph == "X" && (e.Name == "ThreadControllerImpl::RunTask" || e.Name == "ThreadPool_RunTask") {
			th.busy += e.Dur
			th.cpu += e.TDur
		}
		if e.Ph == "X" && e.Dur >= 3000 {
			th.top = append(th.top, e)
		}
		if e.Cat == "blink.user_timing" && strings.HasPrefix(e.Name, "askforhelp") {
			th.marks = append(th.marks, e)
		}
	}
	keys := make([][2]int, 0, len(threads))
	for k := range threads {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return threads[keys[i]].busy > threads[keys[j]].busy })
	for _, k := range keys {
		th := threads[k]
		if len(th.top) == 0 && len(th.marks) == 0 {
			continue
		}
		// Wall time well over CPU time is a thread that was ready but not
		// running: waiting for a core, or for a lock.
		fmt.Printf("  thread %q (pid %d tid %d): %.0f ms in tasks, %.0f ms of them on a CPU\n", th.name, k[0], k[1], th.busy/1000, th.cpu/1000)
		sort.Slice(th.top, func(i, j int) bool { return th.top[i].Ts < th.top[j].Ts })
		for _, e := range th.top {
			fmt.Printf("    %7.1f ms  +%6.1f ms  %s (%s)\n", (e.Ts-t0)/1000, e.Dur/1000, e.Name, e.Cat)
		}
		for _, e := range th.marks {
			fmt.Printf("    %7.1f ms  mark %s\n", (e.Ts-t0)/1000, e.Name)
		}
	}
}
