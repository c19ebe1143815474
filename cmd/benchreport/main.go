//go:build !wasm

// Command benchreport is `make bench`'s size and speed report: what the
// widget weighs and how fast it answers, beside a plain JavaScript
// baseline over the same data, on a plain static host and under
// `askforhelp serve`, and beside the Go wasm floor page on the same static
// host, on loopback and on Slow 4G, with a verdict per budget. It prints
// three Markdown tables and writes them to --out, with JSON beside it; the
// previous run's figures, if --out's JSON is there, are given beside this
// run's. It exits 1 when a budget is broken.
//
// It reads the engine's benchmark outputs (native.txt, wasm.txt), the
// search test binary for the browser (search.test.wasm, wasm_exec.js) from
// --out's folder, where make bench puts them, Fuse.js from --fuse, and the
// floor page's source from --go-floor.
//
//	benchreport [--out .cache/bench/report.md] [--bin bin/askforhelp] [--web web]
//	            [--fuse FILE] [--go-floor DIR] [--runs 7] [--rounds 3]
//	            [--keystroke 0] [--pause 2s]
//	            [--only static-answer|static-keys|trace|reference]
//
// --only is for quick iterations; it writes no report. static-answer
// measures only the first right answer on the static host (widget and
// baseline, cold and warm, the query entered at once) and prints its
// medians; static-keys, the keystrokes once answering; trace records a
// cold and a warm visit with Chromium's tracing and prints where the time
// went; reference prints only issue 21's table (the baseline, the Go wasm
// floor page and the widget, cold, warm and cold on Slow 4G) with its
// budgets' verdicts, and exits 1 when one is broken.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/alphagov/askforhelp/app/server"
)

var (
	outFile   = flag.String("out", ".cache/bench/report.md", "write the report (Markdown) to `FILE`, and JSON beside it; the engine's benchmark outputs are read from its folder")
	binFile   = flag.String("bin", "bin/askforhelp", "the askforhelp `BINARY` that builds the static site")
	webDir    = flag.String("web", "web", "the web `DIR`, with app.wasm")
	fuseFile  = flag.String("fuse", ".cache/npm/node_modules/fuse.js/dist/fuse.min.mjs", "Fuse.js as an ES module, for the baseline (make bench installs it)")
	goFloor   = flag.String("go-floor", "../shared/bench/go-floor", "the Go wasm floor page's source `DIR` (main.go, index.html), built as its build.sh does")
	runs      = flag.Int("runs", 7, "browser runs per page and way of typing, whose medians the report gives (after one warm-up run)")
	rounds    = flag.Int("rounds", 3, "rounds of the floor table (after one warm-up round on loopback): each visits the baseline, the floor page and the widget in turn, on loopback and on Slow 4G")
	keystroke = flag.Duration("keystroke", 0, "time between the characters of the query on each visit (0: entered in one input event, as a paste)")
	pause     = flag.Duration("pause", 2*time.Second, "how long after the search box appears the query is entered on visits \"after a pause\"")
	only      = flag.String("only", "", "measure only `PART` and write no report: \"static-answer\" (the static host's first right answer, cold and warm, entered at once), \"static-keys\" (keystrokes once answering), \"trace\" (a traced cold and warm visit) or \"reference\" (the floor table: the baseline, the Go wasm floor page and the widget, cold, warm and on Slow 4G, with its budgets)")
)

func main() {
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "benchreport: unexpected argument %q\n", flag.Arg(0))
		os.Exit(2)
	}
	switch *only {
	case "", "static-answer", "static-keys", "trace", "reference":
	default:
		fmt.Fprintf(os.Stderr, "benchreport: --only %q: the parts are \"static-answer\", \"static-keys\", \"trace\" and \"reference\"\n", *only)
		os.Exit(2)
	}
	ok, err := run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
	if !ok {
		fmt.Fprintln(os.Stderr, "benchreport: a budget is broken: see the verdicts above")
		os.Exit(1)
	}
}

func pauseText() string { return (*pause).String() }

// run measures everything and writes the report; ok is false when a budget
// is broken or a run failed.
func run() (ok bool, err error) {
	answer, err := dataAnswer()
	if err != nil {
		return false, err
	}
	dir := filepath.Dir(*outFile)
	withFloor := *only == "" || *only == "reference"
	o := siteOptions{Bin: *binFile, Web: *webDir, Fuse: *fuseFile, BenchDir: dir, NoEngine: *only != ""}
	if withFloor {
		o.GoFloor = *goFloor
	}
	s, staticBase, stop, err := hostSite(o)
	if err != nil {
		return false, err
	}
	defer stop()
	app, err := server.New(server.Options{WebDir: s.Web})
	if err != nil {
		return false, err
	}
	serveBase, stop2, err := listen(withBaseline(app, s.Static))
	if err != nil {
		return false, err
	}
	defer stop2()
	// The same files again, through a Slow 4G link of their own.
	var slowBase string
	if withFloor {
		h, err := newStaticHost(s.Static)
		if err != nil {
			return false, err
		}
		var stop3 func()
		if slowBase, stop3, err = listen(slow4G(h, realClock{})); err != nil {
			return false, err
		}
		defer stop3()
	}

	typing := "the query entered in one input event, as a paste"
	if *keystroke > 0 {
		typing = fmt.Sprintf("the query typed one character every %v", *keystroke)
	}
	m := &measurer{rep: report{
		When:    time.Now().UTC().Format(time.RFC3339),
		Machine: machine(),
		Go:      runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		Commit:  commit(),
		Runs:    *runs,
		Typing:  typing,
		Answer:  answer,
		Engine:  map[string]map[string]*benchStat{},
		Pages:   map[string][]pageRun{},
	}}
	switch *only {
	case "static-answer":
		m.staticAnswer(staticBase)
		return !m.failed, nil
	case "trace":
		return true, traceVisits(staticBase+"/", answer)
	case "static-keys":
		m.staticKeys(staticBase)
		return !m.failed, nil
	case "reference":
		br, err := m.appWasmBrotli(s)
		if err != nil {
			return false, err
		}
		m.reference(staticBase, slowBase, s.FloorAnswer, br)
		fmt.Print("\n" + formatReference(&m.rep))
		return !m.failed, nil
	}
	if err := m.sizes(s); err != nil {
		return false, err
	}
	if err := m.engine(dir, staticBase); err != nil {
		return false, err
	}
	m.pages(staticBase, serveBase)
	m.reference(staticBase, slowBase, s.FloorAnswer, m.wasmBrotli)
	rep := &m.rep

	// Compare with the previous report, then write this one.
	jsonFile := strings.TrimSuffix(*outFile, filepath.Ext(*outFile)) + ".json"
	var prev *report
	if b, err := os.ReadFile(jsonFile); err == nil {
		var p report
		if json.Unmarshal(b, &p) == nil {
			prev = &p
		}
		os.WriteFile(strings.TrimSuffix(jsonFile, ".json")+".prev.json", b, 0o644)
	}
	table := formatReport(rep, prev)
	fmt.Print("\n" + table)
	if err := os.WriteFile(*outFile, []byte(table), 0o644); err != nil {
		return false, err
	}
	js, err := marshalJSON(rep, "  ")
	if err != nil {
		return false, err
	}
	if err := os.WriteFile(jsonFile, js, 0o644); err != nil {
		return false, err
	}
	fmt.Printf("written to %s and %s\n", *outFile, jsonFile)
	return !m.failed, nil
}

// hostSite lays out a site (newSite) and serves its static folder on a free
// loopback port, as a plain static host does; stop stops the server and
// removes the site's folder. On error nothing is left behind.
func hostSite(o siteOptions) (*site, string, func(), error) {
	s, err := newSite(o)
	if err != nil {
		if s != nil {
			s.Close()
		}
		return nil, "", nil, err
	}
	h, err := newStaticHost(s.Static)
	if err != nil {
		s.Close()
		return nil, "", nil, err
	}
	base, stopServer, err := listen(h)
	if err != nil {
		s.Close()
		return nil, "", nil, err
	}
	return s, base, func() { stopServer(); s.Close() }, nil
}

// listen serves h on a free loopback port.
func listen(h http.Handler) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}
