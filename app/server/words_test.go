//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/ui"
	"github.com/andybalholm/brotli"
)

// TestWordsFileServed: the words file is the data's (a file of that name
// in the web folder does not replace it), compressed when the browser
// accepts it, cached by the service worker for offline use, and written by
// a static build.
func TestWordsFileServed(t *testing.T) {
	s := testServer(t, map[string]string{"words.txt": "stale\tnot the data\n"})
	want := directory.SeedWords()
	decode := map[string]func(io.Reader) (io.Reader, error){
		"":     func(r io.Reader) (io.Reader, error) { return r, nil },
		"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	}
	for enc, dec := range decode {
		rec := do(s, "GET", ui.WordsPath, "Accept-Encoding", enc)
		if rec.Code != 200 || rec.Header().Get("Content-Encoding") != enc {
			t.Fatalf("%q: %d, encoding %q", enc, rec.Code, rec.Header().Get("Content-Encoding"))
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
			t.Errorf("%q: Content-Type %q", enc, rec.Header().Get("Content-Type"))
		}
		r, err := dec(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%q: %d bytes (%v), want the embedded words file's %d", enc, len(got), err, len(want))
		}
	}
	if w := do(s, "GET", "/app-worker.js").Body.String(); !strings.Contains(w, `"`+ui.WordsPath+`"`) {
		t.Errorf("the service worker does not cache %s", ui.WordsPath)
	}
	out := filepath.Join(t.TempDir(), "site")
	if err := s.Build(out); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(ui.WordsPath, "/")))); err != nil || !bytes.Equal(got, want) {
		t.Errorf("the build's words file: %d bytes (%v), want %d", len(got), err, len(want))
	}
}
