//go:build !wasm

package main

// The report: rows of figures with their budgets' verdicts, written as two
// Markdown tables (the static host, then `serve`) and as JSON, with the
// previous run's figures beside this run's.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// Budgets.
const (
	// budgetBrotli is issue 21's "app.wasm no larger than today", today
	// counting the bytes of the issues open beside it: the last make bench
	// run before issue 20 (commit 11c1075: 1,452,904 B, in README.md) plus
	// the 40 kB issue 20 allowed app.wasm to grow by. (It replaces the size
	// before the docs data was added, 1,472,471 B.)
	budgetBrotli   = 1_452_904 + 40_000
	budgetSearchNs = 1_000_000 // ns: 1 ms per search on the full data
	budgetKeyMs    = 16        // ms: keystroke to results, p95, once answering (one frame)
	// budgetFloor is issue 21's: the widget's first right answer at most
	// this × the Go wasm floor page's, cold, warm and cold on Slow 4G.
	budgetFloor = 1.2
	// Static host: time to the first right answer, × the baseline's.
	budgetStaticCold = 1.5
	budgetStaticWarm = 1.5
	// serve: the same, as before the static host was measured.
	budgetServeCold = 1.5
	budgetServeWarm = 1.2
	// budgetGrowth bounds the engine's cost per entry at 10,000 entries
	// relative to 100: 1 is exactly linear; the 20% allow for cache effects
	// and noise (n log n would give 2).
	budgetGrowth = 1.2
)

// row is one line of the table. Widget and Baseline are numbers in Unit
// (NaN: none), for the JSON and for comparing runs; the cells are text.
type row struct {
	// Table is the table the row belongs to: "static" or "serve".
	Table    string  `json:"table"`
	Key      string  `json:"key"`
	Measure  string  `json:"measure"`
	Unit     string  `json:"unit"`
	Widget   float64 `json:"widget"`
	Baseline float64 `json:"baseline"`
	Note     string  `json:"note,omitempty"`
	Budget   string  `json:"budget,omitempty"`
	Verdict  string  `json:"verdict,omitempty"`
}

// MarshalJSON writes NaN as null.
func (r row) MarshalJSON() ([]byte, error) {
	type plain row
	v := struct {
		plain
		Widget   *float64 `json:"widget"`
		Baseline *float64 `json:"baseline"`
	}{plain: plain(r)}
	if !math.IsNaN(r.Widget) {
		v.Widget = &r.Widget
	}
	if !math.IsNaN(r.Baseline) {
		v.Baseline = &r.Baseline
	}
	return marshalJSON(v, "")
}

// marshalJSON is json.Marshal(Indent) without escaping "<" and ">", which
// the budgets use.
func marshalJSON(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads null as NaN.
func (r *row) UnmarshalJSON(b []byte) error {
	type plain row
	var v struct {
		plain
		Widget   *float64 `json:"widget"`
		Baseline *float64 `json:"baseline"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = row(v.plain)
	r.Widget, r.Baseline = math.NaN(), math.NaN()
	if v.Widget != nil {
		r.Widget = *v.Widget
	}
	if v.Baseline != nil {
		r.Baseline = *v.Baseline
	}
	return nil
}

// benchStat is a benchmark's median over its -count runs.
type benchStat struct {
	NsOp     float64   `json:"ns_op"`
	BOp      float64   `json:"b_op"`
	AllocsOp float64   `json:"allocs_op"`
	Samples  []float64 `json:"ns_op_samples"`
}

// report is the JSON written beside the tables.
type report struct {
	When    string `json:"when"`
	Machine string `json:"machine"`
	Go      string `json:"go"`
	Browser string `json:"browser"`
	Commit  string `json:"commit"`
	Runs    int    `json:"runs"`
	Typing  string `json:"typing"`
	// Answer is what the widget's and the baseline's first option must
	// contain: the channel the embedded data answers benchQuery with.
	Answer   string                           `json:"answer"`
	Rows     []row                            `json:"rows"`
	Verdicts []string                         `json:"verdicts"`
	Failures []string                         `json:"failures,omitempty"`
	Engine   map[string]map[string]*benchStat `json:"engine"`
	Pages    map[string][]pageRun             `json:"pages"`
	// Reference is issue 21's table (reference.go), if measured.
	Reference *referenceReport `json:"reference,omitempty"`
}

// tables are the report's tables, in order, with what each measures.
var tables = []struct{ key, title, about string }{
	{"static", "Static host: `askforhelp build` on a plain static file server",
		"The widget is the site `askforhelp build` writes; the baseline is a plain HTML page with Fuse.js over the same data (cmd/benchreport/baseline). " +
			"Both are served by the same plain static file server (cmd/benchreport/static.go): files only, a .br or .gz beside every text file sent when the browser accepts it, " +
			"Last-Modified, `Cache-Control: max-age=600`, no answers from a server. Sizes and the engine's benchmarks are the same for both tables."},
	{"serve", "`askforhelp serve`",
		"The widget is `askforhelp serve` (in process, the same handler); the baseline is the same page as above, served beside it by the same server with the headers of the app's own page and scripts, uncompressed as the app's pages are. " +
			"Until the widget's app starts, the small wasm that web/early.js starts answers, as on the static host: nothing asks the server."},
}

// formatReport is the Markdown tables and the verdicts. With prev, a last
// column gives the previous run's widget figure for each row.
func formatReport(rep *report, prev *report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Ask for help: bench report, %s\n\n", rep.When)
	fmt.Fprintf(&b, "Machine: %s; %s; %s; commit %s. Browser figures: medians of %d runs after a warm-up run, each in a fresh profile; %s.\n",
		rep.Machine, rep.Go, rep.Browser, rep.Commit, rep.Runs, rep.Typing)
	if rep.Reference != nil {
		b.WriteString("\n" + formatReference(rep))
	}
	old := map[string]row{}
	if prev != nil {
		for _, r := range prev.Rows {
			old[r.Key] = r
		}
	}
	for _, tb := range tables {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\nMachine: %s; %s.\n\n", tb.title, tb.about, rep.Machine, rep.Browser)
		head := "| Measure | Widget | Baseline | Widget ÷ baseline | Budget | Verdict | Notes |"
		rule := "|---|---:|---:|---:|---|---|---|"
		if prev != nil {
			head += fmt.Sprintf(" Previous run (%s) |", prev.When)
			rule += "---:|"
		}
		b.WriteString(head + "\n" + rule + "\n")
		for _, r := range rep.Rows {
			if r.Table != tb.key {
				continue
			}
			ratio := ""
			if !math.IsNaN(r.Widget) && !math.IsNaN(r.Baseline) && r.Baseline > 0 {
				ratio = fmt.Sprintf("%.2f ×", r.Widget/r.Baseline)
				if r.Widget/r.Baseline >= 100 {
					ratio = fmt.Sprintf("%s ×", thousands(r.Widget/r.Baseline))
				}
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |", r.Measure, cell(r.Widget, r.Unit), cell(r.Baseline, r.Unit), ratio, r.Budget, r.Verdict, r.Note)
			if prev != nil {
				if p, ok := old[r.Key]; ok {
					fmt.Fprintf(&b, " %s |", cell(p.Widget, p.Unit))
				} else {
					b.WriteString(" |")
				}
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\nBudgets:\n")
	for _, v := range rep.Verdicts {
		b.WriteString("- " + v + "\n")
	}
	b.WriteString("\nCold: a fresh browser profile (empty HTTP cache, no service worker). Warm: the same profile's next visit, " +
		"3 s or more after the first answer, once the page's service worker (if any) is active with the page and app.wasm cached. " +
		"A visit enters the query when the search box exists (\"at once\") or " + pauseText() + " later (\"after a pause\", a person reading first) " +
		"and ends when the first [role=option] contains " + rep.Answer + "; times are from the navigation's start, and \"after a pause\" also from the query's input event. " +
		"Keystrokes: \"" + benchQuery + "\" typed one key at a time once the cold page answers (and its app, if it shows go-app's loader, has started), " +
		"each timed from its keydown to the last change it made to the page's DOM.\n")
	return b.String()
}

// cell formats a value in its unit.
func cell(v float64, unit string) string {
	if math.IsNaN(v) {
		return ""
	}
	switch unit {
	case "B":
		if v >= 100_000 {
			return fmt.Sprintf("%s B (%.2f MB)", thousands(v), v/1e6)
		}
		return thousands(v) + " B"
	case "ns/op":
		if v >= 1e6 {
			return fmt.Sprintf("%.2f ms/op", v/1e6)
		}
		return fmt.Sprintf("%.1f µs/op", v/1e3)
	case "ms":
		return ms(v)
	case "ratio":
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprint(v)
}

func ms(v float64) string {
	switch {
	case math.IsNaN(v):
		return "n/a"
	case v < 10:
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

// thousands writes a whole number with thousands separators.
func thousands(v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// percentile is the nearest-rank p-th percentile of v (NaN if empty).
func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if p == 50 && len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

// parseBench reads `go test -bench` output: for each benchmark (its name
// without the -GOMAXPROCS suffix), the median ns/op, B/op and allocs/op.
func parseBench(out string) map[string]*benchStat {
	samples := map[string][][3]float64{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		var s [3]float64
		ok := false
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				s[0], ok = v, true
			case "B/op":
				s[1] = v
			case "allocs/op":
				s[2] = v
			}
		}
		if ok {
			samples[name] = append(samples[name], s)
		}
	}
	stats := map[string]*benchStat{}
	for name, ss := range samples {
		var ns, bs, as []float64
		for _, s := range ss {
			ns, bs, as = append(ns, s[0]), append(bs, s[1]), append(as, s[2])
		}
		stats[name] = &benchStat{NsOp: percentile(ns, 50), BOp: percentile(bs, 50), AllocsOp: percentile(as, 50), Samples: ns}
	}
	return stats
}

// machine describes the CPU and memory the report ran on.
func machine() string {
	cpu := runtime.GOARCH
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb float64
		if _, err := fmt.Sscanf(string(b), "MemTotal: %g kB", &kb); err == nil {
			mem = fmt.Sprintf(", %.0f GB RAM", kb/1024/1024)
		}
	}
	return fmt.Sprintf("%s, %d CPUs%s", cpu, runtime.NumCPU(), mem)
}

// commit is the checked-out commit, "+dirty" when the tree has changes.
func commit() string {
	out, err := exec.Command("git", "describe", "--always", "--dirty=+dirty").Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}
