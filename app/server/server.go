//go:build !wasm

// Package server serves the "Ask for help" go-app PWA: the prerendered
// pages, the WebAssembly client (compressed when the browser accepts it) and
// its assets, the app's own icons, a service worker that makes every page
// work offline, the demo manual page with the widget embedded, and the
// security headers; and it writes the same site as static files.
package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Options configure the server.
type Options struct {
	// Dir is the directory the server renders; nil: the embedded seed data.
	// The wasm client embeds the seed data, so anything else is for tests
	// of the server-rendered page.
	Dir *directory.Directory
	// WebDir is the folder served under /web/ (app.wasm, style.css, ...).
	WebDir string
	// Base is the path the site is served under ("" or "/" for the root;
	// "/askforhelp" for https://example.github.io/askforhelp/).
	Base string
	// FrameAncestors are the origins that may frame /embed, as CSP
	// frame-ancestors sources; empty means any. Other pages may only be
	// framed by the app itself.
	FrameAncestors []string
}

// Paths the server answers besides go-app's own.
const (
	DemoPath    = "/demo"
	ManifestURL = "/manifest.webmanifest"
)

// Server is the app's HTTP handler.
type Server struct {
	app     *app.Handler
	web     *webFiles
	version string
	embed   string // CSP for /embed
	demo    []byte
	mf      []byte // the web app manifest
	appJS   []byte // go-app's app.js, fetching the wasm for streaming compilation
}

// New prepares the server: it checks that the web folder holds app.wasm,
// registers the pages' routes, draws the icons and computes the version.
func New(o Options) (*Server, error) {
	if o.WebDir == "" {
		o.WebDir = "web"
	}
	web, err := newWebFiles(o.WebDir, strings.TrimRight(o.Base, "/"))
	if err != nil {
		return nil, err
	}
	d := o.Dir
	if d == nil {
		d = directory.Seed
	}
	ui.Register(d)
	version, err := web.hash(d)
	if err != nil {
		return nil, err
	}
	h := &app.Handler{
		Name:            "Ask for help",
		ShortName:       "Ask for help",
		Title:           "Ask for help – GOV.UK developer manual",
		Description:     "Find whom to ask about a GOV.UK technical problem: the team, the Slack channel and the escalation order.",
		Lang:            "en",
		ThemeColor:      "#1d70b8",
		BackgroundColor: "#ffffff",
		LoadingLabel:    " ",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles:             []string{"/web/style.css"},
		Scripts:            []string{"/web/page.js defer"},
		CacheableResources: []string{"/web/icon.svg", ui.EmbedPath},
		Resources:          web,
		Version:            version,
		// The compressed wasm's Content-Length is not its size: go-app's
		// progress needs the real one.
		WasmContentLength:     strconv.FormatInt(web.wasmSize, 10),
		ServiceWorkerTemplate: serviceWorker,
	}
	demo, err := renderDemo(d, web.Resolve)
	if err != nil {
		return nil, err
	}
	s := &Server{app: h, web: web, version: version, embed: frameCSP(o.FrameAncestors), demo: demo}
	s.mf = s.manifest()
	if s.appJS, err = s.streamingAppJS(); err != nil {
		return nil, err
	}
	return s, nil
}

// Version is the app's version: a hash of what the server serves.
func (s *Server) Version() string { return s.version }

// csp allows nothing beyond the app's own origin. WebAssembly needs
// 'wasm-unsafe-eval' to compile; nothing needs 'unsafe-inline'.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; frame-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

func frameCSP(origins []string) string {
	if len(origins) == 0 {
		return csp + "; frame-ancestors *"
	}
	return csp + "; frame-ancestors 'self' " + strings.Join(origins, " ")
}

// ServeHTTP serves the app with its security headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if r.URL.Path == ui.EmbedPath {
		hd.Set("Content-Security-Policy", s.embed)
	} else {
		hd.Set("Content-Security-Policy", csp+"; frame-ancestors 'self'")
		hd.Set("X-Frame-Options", "SAMEORIGIN")
	}
	switch {
	case r.URL.Path == ManifestURL || r.URL.Path == "/manifest.json":
		hd.Set("Content-Type", "application/manifest+json")
		hd.Set("Cache-Control", "no-cache")
		w.Write(s.mf)
	case r.URL.Path == "/app.js":
		hd.Set("Content-Type", "application/javascript")
		hd.Set("Cache-Control", "no-cache")
		hd.Set("ETag", `"`+s.version+`"`)
		if r.Header.Get("If-None-Match") == `"`+s.version+`"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(s.appJS)
	case r.URL.Path == DemoPath:
		hd.Set("Content-Type", "text/html; charset=utf-8")
		hd.Set("Cache-Control", "no-cache")
		w.Write(s.demo)
	case isPage(r.URL.Path):
		s.servePage(w, r)
	default:
		s.app.ServeHTTP(w, r)
	}
}

// servePage renders a page with go-app and mends its HTML (see tidyHTML).
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	hd := w.Header()
	for k, v := range rec.Header() {
		hd[k] = v
	}
	if rec.Code == http.StatusOK && strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		body = goappCSS.ReplaceAll(tidyHTML(body), nil)
		hd.Set("Content-Type", "text/html; charset=utf-8")
		hd.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(rec.Code)
	w.Write(body)
}

// startGate is put before go-app's app.js: the app starts when the gate
// opens. web/page.js, which answers from the server until the app starts,
// holds it while someone is typing; without page.js it opens once the page
// is parsed, as go-app's own start would.
const startGate = `// Ask for help: the app starts when askforhelpStart() is called (see
// web/page.js), or once the page is parsed if nothing holds it;
// askforhelpStarted settles once it has started.
var askforhelpStart;
var askforhelpHeld = false;
const askforhelpGate = new Promise((resolve) => { askforhelpStart = resolve; });
if (document.readyState === "complete") {
  askforhelpStart();
} else {
  const start = () => { if (!askforhelpHeld) askforhelpStart(); };
  document.addEventListener("DOMContentLoaded", start);
  addEventListener("load", start); // if DOMContentLoaded came before this ran
}

`

// streamingAppJS is go-app's app.js with three changes for a faster start:
//   - it hands the browser the wasm's own response rather than a copy made
//     to count progress: the copy has no URL, so the browser could not keep
//     the compiled code in its code cache, and the progress it counts is
//     never shown (the page is already there);
//   - it starts the app when startGate opens: compiling and running the
//     wasm holds the page's main thread for about 100 ms, and a keystroke
//     typed meanwhile waits for it;
//   - it registers the service worker once the wasm has started rather than
//     first: installing the worker fetches every file the app needs, app.wasm
//     included, and would compete with the page's own download of it.
func (s *Server) streamingAppJS() ([]byte, error) {
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("go-app's app.js: status %d", rec.Code)
	}
	js := rec.Body.String()
	wasm := strconv.Quote(s.web.Resolve("/web/app.wasm"))
	for _, r := range [][2]string{
		{"fetchWithProgress(" + wasm + ", showProgress)", "fetch(" + wasm + ")"},
		{"goappInitServiceWorker();\n", ""},
		{"goappInitWebAssembly();\n", "const askforhelpStarted = askforhelpGate.then(goappInitWebAssembly);\naskforhelpStarted.finally(goappInitServiceWorker);\n"},
	} {
		if strings.Count(js, r[0]) != 1 {
			return nil, fmt.Errorf("go-app's app.js no longer has %q once: review streamingAppJS", r[0])
		}
		js = strings.Replace(js, r[0], r[1], 1)
	}
	return []byte(startGate + js), nil
}

// goappCSS is the link to go-app's stylesheet, which styles only its loading
// screen (never shown here) and its not-found page: one render-blocking
// request less before the page can paint.
var goappCSS = regexp.MustCompile(`\s*<link [^>]*href="[^"]*/app\.css"[^>]*>`)

// isPage reports whether a path is one of the app's pages rather than a
// script, stylesheet, manifest or file under /web/.
func isPage(p string) bool {
	return !strings.HasPrefix(p, "/web/") && path.Ext(p) == ""
}

// staticFiles are what a static copy of the site holds besides /web/: the
// pages and go-app's scripts, manifest and stylesheet.
var staticFiles = map[string]string{
	"/":              "index.html",
	ui.EmbedPath:     strings.TrimPrefix(ui.EmbedPath, "/") + ".html",
	DemoPath:         strings.TrimPrefix(DemoPath, "/") + ".html",
	"/wasm_exec.js":  "wasm_exec.js",
	"/app.js":        "app.js",
	"/app-worker.js": "app-worker.js",
	ManifestURL:      strings.TrimPrefix(ManifestURL, "/"),
	"/app.css":       "app.css",
}

// Build writes the site as static files into out: each page and script as
// this server answers it, then the web folder (with the compressed wasm)
// and the drawn icons. It writes into a new folder beside out and renames
// it into place, so a failed build leaves nothing half-written.
func (s *Server) Build(out string) error {
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(out)), "."+filepath.Base(out)+".*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.MkdirAll(filepath.Join(tmp, "web"), 0o755); err != nil {
		return err
	}
	for p, name := range staticFiles {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return fmt.Errorf("building %s: the server answered %d", p, rec.Code)
		}
		if err := os.WriteFile(filepath.Join(tmp, name), rec.Body.Bytes(), 0o644); err != nil {
			return err
		}
	}
	for _, f := range s.web.files {
		b, err := s.web.read(f)
		if err != nil {
			return err
		}
		dst := filepath.Join(tmp, "web", filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

// webFiles serves /web/: the drawn icons from memory, the rest from a
// folder, app.wasm compressed when the browser accepts it.
type webFiles struct {
	dir      string
	base     string            // path prefix of the site ("" at the root)
	mem      map[string][]byte // drawn icons
	files    []string          // every file served, sorted, slash-separated
	wasmSize int64
	encoded  map[string]bool // "br", "gzip": app.wasm.br / .gz are up to date
}

// icons are drawn once, when the server starts.
var icons = map[string]func() []byte{
	"icon-192.png":          func() []byte { return iconPNG(192, false) },
	"icon-512.png":          func() []byte { return iconPNG(512, false) },
	"icon-maskable-512.png": func() []byte { return iconPNG(512, true) },
}

func newWebFiles(dir, base string) (*webFiles, error) {
	wasm, err := os.Stat(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("%s: no app.wasm: build it first (make build): %v", dir, err)
	}
	w := &webFiles{dir: dir, base: base, mem: map[string][]byte{}, wasmSize: wasm.Size(), encoded: map[string]bool{}}
	for name, draw := range icons {
		w.mem[name] = draw()
		w.files = append(w.files, name)
	}
	for enc, ext := range map[string]string{"br": ".br", "gzip": ".gz"} {
		// A compressed copy older than app.wasm is stale: never serve it.
		if fi, err := os.Stat(filepath.Join(dir, "app.wasm"+ext)); err == nil && !fi.ModTime().Before(wasm.ModTime()) {
			w.encoded[enc] = true
		}
	}
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(path.Base(rel), ".") {
			return nil
		}
		if (strings.HasSuffix(rel, "app.wasm.br") && !w.encoded["br"]) || (strings.HasSuffix(rel, "app.wasm.gz") && !w.encoded["gzip"]) {
			return nil
		}
		if _, drawn := w.mem[rel]; !drawn {
			w.files = append(w.files, rel)
		}
		return nil
	})
	sort.Strings(w.files)
	return w, err
}

func (w *webFiles) read(name string) ([]byte, error) {
	if b, ok := w.mem[name]; ok {
		return b, nil
	}
	return os.ReadFile(filepath.Join(w.dir, filepath.FromSlash(name)))
}

// hash is the app's version: a hash of every file served and of the data
// the pages show, so that an unchanged server that restarts is not an update
// and any real change is.
func (w *webFiles) hash(d *directory.Directory) (string, error) {
	h := sha256.New()
	for _, f := range w.files {
		b, err := w.read(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", f, len(b))
		h.Write(b)
	}
	src, err := directory.GoSource(d, "")
	if err != nil {
		return "", err
	}
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// Resolve gives the address of one of the site's paths: under the base path
// when the site is served from a sub-path.
func (w *webFiles) Resolve(location string) string {
	if !strings.HasPrefix(location, "/") || strings.HasPrefix(location, "//") {
		return location // remote, relative or a fragment
	}
	if w.base != "" && (location == w.base || strings.HasPrefix(location, w.base+"/")) {
		return location
	}
	if location == "/" && w.base != "" {
		return w.base + "/"
	}
	return w.base + location
}

func (w *webFiles) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/web/")
	if b, ok := w.mem[name]; ok {
		rw.Header().Set("Content-Type", "image/png")
		rw.Header().Set("Content-Length", strconv.Itoa(len(b)))
		rw.Write(b)
		return
	}
	file := name
	if name == "app.wasm" {
		rw.Header().Set("Content-Type", "application/wasm")
		rw.Header().Add("Vary", "Accept-Encoding")
		switch enc := acceptedEncoding(r.Header.Get("Accept-Encoding"), w.encoded); enc {
		case "br":
			file = "app.wasm.br"
			rw.Header().Set("Content-Encoding", "br")
		case "gzip":
			file = "app.wasm.gz"
			rw.Header().Set("Content-Encoding", "gzip")
		}
	}
	f, err := os.Open(filepath.Join(w.dir, filepath.FromSlash(file)))
	if err != nil {
		http.NotFound(rw, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		http.NotFound(rw, r)
		return
	}
	http.ServeContent(rw, r, name, fi.ModTime(), f)
}

// acceptedEncoding picks br, then gzip, if the browser accepts it and a
// fresh compressed copy exists; "" means send app.wasm as it is.
func acceptedEncoding(accept string, have map[string]bool) string {
	accepts := map[string]bool{}
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.ReplaceAll(strings.TrimSpace(params), " ", "") == "q=0" {
			continue
		}
		accepts[strings.ToLower(strings.TrimSpace(name))] = true
	}
	for _, enc := range []string{"br", "gzip"} {
		if have[enc] && (accepts[enc] || accepts["*"]) {
			return enc
		}
	}
	return ""
}
