//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestFloorWeb: the floor's web folder is the real one with answer.wasm
// replaced by the do-nothing answerer (a wasm module far smaller than the
// real one), its .br and .gz decoding to it, and every other file kept.
func TestFloorWeb(t *testing.T) {
	web := t.TempDir()
	real := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte{1}, 5<<20)...)
	for name, body := range map[string][]byte{"answer.wasm": real, "answer.wasm.br": []byte("old"), "page.js": []byte("page")} {
		if err := os.WriteFile(filepath.Join(web, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := floorWeb(web, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	wasm, err := os.ReadFile(filepath.Join(out, "answer.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) || len(wasm) >= len(real) {
		t.Fatalf("answer.wasm is not the floor's module: %d bytes, starting %q", len(wasm), wasm[:min(8, len(wasm))])
	}
	for ext, open := range map[string]func(io.Reader) (io.Reader, error){
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	} {
		f, err := os.Open(filepath.Join(out, "answer.wasm"+ext))
		if err != nil {
			t.Fatal(err)
		}
		r, err := open(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		f.Close()
		if err != nil || !bytes.Equal(got, wasm) {
			t.Errorf("answer.wasm%s does not decode to answer.wasm (%v)", ext, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(out, "page.js")); err != nil || string(b) != "page" {
		t.Errorf("page.js not kept: %q, %v", b, err)
	}
}
