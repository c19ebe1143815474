//go:build !wasm

package main

// --only floor: the widget as built, beside the same site whose answerer
// (web/answer.wasm) is a Go wasm that does nothing (./floor), both on the
// static host, cold and warm. The floor's "answerer ready" is what any Go
// wasm answerer costs on this page and machine before it has done any
// work; the difference is what the data, the index and the search add.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// floorPackage is the do-nothing answerer's package.
const floorPackage = "github.com/alphagov/askforhelp/cmd/benchreport/floor"

// floorWeb writes a copy of the web folder web into a new folder under
// dir, with the floor's wasm (built here) as answer.wasm, compressed as
// make compresses the real one.
func floorWeb(web, dir string) (string, error) {
	out := filepath.Join(dir, "floor-web")
	if err := os.CopyFS(out, os.DirFS(web)); err != nil {
		return "", err
	}
	wasm := filepath.Join(out, "answer.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, floorPackage)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building %s: %v\n%s", floorPackage, err, b)
	}
	b, err := os.ReadFile(wasm)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(wasm+".br", brotliBytes(b), 0o644); err != nil {
		return "", err
	}
	return out, os.WriteFile(wasm+".gz", gzipBytes(b), 0o644)
}

// floor measures the widget (base) beside the floor (floorBase), with the
// query entered at once, and prints the medians.
func (m *measurer) floor(base, floorBase string) {
	tm := timing{Keystroke: *keystroke}
	m.runConfigs([]config{
		{table: "static", page: "widget", mode: "now", url: base + "/", tm: tm},
		{table: "floor", page: "widget", mode: "now", url: floorBase + "/", tm: tm},
	})
	w, f := m.rep.Pages["static.widget.now"], m.rep.Pages["floor.widget.now"]
	fmt.Printf("\nstatic host, medians of %d / %d runs (widget / the same page with a do-nothing Go wasm answerer)\n", len(w), len(f))
	fmt.Printf("%-32s %10s %10s %10s\n", "measure", "widget", "floor", "widget−floor")
	answer := figure{"first right answer", func(v visit) float64 { return v.Answer }}
	eachColdWarm([]figure{
		{"answerer started", func(v visit) float64 { return v.AnswererStart }},
		{"answerer ready", func(v visit) float64 { return v.AnswererReady }},
		{"query entered", func(v visit) float64 { return v.Typed }},
		answer,
	}, func(name string, row figure, get func(pageRun) float64) {
		a := med(w, get)
		if row.name == answer.name {
			// The floor's right answer is go-app's, not its answerer's.
			fmt.Printf("%-32s %10s %10s %10s\n", name, ms(a), "(n/a)", "")
			return
		}
		b := med(f, get)
		fmt.Printf("%-32s %10s %10s %10s\n", name, ms(a), ms(b), ms(a-b))
	})
	m.printFailures()
}
