//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/internal/compress"
	"github.com/andybalholm/brotli"
)

// files are the baseline page and the engine's harness, copied into the
// sites the report serves.
//
//go:embed baseline engine
var files embed.FS

// site is what the report serves, laid out in a temporary folder:
//
//	web/       a copy of the web folder taken when the report starts, so
//	           that the app.wasm measured is the one weighed even if web/
//	           is rebuilt meanwhile
//	static/    `askforhelp build` of that copy, with baseline/ (the plain
//	           JavaScript page, Fuse.js and the data), floor/ (the Go wasm
//	           floor page, floor.go), floor-engine/ and floor-engine-new/ (the
//	           same page answering with the widget's engine, floorengine/,
//	           read from its index or indexed at start) and engine/ (app/search's wasm test
//	           binary and its harness) beside it, and a .br and .gz beside
//	           every text file, as a host that compresses sends them
type site struct {
	Dir, Web, Static string
	// FloorAnswer is the text the floor page's first option must contain.
	FloorAnswer string
}

// siteOptions are where the report's inputs are.
type siteOptions struct {
	Bin      string // bin/askforhelp, to build the static site
	Web      string // the web folder, with app.wasm
	Fuse     string // Fuse.js as an ES module (fuse.min.mjs)
	BenchDir string // search.test.wasm and wasm_exec.js, from make bench
	NoEngine bool   // leave out engine/ (--only: no engine figures)
	GoFloor  string // ../shared/bench/go-floor, built into floor/; "": no floor/
}

// newSite lays out the sites in a new temporary folder.
func newSite(o siteOptions) (*site, error) {
	dir, err := os.MkdirTemp("", "benchreport-")
	if err != nil {
		return nil, err
	}
	s := &site{Dir: dir, Web: filepath.Join(dir, "web"), Static: filepath.Join(dir, "static")}
	if err := os.CopyFS(s.Web, os.DirFS(o.Web)); err != nil {
		return s, fmt.Errorf("copying %s: %w", o.Web, err)
	}
	if _, err := os.Stat(filepath.Join(s.Web, "app.wasm")); err != nil {
		return s, fmt.Errorf("%s has no app.wasm (make bench builds it): %w", o.Web, err)
	}
	if out, err := exec.Command(o.Bin, "build", "--out", s.Static, "--web", s.Web).CombinedOutput(); err != nil {
		return s, fmt.Errorf("%s build: %v\n%s", o.Bin, err, out)
	}
	sub, _ := fs.Sub(files, ".")
	if err := os.CopyFS(s.Static, sub); err != nil {
		return s, err
	}
	data, err := baselineData(directory.Seed)
	if err != nil {
		return s, err
	}
	copies := []struct {
		dst  string
		body func() ([]byte, error)
	}{
		{"baseline/data.js", func() ([]byte, error) {
			return append(append([]byte("window.askForHelpData = "), data...), ";\n"...), nil
		}},
		{"baseline/style.css", func() ([]byte, error) { return os.ReadFile(filepath.Join(s.Web, "style.css")) }},
		{"baseline/fuse.min.mjs", func() ([]byte, error) { return os.ReadFile(o.Fuse) }},
		{"engine/wasm_exec.js", func() ([]byte, error) { return os.ReadFile(filepath.Join(o.BenchDir, "wasm_exec.js")) }},
		{"engine/search.test.wasm", func() ([]byte, error) { return os.ReadFile(filepath.Join(o.BenchDir, "search.test.wasm")) }},
	}
	if o.NoEngine {
		copies = copies[:3]
	}
	for _, c := range copies {
		b, err := c.body()
		if err != nil {
			return s, fmt.Errorf("%s: %w (make bench puts it there)", c.dst, err)
		}
		if err := os.WriteFile(filepath.Join(s.Static, c.dst), b, 0o644); err != nil {
			return s, err
		}
	}
	if o.GoFloor != "" {
		// Before precompress: the host sends the floor's text as it sends
		// every other page's.
		if s.FloorAnswer, err = buildGoFloor(o.GoFloor, filepath.Join(s.Static, "floor")); err != nil {
			return s, err
		}
		for dir, tags := range map[string]string{"floor-engine": "", "floor-engine-new": "noindex"} {
			if err := buildFloorEngine(filepath.Join(s.Static, "floor"), filepath.Join(s.Static, dir), tags); err != nil {
				return s, err
			}
		}
	}
	return s, precompress(s.Static, "engine")
}

// Close removes the site's folder.
func (s *site) Close() { os.RemoveAll(s.Dir) }

// compressible are the files a host compresses.
var compressible = map[string]bool{".html": true, ".js": true, ".mjs": true, ".css": true, ".json": true, ".webmanifest": true, ".svg": true}

// precompress writes FILE.br (quality 11) and FILE.gz (level 9) beside
// every text file under dir that has neither, except in skip.
func precompress(dir, skip string) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && e.Name() == skip {
			return filepath.SkipDir
		}
		if e.IsDir() || !compressible[filepath.Ext(p)] {
			return nil
		}
		if _, err := os.Stat(p + ".br"); err == nil {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p+".br", brotliBytes(b), 0o644); err != nil {
			return err
		}
		return os.WriteFile(p+".gz", gzipBytes(b), 0o644)
	})
}

// gzipBytes and brotliBytes compress as make compresses the wasm: each
// encoding's best.
func gzipBytes(b []byte) []byte { return compress.Gzip(b, gzip.BestCompression) }

func brotliBytes(b []byte) []byte { return compress.Brotli(b, brotli.BestCompression) }

// withBaseline serves the baseline (/baseline/...) and the engine's
// harness (/engine/...) from the static site's folder beside app, the
// app's handler. The baseline gets the headers the app sends with its own
// page or scripts (its security headers and caching), so that the two are
// served alike by `serve`; like the app's pages, it is not compressed.
func withBaseline(app http.Handler, static string) http.Handler {
	like := func(p string) http.Header {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		hd := rec.Header().Clone()
		for _, k := range []string{"Content-Length", "Content-Type", "Content-Encoding", "Etag", "Last-Modified", "Date", "Vary", "Accept-Ranges"} {
			hd.Del(k)
		}
		return hd
	}
	pageHeaders, scriptHeaders := like("/"), like("/app.js")
	modTime := time.Now()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		top, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		if top != "baseline" && top != "engine" {
			app.ServeHTTP(w, r)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if strings.HasSuffix(r.URL.Path, "/") {
			name += "/index.html"
		}
		if !strings.HasPrefix(name, top+"/") {
			http.NotFound(w, r)
			return
		}
		body, err := os.ReadFile(filepath.Join(static, filepath.FromSlash(name)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if top == "baseline" {
			hd := scriptHeaders
			if strings.HasSuffix(name, ".html") {
				hd = pageHeaders
			}
			for k, v := range hd {
				w.Header()[k] = v
			}
		}
		sum := sha256.Sum256(body)
		w.Header().Set("Content-Type", contentType(name))
		w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
		http.ServeContent(w, r, "", modTime, bytes.NewReader(body))
	})
}
