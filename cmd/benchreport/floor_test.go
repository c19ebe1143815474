//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/internal/testenv"
	"github.com/andybalholm/brotli"
)

// TestBuildGoFloor: the floor page is built as its build.sh builds it:
// its own index.html, Go's wasm_exec.js, a wasm module with .br and .gz
// copies that decode to it; and the answer it writes is read from its
// source.
func TestBuildGoFloor(t *testing.T) {
	src := testenv.Shared(t, "bench", "go-floor")
	dst := t.TempDir()
	answer, err := buildGoFloor(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	read := func(dir, name string) []byte { return readFile(t, dir, name) }
	if !strings.HasPrefix(answer, "#") || !bytes.Contains(read(src, "main.go"), []byte(answer+"</li>")) {
		t.Errorf("answer %q, want the channel of the option main.go writes", answer)
	}
	if !bytes.Equal(read(dst, "index.html"), read(src, "index.html")) {
		t.Error("index.html is not go-floor's")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(read(dst, "wasm_exec.js"), read(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm"), "wasm_exec.js")) {
		t.Error("wasm_exec.js is not Go's")
	}
	wasm := read(dst, "floor.wasm")
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		t.Fatalf("floor.wasm is not a wasm module: %q", wasm[:min(8, len(wasm))])
	}
	for ext, open := range map[string]func(io.Reader) (io.Reader, error){
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	} {
		r, err := open(bytes.NewReader(read(dst, "floor.wasm"+ext)))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, wasm) {
			t.Errorf("floor.wasm%s does not decode to floor.wasm (%v)", ext, err)
		}
	}
}

// TestBuildFloorEngine: the floor page with the widget's engine is the
// floor's own page and wasm_exec.js with another wasm, read from the
// index or (noindex) indexing at start, which downloads fewer bytes.
func TestBuildFloorEngine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two wasm modules")
	}
	floor := t.TempDir()
	if _, err := buildGoFloor(testenv.Shared(t, "bench", "go-floor"), floor); err != nil {
		t.Fatal(err)
	}
	read := func(dir, name string) []byte { return readFile(t, dir, name) }
	size := map[string]int{}
	for _, tags := range []string{"", "noindex"} {
		dst := filepath.Join(t.TempDir(), "floor-engine")
		if err := buildFloorEngine(floor, dst, tags); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"index.html", "wasm_exec.js"} {
			if !bytes.Equal(read(dst, f), read(floor, f)) {
				t.Errorf("tags %q: %s is not the floor page's", tags, f)
			}
		}
		wasm, br := read(dst, "floor.wasm"), read(dst, "floor.wasm.br")
		if !bytes.HasPrefix(wasm, []byte("\x00asm")) || bytes.Equal(wasm, read(floor, "floor.wasm")) {
			t.Fatalf("tags %q: floor.wasm is not a wasm module of its own", tags)
		}
		if got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); err != nil || !bytes.Equal(got, wasm) {
			t.Errorf("tags %q: floor.wasm.br does not decode to floor.wasm (%v)", tags, err)
		}
		size[tags] = len(br)
	}
	if size["noindex"] >= size[""] {
		t.Errorf("indexed at start: %d bytes of brotli, want fewer than the %d read from the index", size["noindex"], size[""])
	}
}

// TestFloorOption: the floor's answer is the channel of the option its
// main.go writes, whatever the team's name.
func TestFloorOption(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"ul.Set(\"innerHTML\", `<li role=\"option\">GOV.UK Platform Engineering team #govuk-platform-engineering</li>`)", "#govuk-platform-engineering"},
		{"`<li role=\"option\">Some team #some-channel</li>`", "#some-channel"},
		{"`<li>no option #here</li>`", ""},
	} {
		got := ""
		if m := floorOption.FindStringSubmatch(c.src); m != nil {
			got = m[1]
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.src, got, c.want)
		}
	}
}

// readFile is dir/name's content; the test fails if it cannot be read.
func readFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
