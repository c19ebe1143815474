//go:build !wasm

package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// measurer gathers the report's rows and verdicts.
type measurer struct {
	rep    report
	failed bool
	// wasmBrotli is app.wasm's brotli size, once weighed (appWasmBrotli).
	wasmBrotli int
}

var nan = math.NaN()

// verdict records a budget's verdict and returns it for the row.
func (m *measurer) verdict(name string, ok bool, got string) string {
	return m.judge(&m.rep.Verdicts, name, ok, got)
}

// judge adds a budget's verdict line to list, marks the run failed when
// the budget is broken, and returns PASS or FAIL.
func (m *measurer) judge(list *[]string, name string, ok bool, got string) string {
	v := "PASS"
	if !ok {
		v = "FAIL"
		m.failed = true
	}
	*list = append(*list, fmt.Sprintf("%s  %s: %s", v, name, got))
	return v
}

func (m *measurer) add(rows ...row) { m.rep.Rows = append(m.rep.Rows, rows...) }

// sizeBudget names the size budget in the verdicts.
var sizeBudget = fmt.Sprintf("app.wasm brotli (quality 11) ≤ %s bytes (issue 21: no larger than today)", thousands(budgetBrotli))

// sizeGot is a size against the size budget.
func sizeGot(br int) string {
	return fmt.Sprintf("%s bytes (%+d)", thousands(float64(br)), br-budgetBrotli)
}

// appWasmBrotli is the site's app.wasm compressed as make compresses it
// (brotli, quality 11), in bytes; weighed once.
func (m *measurer) appWasmBrotli(s *site) (int, error) {
	if m.wasmBrotli == 0 {
		raw, err := os.ReadFile(filepath.Join(s.Web, "app.wasm"))
		if err != nil {
			return 0, err
		}
		m.wasmBrotli = len(brotliBytes(raw))
	}
	return m.wasmBrotli, nil
}

// sizes weighs app.wasm and what the baseline downloads (its script, its
// data and Fuse.js).
func (m *measurer) sizes(s *site) error {
	raw, err := os.ReadFile(filepath.Join(s.Web, "app.wasm"))
	if err != nil {
		return err
	}
	br, err := m.appWasmBrotli(s)
	if err != nil {
		return err
	}
	var base [3]int
	for _, f := range []string{"search.js", "data.js", "fuse.min.mjs"} {
		b, err := os.ReadFile(filepath.Join(s.Static, "baseline", f))
		if err != nil {
			return err
		}
		base[0] += len(b)
		base[1] += len(gzipBytes(b))
		base[2] += len(brotliBytes(b))
	}
	m.add(
		row{Table: "static", Key: "wasm.raw", Measure: "app.wasm, raw", Unit: "B", Widget: float64(len(raw)), Baseline: float64(base[0]), Note: "baseline: its script, its data and Fuse.js"},
		row{Table: "static", Key: "wasm.gzip", Measure: "app.wasm, gzip -9", Unit: "B", Widget: float64(len(gzipBytes(raw))), Baseline: float64(base[1])},
		row{Table: "static", Key: "wasm.brotli", Measure: "app.wasm, brotli q11", Unit: "B", Widget: float64(br), Baseline: float64(base[2]),
			Budget: "≤ " + thousands(budgetBrotli) + " B", Note: "the budget: the last run before issue 20 plus the 40 kB it allowed",
			Verdict: m.verdict(sizeBudget, br <= budgetBrotli, sizeGot(br))},
	)
	return nil
}

// engine reads the engine's benchmarks, native and in Node (make bench's
// native.txt and wasm.txt in dir), runs them in Chromium (base/engine/),
// and checks their budgets.
func (m *measurer) engine(dir, base string) error {
	rep := &m.rep
	for _, env := range []string{"native", "wasm"} {
		b, err := os.ReadFile(filepath.Join(dir, env+".txt"))
		if err != nil {
			return fmt.Errorf("the engine's %s benchmarks: %w (make bench runs them first)", env, err)
		}
		rep.Engine[env] = parseBench(string(b))
	}
	out, browser, err := runEngineInBrowser(base, "-test.run=^$", "-test.bench=^BenchmarkSearch(Seed|PageOnly)$", "-test.benchmem", "-test.count=5")
	rep.Browser = browser
	if err != nil {
		rep.Failures = append(rep.Failures, fmt.Sprintf("running the engine's benchmark in Chromium: %v\n%s", err, out))
	}
	rep.Engine["chromium"] = parseBench(out)
	envName := map[string]string{"native": "native", "wasm": "wasm (Node)", "chromium": "wasm (Chromium)"}
	for _, b := range []struct{ name, label string }{
		{"BenchmarkSearchSeed", "full data (page, repos, manual)"},
		{"BenchmarkSearchPageOnly", "Ask for help page alone"},
		{"BenchmarkSearchSynthetic/entries=100", "100 entries"},
		{"BenchmarkSearchSynthetic/entries=1000", "1,000 entries"},
		{"BenchmarkSearchSynthetic/entries=10000", "10,000 entries"},
		{"BenchmarkNew", "indexing the full data"},
	} {
		for _, env := range []string{"native", "wasm", "chromium"} {
			s := rep.Engine[env][b.name]
			key := "engine." + env + "." + b.name
			measure := "engine, " + b.label + ", " + envName[env]
			if s == nil {
				if env != "chromium" {
					m.add(row{Table: "static", Key: key, Measure: measure, Unit: "ns/op", Widget: nan, Baseline: nan, Note: "missing from " + env + ".txt"})
				}
				continue
			}
			r := row{Table: "static", Key: key, Measure: measure, Unit: "ns/op", Widget: s.NsOp, Baseline: nan,
				Note: fmt.Sprintf("%s B, %s allocs", thousands(s.BOp), thousands(s.AllocsOp))}
			switch {
			case b.name == "BenchmarkSearchSeed" && env == "wasm":
				r.Budget = "< 1 ms/op"
				r.Verdict = m.verdict("engine benchmark, full data, wasm (Node) < 1 ms/op", s.NsOp < budgetSearchNs, ms(s.NsOp/1e6))
			case b.name == "BenchmarkSearchSeed" && env == "chromium":
				r.Budget = "< 1 ms/keystroke"
				r.Verdict = m.verdict("search on the full data per keystroke in the browser (the engine's benchmark run inside Chromium) < 1 ms", s.NsOp < budgetSearchNs, ms(s.NsOp/1e6))
			}
			m.add(r)
		}
	}
	if rep.Engine["chromium"]["BenchmarkSearchSeed"] == nil {
		m.verdict("search on the full data per keystroke in the browser < 1 ms", false, "not measured: the engine's benchmark did not run in Chromium")
	}
	for _, env := range []string{"native", "wasm"} {
		lo, hi := rep.Engine[env]["BenchmarkSearchSynthetic/entries=100"], rep.Engine[env]["BenchmarkSearchSynthetic/entries=10000"]
		if lo == nil || hi == nil {
			m.verdict("engine cost grows no faster than linearly, "+envName[env], false, "the synthetic benchmarks are missing")
			continue
		}
		g := (hi.NsOp / 10000) / (lo.NsOp / 100)
		m.add(row{Table: "static", Key: "engine.growth." + env, Measure: "engine, cost per entry 10,000 ÷ 100, " + envName[env], Unit: "ratio", Widget: g, Baseline: nan,
			Note: "1 = linear", Budget: fmt.Sprintf("≤ %.1f", budgetGrowth),
			Verdict: m.verdict(fmt.Sprintf("engine cost grows no faster than linearly, %s (per-entry cost at 10,000 ÷ at 100 ≤ %.1f)", envName[env], budgetGrowth), g <= budgetGrowth, fmt.Sprintf("%.2f", g))})
	}
	return nil
}

// config is one page measured one way.
type config struct {
	table, page, mode string // "static"/"serve", "widget"/"baseline", "now"/"pause"
	url               string
	tm                timing
}

func (c config) key() string { return c.table + "." + c.page + "." + c.mode }

// pages measures the widget and the baseline on the static host (the query
// entered at once, and after a pause) and under serve (at once): a
// warm-up run, then --runs runs of each, each in a fresh browser,
// alternating which page goes first.
func (m *measurer) pages(staticBase, serveBase string) {
	now := timing{Keystroke: *keystroke, Keys: true}
	later := timing{Keystroke: *keystroke, Pause: *pause}
	var configs []config
	for _, c := range []struct {
		table, base string
		modes       []string
	}{{"static", staticBase, []string{"now", "pause"}}, {"serve", serveBase, []string{"now"}}} {
		for _, mode := range c.modes {
			for _, p := range []struct{ page, path string }{{"widget", "/"}, {"baseline", "/baseline/"}} {
				tm := now
				if mode == "pause" {
					tm = later
				}
				configs = append(configs, config{table: c.table, page: p.page, mode: mode, url: c.base + p.path, tm: tm})
			}
		}
	}
	m.runConfigs(configs)
	for _, table := range []string{"static", "serve"} {
		m.pageRows(table)
	}
	for _, f := range m.rep.Failures {
		m.rep.Verdicts = append(m.rep.Verdicts, "FAILED RUN  "+f)
	}
}

// runConfigs runs a warm-up run, then --runs runs, of each config (pairs
// of widget and baseline, whose first option must contain the data's
// answer, rep.Answer), each in a fresh browser, alternating which page
// of a pair goes first, and keeps the runs after the warm-up.
func (m *measurer) runConfigs(configs []config) {
	for i := 0; i <= *runs; i++ {
		for j := 0; j < len(configs); j += 2 {
			pair := []config{configs[j], configs[j+1]}
			if i%2 == 1 {
				slices.Reverse(pair)
			}
			for _, c := range pair {
				r, err := runPage(c.url, m.rep.Answer, c.tm)
				if err != nil {
					msg := fmt.Sprintf("%s run %d: %v", c.key(), i, err)
					fmt.Fprintln(os.Stderr, "FAILED", msg)
					m.rep.Failures = append(m.rep.Failures, msg)
					continue
				}
				fmt.Fprintf(os.Stderr, "%s run %d: cold answer %.0f ms, warm answer %.0f ms (served by a worker: %v)\n",
					c.key(), i, r.Cold.Answer, r.Warm.Answer, r.Warm.Controlled)
				if i > 0 {
					m.rep.Pages[c.key()] = append(m.rep.Pages[c.key()], r)
				}
			}
		}
	}
}

// staticAnswer is --only static-answer: the static host's first right
// answer, widget and baseline, cold and warm, the query entered at once,
// with the first paint and DOMContentLoaded beside it; it prints the
// medians and the widget's ratios to the baseline and writes no report.
func (m *measurer) staticAnswer(base string) {
	tm := timing{Keystroke: *keystroke}
	m.runConfigs([]config{
		{table: "static", page: "widget", mode: "now", url: base + "/", tm: tm},
		{table: "static", page: "baseline", mode: "now", url: base + "/baseline/", tm: tm},
	})
	w, bl := m.rep.Pages["static.widget.now"], m.rep.Pages["static.baseline.now"]
	fmt.Printf("\nstatic host, medians of %d / %d runs (widget / baseline)\n", len(w), len(bl))
	fmt.Printf("%-32s %10s %10s %8s\n", "measure", "widget", "baseline", "ratio")
	eachColdWarm([]figure{
		{"first right answer", func(v visit) float64 { return v.Answer }},
		{"first contentful paint", func(v visit) float64 { return v.FCP }},
		{"DOMContentLoaded", func(v visit) float64 { return v.DCL }},
		{"answerer started", func(v visit) float64 { return v.AnswererStart }},
		{"answerer ready", func(v visit) float64 { return v.AnswererReady }},
		{"query entered", func(v visit) float64 { return v.Typed }},
	}, func(name string, _ figure, get func(pageRun) float64) {
		a, b := med(w, get), med(bl, get)
		fmt.Printf("%-32s %10s %10s %7.2f×\n", name, ms(a), ms(b), a/b)
	})
	m.printFailures()
}

// figure is one number read off a visit, for the --only parts' tables.
type figure struct {
	name string
	get  func(visit) float64
}

// eachColdWarm calls row for each figure's cold, then warm, visit: with
// the row's name ("cold: ...") and how to read the figure off a run.
func eachColdWarm(figures []figure, row func(name string, f figure, get func(pageRun) float64)) {
	for _, f := range figures {
		row("cold: "+f.name, f, func(r pageRun) float64 { return f.get(r.Cold) })
		row("warm: "+f.name, f, func(r pageRun) float64 { return f.get(r.Warm) })
	}
}

// printFailures prints the runs that failed, which fail the --only part.
func (m *measurer) printFailures() {
	for _, f := range m.rep.Failures {
		fmt.Println("FAILED RUN", f)
		m.failed = true
	}
}

// staticKeys is --only static-keys: on the static host, the widget's and
// the baseline's keystroke → results times once answering, and the
// widget's search per keystroke (User Timing), as percentiles, with the
// slowest samples; it writes no report.
func (m *measurer) staticKeys(base string) {
	tm := timing{Keystroke: *keystroke, Keys: true}
	m.runConfigs([]config{
		{table: "static", page: "widget", mode: "now", url: base + "/", tm: tm},
		{table: "static", page: "baseline", mode: "now", url: base + "/baseline/", tm: tm},
	})
	w, bl := m.rep.Pages["static.widget.now"], m.rep.Pages["static.baseline.now"]
	var wk, bk, ws []float64
	for _, r := range w {
		wk, ws = append(wk, r.Keys...), append(ws, r.Searches...)
	}
	for _, r := range bl {
		bk = append(bk, r.Keys...)
	}
	fmt.Printf("\nstatic host, %d / %d runs (widget / baseline)\n", len(w), len(bl))
	fmt.Printf("%-36s %10s %10s\n", "measure", "widget", "baseline")
	for _, p := range []float64{50, 95} {
		fmt.Printf("%-36s %10s %10s\n", fmt.Sprintf("keystroke → results, p%.0f", p), ms(percentile(wk, p)), ms(percentile(bk, p)))
	}
	for _, p := range []float64{50, 95} {
		fmt.Printf("%-36s %10s %10s\n", fmt.Sprintf("search per keystroke, p%.0f", p), ms(percentile(ws, p)), "n/a")
	}
	for i, r := range w {
		fmt.Printf("run %d, searches: %s\n       keystrokes: %s\n", i, msList(r.Searches), msList(r.Keys))
	}
	slices.Sort(wk)
	slices.Sort(ws)
	fmt.Printf("slowest keystrokes (of %d): %s\nslowest searches (of %d): %s\n", len(wk), msList(wk[max(0, len(wk)-8):]), len(ws), msList(ws[max(0, len(ws)-8):]))
	m.printFailures()
}

// msList is durations in milliseconds, to a tenth (the page's clock ticks
// every 0.1 ms).
func msList(v []float64) string {
	var b strings.Builder
	for i, x := range v {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%.1f", x)
	}
	return b.String()
}

// med is the median of f over runs, leaving out negative values (not
// measured).
func med(runs []pageRun, f func(pageRun) float64) float64 {
	var v []float64
	for _, r := range runs {
		if x := f(r); x >= 0 {
			v = append(v, x)
		}
	}
	return percentile(v, 50)
}

// pageRows are a table's rows from its pages' runs.
func (m *measurer) pageRows(table string) {
	P := m.rep.Pages
	w, bl := P[table+".widget.now"], P[table+".baseline.now"]
	note := fmt.Sprintf("median of %d / %d runs", len(w), len(bl))
	both := func(key, measure string, f func(pageRun) float64, extra string) row {
		return row{Table: table, Key: table + "." + key, Measure: measure, Unit: "ms", Widget: med(w, f), Baseline: med(bl, f), Note: note + extra}
	}
	widget := func(key, measure string, f func(pageRun) float64, extra string) row {
		return row{Table: table, Key: table + "." + key, Measure: measure, Unit: "ms", Widget: med(w, f), Baseline: nan, Note: note + extra}
	}
	retyped := func(cold bool) string {
		n := 0
		for _, r := range w {
			if cold {
				n += r.Cold.Retyped
			} else {
				n += r.Warm.Retyped
			}
		}
		if n == 0 {
			return ""
		}
		return fmt.Sprintf("; typing lost at the app's start and typed again %d times", n)
	}
	controlled := 0
	var workerProblems []string
	for _, r := range w {
		if r.Warm.Controlled {
			controlled++
		}
		if r.Worker != "" {
			workerProblems = append(workerProblems, r.Worker)
		}
	}
	if len(workerProblems) > 0 {
		m.rep.Verdicts = append(m.rep.Verdicts, "NOTE  "+table+": service worker: "+strings.Join(workerProblems, "; "))
	}
	coldW, coldB := med(w, func(r pageRun) float64 { return r.Cold.Answer }), med(bl, func(r pageRun) float64 { return r.Cold.Answer })
	warmW, warmB := med(w, func(r pageRun) float64 { return r.Warm.Answer }), med(bl, func(r pageRun) float64 { return r.Warm.Answer })
	budgetCold, budgetWarm := budgetStaticCold, budgetStaticWarm
	if table == "serve" {
		budgetCold, budgetWarm = budgetServeCold, budgetServeWarm
	}
	// On the static host a warm visit may come from the HTTP cache as well
	// as from the worker; under serve the worker must serve it, as before.
	workerOK := table == "static" || controlled == len(w)
	cold := both("cold.answer", "**cold: first right answer**", func(r pageRun) float64 { return r.Cold.Answer }, retyped(true))
	cold.Budget = fmt.Sprintf("≤ %.1f × baseline", budgetCold)
	cold.Verdict = m.verdict(fmt.Sprintf("%s: cold time to the first right answer ≤ %.1f × the baseline's", table, budgetCold), coldW <= budgetCold*coldB,
		fmt.Sprintf("%s vs %s = %.2f ×", ms(coldW), ms(coldB), coldW/coldB))
	warm := both("warm.answer", "**warm: first right answer**", func(r pageRun) float64 { return r.Warm.Answer },
		fmt.Sprintf("; %d/%d widget visits served by its service worker%s", controlled, len(w), retyped(false)))
	warm.Budget = fmt.Sprintf("≤ %.1f × baseline", budgetWarm)
	warm.Verdict = m.verdict(fmt.Sprintf("%s: warm time to the first right answer ≤ %.1f × the baseline's", table, budgetWarm), warmW <= budgetWarm*warmB && workerOK,
		fmt.Sprintf("%s vs %s = %.2f ×, %d/%d visits served by the service worker", ms(warmW), ms(warmB), warmW/warmB, controlled, len(w)))
	m.add(
		both("cold.fcp", "first contentful paint, cold", func(r pageRun) float64 { return r.Cold.FCP }, ""),
		both("warm.fcp", "first contentful paint, warm", func(r pageRun) float64 { return r.Warm.FCP }, ""),
		both("cold.typed", "cold: query entered (search box there)", func(r pageRun) float64 { return r.Cold.Typed }, ""),
		widget("cold.wasm", "cold: app.wasm downloaded", func(r pageRun) float64 { return r.Cold.WasmFetched }, ""),
		widget("cold.started", "cold: app started (go-app's loader gone)", func(r pageRun) float64 { return r.Cold.Started }, ""),
		widget("cold.started.pause", "cold: app started, after the last input", func(r pageRun) float64 { return sub(r.Cold.Started, r.Cold.LastTyped) }, ""),
		cold,
		widget("warm.wasm", "warm: app.wasm fetched", func(r pageRun) float64 { return r.Warm.WasmFetched }, ""),
		widget("warm.started", "warm: app started (go-app's loader gone)", func(r pageRun) float64 { return r.Warm.Started }, ""),
		warm,
	)
	if pw, pb := P[table+".widget.pause"], P[table+".baseline.pause"]; pw != nil || pb != nil {
		pn := fmt.Sprintf("median of %d / %d runs; entered %v after the search box appeared", len(pw), len(pb), *pause)
		for _, v := range []struct {
			name string
			get  func(pageRun) visit
		}{{"cold", func(r pageRun) visit { return r.Cold }}, {"warm", func(r pageRun) visit { return r.Warm }}} {
			fromInput := func(r pageRun) float64 { x := v.get(r); return sub(x.Answer, x.Typed) }
			fromNav := func(r pageRun) float64 { return v.get(r).Answer }
			m.add(
				row{Table: table, Key: table + ".pause." + v.name + ".answer", Measure: "after a pause, " + v.name + ": first right answer", Unit: "ms", Widget: med(pw, fromNav), Baseline: med(pb, fromNav), Note: pn},
				row{Table: table, Key: table + ".pause." + v.name + ".input", Measure: "after a pause, " + v.name + ": input → first right answer", Unit: "ms", Widget: med(pw, fromInput), Baseline: med(pb, fromInput), Note: pn},
			)
		}
	}
	var wk, bk []float64
	wu, bu := 0, 0
	for _, r := range w {
		wk, wu = append(wk, r.Keys...), wu+r.Unchanged
	}
	for _, r := range bl {
		bk, bu = append(bk, r.Keys...), bu+r.Unchanged
	}
	p95 := row{Table: table, Key: table + ".keys.p95", Measure: "keystroke → results once answering, p95", Unit: "ms", Widget: percentile(wk, 95), Baseline: percentile(bk, 95)}
	if table == "static" {
		p95.Budget = fmt.Sprintf("≤ %d ms", budgetKeyMs)
		p95.Verdict = m.verdict(fmt.Sprintf("static: keystroke to results once answering, p95 ≤ %d ms (one frame)", budgetKeyMs), p95.Widget <= budgetKeyMs, ms(p95.Widget))
	}
	m.add(
		row{Table: table, Key: table + ".keys.p50", Measure: "keystroke → results once answering, p50", Unit: "ms", Widget: percentile(wk, 50), Baseline: percentile(bk, 50),
			Note: fmt.Sprintf("%d / %d keystrokes (%d / %d changed nothing)", len(wk), len(bk), wu, bu)},
		p95,
		row{Table: table, Key: table + ".heap", Measure: "peak JavaScript heap (used)", Unit: "B", Widget: med(w, func(r pageRun) float64 { return r.PeakHeap }), Baseline: med(bl, func(r pageRun) float64 { return r.PeakHeap }), Note: "median of per-run peaks (Runtime.getHeapUsage every 100 ms)"},
		row{Table: table, Key: table + ".wasm.memory", Measure: "wasm linear memory", Unit: "B", Widget: med(w, func(r pageRun) float64 { return r.WasmMem }), Baseline: nan, Note: "WebAssembly.Memory byteLength after the warm visit"},
		row{Table: table, Key: table + ".cold.wasm.bytes", Measure: "app.wasm as served (cold, encoded body)", Unit: "B", Widget: med(w, func(r pageRun) float64 { return r.Cold.WasmEncoded }), Baseline: nan},
	)
	var timed []float64
	for _, r := range w {
		timed = append(timed, r.Searches...)
	}
	if len(timed) > 0 {
		sp95 := percentile(timed, 95)
		m.add(
			row{Table: table, Key: table + ".search.p50", Measure: "search per keystroke in the widget (User Timing), p50", Unit: "ms", Widget: percentile(timed, 50), Baseline: nan, Note: fmt.Sprintf("%d searches", len(timed))},
			row{Table: table, Key: table + ".search.p95", Measure: "search per keystroke in the widget (User Timing), p95", Unit: "ms", Widget: sp95, Baseline: nan,
				Budget: "< 1 ms", Verdict: m.verdict(table+": search on the full data per keystroke in the widget in Chromium (User Timing \"askforhelp:search\"), p95 < 1 ms", sp95 < budgetSearchNs/1e6, ms(sp95))},
		)
	}
}

// sub is a - b, or -1 (not measured) when either is.
func sub(a, b float64) float64 {
	if a < 0 || b < 0 {
		return -1
	}
	return a - b
}
