//go:build !wasm

package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func do(s http.Handler, method, path string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	return rec
}

func TestMethods(t *testing.T) {
	s := testServer(t)
	for _, path := range []string{"/", "/embed", "/web/style.css", "/app.js", "/nothing"} {
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "CONNECT", "PROPFIND"} {
			rec := do(s, m, path)
			if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q; want 405, GET, HEAD", m, path, rec.Code, rec.Header().Get("Allow"))
			}
		}
		get, head := do(s, "GET", path), do(s, "HEAD", path)
		if head.Code != get.Code || (head.Code == 200 && head.Body.Len() != 0) {
			t.Errorf("HEAD %s: %d with %d bytes; GET: %d", path, head.Code, head.Body.Len(), get.Code)
		}
	}
}

// TestETags: every file and every encoding has its own ETag; a 304 answers
// only for the file it names, and a resumed download never mixes encodings.
func TestETags(t *testing.T) {
	s := testServer(t)
	etag := func(path, enc string) string {
		rec := do(s, "GET", path, "Accept-Encoding", enc)
		if rec.Code != 200 {
			t.Fatalf("%s (%s): %d", path, enc, rec.Code)
		}
		return rec.Header().Get("ETag")
	}
	css, js := etag("/web/style.css", ""), etag("/web/page.js", "")
	raw, br, gz := etag("/web/app.wasm", ""), etag("/web/app.wasm", "br"), etag("/web/app.wasm", "gzip")
	seen := map[string]string{}
	for name, e := range map[string]string{"style.css": css, "page.js": js, "app.wasm": raw, "app.wasm br": br, "app.wasm gzip": gz,
		"app.js": etag("/app.js", ""), "app-worker.js": etag("/app-worker.js", "")} {
		if e == "" || !strings.HasPrefix(e, `"`) || seen[e] != "" {
			t.Errorf("%s: ETag %q (also %q's)", name, e, seen[e])
		}
		seen[e] = name
	}
	tests := []struct {
		name, path string
		header     []string
		want       int
	}{
		{"same file", "/web/style.css", []string{"If-None-Match", css}, 304},
		{"another file", "/web/page.js", []string{"If-None-Match", css}, 200},
		{"a missing file", "/web/missing.css", []string{"If-None-Match", css}, 404},
		{"a missing file, any", "/web/missing.css", []string{"If-None-Match", "*"}, 404},
		{"a page, the version", "/", []string{"If-None-Match", `"` + s.Version() + `"`}, 200},
		{"the same encoding", "/web/app.wasm", []string{"Accept-Encoding", "br", "If-None-Match", br}, 304},
		{"another encoding", "/web/app.wasm", []string{"Accept-Encoding", "gzip", "If-None-Match", br}, 200},
		{"resumed in the same encoding", "/web/app.wasm", []string{"Accept-Encoding", "br", "Range", "bytes=2-", "If-Range", br}, 206},
		{"resumed in another encoding", "/web/app.wasm", []string{"Accept-Encoding", "identity", "Range", "bytes=2-", "If-Range", br}, 200},
	}
	for _, tt := range tests {
		if rec := do(s, "GET", tt.path, tt.header...); rec.Code != tt.want {
			t.Errorf("%s: %s %v: %d, want %d", tt.name, tt.path, tt.header, rec.Code, tt.want)
		}
	}
	whole := do(s, "GET", "/web/app.wasm", "Accept-Encoding", "identity", "Range", "bytes=2-", "If-Range", br)
	if whole.Body.String() != "\x00asm wasm" || whole.Header().Get("Content-Encoding") != "" {
		t.Errorf("resumed across encodings: %q, encoding %q", whole.Body.String(), whole.Header().Get("Content-Encoding"))
	}
}

// TestOnlyListedFiles: what the web folder holds beside the site's files
// (dotfiles, symlinks out of it, FIFOs) is not served, nor any path the
// site does not list.
func TestOnlyListedFiles(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	files := map[string]string{"app.wasm": "wasm", "style.css": "body{}", ".env": "TOKEN=1", ".git/config": "[core]", "sub/ok.css": "p{}", outside: "secret"}
	for name, body := range files {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, name)
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(outside, filepath.Join(dir, "secret.txt")))
	must(os.Symlink("/etc", filepath.Join(dir, "etc")))
	must(os.Symlink("style.css", filepath.Join(dir, "alias.css")))
	must(syscall.Mkfifo(filepath.Join(dir, "fifo.css"), 0o644))
	done := make(chan *Server)
	go func() {
		s, err := New(Options{WebDir: dir})
		if err != nil {
			t.Error(err)
		}
		done <- s
	}()
	var s *Server
	select {
	case s = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("New hangs on a FIFO in the web folder")
	}
	if s == nil {
		return
	}
	tests := []struct {
		path string
		want int
	}{
		{"/web/style.css", 200},
		{"/web/sub/ok.css", 200},
		{"/web/alias.css", 200}, // a symlink inside the folder
		{"/web/.env", 404},
		{"/web/.git/config", 404},
		{"/web/secret.txt", 404},
		{"/web/etc/passwd", 404},
		{"/web/fifo.css", 404},
		{"/web/../go.mod", 404},
		{"/web/", 404},
		{"/web", 404},
		{"/nothing", 404},
		{"/robots.txt", 404},
		{"/app.wasm", 404},
		{"/goapp.js", 404},
		{"/" + s.Version() + "/app.js", 404},
		{"/app.js", 200},
		{"/wasm_exec.js", 200},
		{"/manifest.webmanifest", 200},
	}
	for _, tt := range tests {
		if rec := do(s, "GET", tt.path); rec.Code != tt.want {
			t.Errorf("%s: %d, want %d", tt.path, rec.Code, tt.want)
		}
	}
}
