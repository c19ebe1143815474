//go:build !wasm

package main

// The Go wasm floor page, issue 21's reference (../shared/bench/go-floor):
// a plain page whose search is a Go wasm that links syscall/js only, runs
// on the main thread and writes one fixed option. The bench builds it as
// its build.sh does, compressing in Go so that it needs no brotli command.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// floorOption finds the channel in the one option the floor's main.go
// writes.
var floorOption = regexp.MustCompile(`role="option">[^<]*?(#[\w-]+)`)

// buildGoFloor builds the floor page from src, go-floor's folder, into dst,
// as src/build.sh does: floor.wasm built from main.go alone in a module
// "floor" with GOOS=js GOARCH=wasm, -trimpath and -ldflags='-s -w', with
// floor.wasm.br (brotli quality 11) and floor.wasm.gz (gzip -9) beside it,
// index.html, and wasm_exec.js from GOROOT/lib/wasm. It returns the channel
// of the option the page writes: the text its first option must contain.
func buildGoFloor(src, dst string) (answer string, err error) {
	mainGo, err := os.ReadFile(filepath.Join(src, "main.go"))
	if err != nil {
		return "", fmt.Errorf("the Go wasm floor page: %w", err)
	}
	m := floorOption.FindSubmatch(mainGo)
	if m == nil {
		return "", fmt.Errorf("%s writes no option with a #channel", filepath.Join(src, "main.go"))
	}
	if dst, err = filepath.Abs(dst); err != nil {
		return "", err
	}
	mod, err := os.MkdirTemp("", "benchreport-floor-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(mod)
	if err := os.WriteFile(filepath.Join(mod, "main.go"), mainGo, 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module floor\n\ngo 1.26\n"), 0o644); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return "", err
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOROOT: %w", err)
	}
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dst, "floor.wasm"), ".")
	build.Dir = mod
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	if err := floorPage(build, dst, filepath.Join(src, "index.html"), wasmExec); err != nil {
		return "", err
	}
	return string(m[1]), nil
}

// buildFloorEngine builds, into dst, the floor page as buildGoFloor wrote
// it into floor (its index.html and wasm_exec.js) with floorengine's wasm
// in place of the floor's: the widget's engine and data, built as the
// floor is built, with the build tags tags ("noindex": indexed at start).
// Its first option is the widget's first answer.
func buildFloorEngine(floor, dst, tags string) error {
	dst, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-tags="+tags, "-o", filepath.Join(dst, "floor.wasm"), "github.com/alphagov/askforhelp/cmd/benchreport/floorengine")
	return floorPage(build, dst, filepath.Join(floor, "index.html"), filepath.Join(floor, "wasm_exec.js"))
}

// floorPage runs build, which writes dst/floor.wasm, with GOOS=js
// GOARCH=wasm, then writes beside it floor.wasm.br (brotli quality 11),
// floor.wasm.gz (gzip -9) and copies of the files index and wasmExec.
func floorPage(build *exec.Cmd, dst, index, wasmExec string) error {
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building %s: %v\n%s", build.Args[len(build.Args)-1], err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dst, "floor.wasm"))
	if err != nil {
		return err
	}
	read := func(name string) func() ([]byte, error) { return func() ([]byte, error) { return os.ReadFile(name) } }
	for _, f := range []struct {
		dst  string
		body func() ([]byte, error)
	}{
		{"index.html", read(index)},
		{"wasm_exec.js", read(wasmExec)},
		{"floor.wasm.br", func() ([]byte, error) { return brotliBytes(raw), nil }},
		{"floor.wasm.gz", func() ([]byte, error) { return gzipBytes(raw), nil }},
	} {
		b, err := f.body()
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, f.dst), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
