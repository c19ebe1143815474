//go:build !wasm

package main

// Issue 21's table: the first right answer of the Fuse.js baseline, the Go
// wasm floor page (floor.go), the floor page answering with the widget's
// engine (floorengine/) and the widget, all on the same static host, cold
// and warm on loopback and cold on Slow 4G (slow4g.go), with the widget's
// budgets against the floor's. Each round visits the pages in turn, so
// that the shared machine's drift falls on all of them alike; each cell is
// the median over the rounds.

import (
	"fmt"
	"math"
	"os"
	"strings"
)

// refPages are the table's rows, in the order a round visits them.
var refPages = []struct{ key, name, path string }{
	{"baseline", "Fuse.js page over the same data", "/baseline/"},
	{"floor", "Go wasm floor page", "/floor/"},
	{"floor-engine", "the floor page answering with the widget's engine and data, read from its index", "/floor-engine/"},
	{"floor-engine-new", "the same, indexed when the page starts (no index bytes)", "/floor-engine-new/"},
	{"widget", "this widget, `askforhelp build`", "/"},
}

// refColumns are the table's columns: which link the runs were on ("fast":
// loopback, or "slow4g") and which visit of each run.
var refColumns = []struct {
	name, link string
	get        func(pageRun) float64
}{
	{"cold", "fast", func(r pageRun) float64 { return r.Cold.Answer }},
	{"warm", "fast", func(r pageRun) float64 { return r.Warm.Answer }},
	{"Slow 4G, cold", "slow4g", func(r pageRun) float64 { return r.Cold.Answer }},
}

// referenceReport is what the JSON keeps of the table beside its runs
// (report.Pages["reference.PAGE.LINK"]).
type referenceReport struct {
	Rounds      int      `json:"rounds"`
	FloorAnswer string   `json:"floor_answer"`
	Verdicts    []string `json:"verdicts"`
}

func refKey(page, link string) string { return "reference." + page + "." + link }

// reference measures the table on the static host at fast and on its Slow
// 4G twin at slow: a warm-up round on loopback, then --rounds rounds, each
// a fresh browser per page, a cold and a warm visit on loopback, then a
// cold visit on Slow 4G. The widget's loopback runs also time keystrokes
// once it answers, for the keystroke budget. wasmBrotli is app.wasm's size
// for the size budget.
func (m *measurer) reference(fast, slow, floorAnswer string, wasmBrotli int) {
	ref := &referenceReport{Rounds: *rounds, FloorAnswer: floorAnswer}
	m.rep.Reference = ref
	for i := 0; i <= *rounds; i++ {
		for _, link := range []struct {
			name, base string
			tm         timing
		}{{"fast", fast, timing{Keystroke: *keystroke}}, {"slow4g", slow, timing{Keystroke: *keystroke, ColdOnly: true}}} {
			if i == 0 && link.name == "slow4g" {
				continue // the warm-up round is on loopback only
			}
			for _, p := range refPages {
				answer, tm := m.rep.Answer, link.tm
				if p.key == "floor" {
					answer = floorAnswer
				}
				tm.Keys = p.key == "widget" && link.name == "fast"
				key := refKey(p.key, link.name)
				r, err := runPage(link.base+p.path, answer, tm)
				if err != nil {
					msg := fmt.Sprintf("%s round %d: %v", key, i, err)
					fmt.Fprintln(os.Stderr, "FAILED", msg)
					ref.Verdicts = append(ref.Verdicts, "FAILED RUN  "+msg)
					continue
				}
				if tm.ColdOnly {
					fmt.Fprintf(os.Stderr, "%s round %d: cold answer %.0f ms\n", key, i, r.Cold.Answer)
				} else {
					fmt.Fprintf(os.Stderr, "%s round %d: cold answer %.0f ms, warm answer %.0f ms\n", key, i, r.Cold.Answer, r.Warm.Answer)
				}
				if i > 0 {
					m.rep.Pages[key] = append(m.rep.Pages[key], r)
				}
			}
		}
	}
	// The verdicts come before the failed runs in the list.
	failed := ref.Verdicts
	ref.Verdicts = nil
	check := func(name string, ok bool, got string) { m.judge(&ref.Verdicts, name, ok, got) }
	for _, c := range refColumns {
		w := med(m.rep.Pages[refKey("widget", c.link)], c.get)
		f := med(m.rep.Pages[refKey("floor", c.link)], c.get)
		check(fmt.Sprintf("the widget's first right answer, %s, ≤ %.1f × the Go wasm floor page's", c.name, budgetFloor), w <= budgetFloor*f,
			fmt.Sprintf("%s vs %s = %.2f ×", msCell(w), msCell(f), w/f))
	}
	var keys []float64
	for _, r := range m.rep.Pages[refKey("widget", "fast")] {
		keys = append(keys, r.Keys...)
	}
	p95 := percentile(keys, 95)
	check(fmt.Sprintf("the widget's keystroke → results once answering, p95 ≤ %d ms", budgetKeyMs), p95 <= budgetKeyMs,
		fmt.Sprintf("%s over %d keystrokes", ms(p95), len(keys)))
	check(sizeBudget, wasmBrotli <= budgetBrotli, sizeGot(wasmBrotli))
	ref.Verdicts = append(ref.Verdicts, failed...)
}

// formatReference is the table in Markdown, with its verdicts.
func formatReference(rep *report) string {
	ref := rep.Reference
	var b strings.Builder
	fmt.Fprintf(&b, "## The widget beside the Go wasm floor page (issue 21)\n\n"+
		"Time from navigation to the first right option for %q, entered as soon as the search box appears, "+
		"on the same static host for every page (cmd/benchreport/static.go); the floor page (../shared/bench/go-floor) writes one fixed option (%s), "+
		"and the floor page answering with the widget's engine (cmd/benchreport/floorengine) writes the engine's first result, as the floor writes its option, with nothing else of the widget's on the page. "+
		"Medians of %d rounds, each page in a fresh profile per round, visited in turn. "+
		"Warm: the same profile's next visit, %.0f s or more after the cold one's answer. "+
		"Slow 4G: a cold visit to the same files with each response 150 ms late and every body sharing one 1.6 Mbit/s downlink (cmd/benchreport/slow4g.go).\n\n",
		benchQuery, ref.FloorAnswer, ref.Rounds, warmGap.Seconds())
	b.WriteString("| |")
	for _, c := range refColumns {
		b.WriteString(" " + c.name + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(refColumns)) + "\n")
	for _, p := range refPages {
		b.WriteString("| " + p.name + " |")
		for _, c := range refColumns {
			runs := rep.Pages[refKey(p.key, c.link)]
			v := med(runs, c.get)
			cell := msCell(v)
			if f := med(rep.Pages[refKey("floor", c.link)], c.get); p.key != "floor" && p.key != "baseline" && !math.IsNaN(v) && f > 0 {
				cell += fmt.Sprintf(" (%.2f × the floor)", v/f)
			}
			if n := countMeasured(runs, c.get); n != ref.Rounds {
				cell += fmt.Sprintf(", %d runs", n)
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n" + engineShare(rep) + "\n")
	for _, v := range ref.Verdicts {
		b.WriteString("- " + v + "\n")
	}
	return b.String()
}

// engineShare says, column by column, how much of the widget's time its
// engine and data cost on the floor's own page, and how much the rest of
// the widget adds: no budget, but what a budget against the floor can and
// cannot be met by.
func engineShare(rep *report) string {
	var parts []string
	for _, c := range refColumns {
		f := med(rep.Pages[refKey("floor", c.link)], c.get)
		e := med(rep.Pages[refKey("floor-engine", c.link)], c.get)
		w := med(rep.Pages[refKey("widget", c.link)], c.get)
		if math.IsNaN(f*e*w) || f <= 0 || e <= 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s: the engine %.2f × the floor, the widget %.2f × the engine", c.name, e/f, w/e))
	}
	if len(parts) == 0 {
		return ""
	}
	return "The widget's engine and data on the floor's page, read from its index, beside the floor; the widget beside them: " + strings.Join(parts, "; ") + ".\n"
}

// msCell is a time in whole milliseconds with thousands separators.
func msCell(v float64) string {
	if math.IsNaN(v) {
		return "n/a"
	}
	return thousands(v) + " ms"
}

// countMeasured is how many runs have f measured (not negative).
func countMeasured(runs []pageRun, f func(pageRun) float64) int {
	n := 0
	for _, r := range runs {
		if f(r) >= 0 {
			n++
		}
	}
	return n
}
