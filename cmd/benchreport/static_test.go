//go:build !wasm

package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStaticHost: the bench's static host serves files as a plain static
// host does: index.html for a folder, name.html for an extensionless name,
// the precompressed copy the browser accepts, ten minutes of caching, and
// nothing outside the folder or hidden.
func TestStaticHost(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html": "index", "embed.html": "embed", "web/app.wasm": "wasm", "web/app.wasm.br": "wasm-br",
		"web/app.wasm.gz": "wasm-gz", "web/page.js": "page", ".secret": "secret", "baseline/index.html": "baseline",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(filepath.Dir(dir), "outside.html"), []byte("outside"), 0o644)
	h, err := newStaticHost(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		method, path, accept string
		code                 int
		body, ctype, enc     string
	}{
		{"GET", "/", "", 200, "index", "text/html; charset=utf-8", ""},
		{"GET", "/?q=database+migration", "br", 200, "index", "text/html; charset=utf-8", ""},
		{"GET", "/embed", "", 200, "embed", "text/html; charset=utf-8", ""},
		{"GET", "/baseline/", "", 200, "baseline", "text/html; charset=utf-8", ""},
		{"GET", "/web/app.wasm", "gzip, deflate, br, zstd", 200, "wasm-br", "application/wasm", "br"},
		{"GET", "/web/app.wasm", "gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "br;q=0, gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "", 200, "wasm", "application/wasm", ""},
		{"GET", "/web/page.js", "br", 200, "page", "text/javascript; charset=utf-8", ""},
		{"GET", "/.secret", "", 404, "", "", ""},
		{"GET", "/../outside.html", "", 404, "", "", ""},
		{"GET", "/web/", "", 404, "", "", ""},
		{"GET", "/missing", "", 404, "", "", ""},
		{"POST", "/", "", 405, "", "", ""},
	} {
		req := httptest.NewRequest(c.method, "/", nil)
		req.URL.Path, req.URL.RawQuery, _ = strings.Cut(c.path, "?")
		if c.accept != "" {
			req.Header.Set("Accept-Encoding", c.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != c.code {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, rec.Code, c.code)
			continue
		}
		if c.code != 200 {
			continue
		}
		hd := rec.Header()
		if got := rec.Body.String(); got != c.body {
			t.Errorf("%s (Accept-Encoding %q): body %q, want %q", c.path, c.accept, got, c.body)
		}
		if got := hd.Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.ctype)
		}
		if got := hd.Get("Content-Encoding"); got != c.enc {
			t.Errorf("%s (Accept-Encoding %q): Content-Encoding %q, want %q", c.path, c.accept, got, c.enc)
		}
		if got := hd.Get("Cache-Control"); got != "max-age=600" {
			t.Errorf("%s: Cache-Control %q, want max-age=600", c.path, got)
		}
		if wantVary := c.path == "/web/app.wasm"; (hd.Get("Vary") == "Accept-Encoding") != wantVary {
			t.Errorf("%s: Vary %q", c.path, hd.Get("Vary"))
		}
	}
}
