//go:build !wasm

// Package server serves the "Ask for help" go-app PWA: the prerendered
// pages, the WebAssembly client (compressed when the browser accepts it) and
// its assets, the app's own icons, a service worker that makes every page
// work offline, the demo manual page with the widget embedded, and the
// security headers; and it writes the same site as static files.
package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

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
	embed   string            // CSP for /embed
	files   map[string]*asset // every file the site lists, by path; pages are rendered
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
	// The embedded data with each page's every word (directory.Whole), as
	// the app searches it once it has fetched the words file.
	d := o.Dir
	if d == nil {
		d = directory.Whole()
	}
	ui.Register(d)
	words, err := directory.WordsFile(d)
	if err != nil {
		return nil, err
	}
	version, err := web.hash(d, words)
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
		Scripts:            web.scripts(),
		CacheableResources: append([]string{"/web/icon.svg", ui.EmbedPath, ui.WordsPath}, web.answerer()...),
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
	s := &Server{app: h, web: web, version: version, embed: frameCSP(o.FrameAncestors), files: map[string]*asset{}}
	appJS, err := s.streamingAppJS()
	if err != nil {
		return nil, err
	}
	mf := s.manifest()
	s.files["/app.js"] = newAsset(appJS, "application/javascript")
	s.files[ManifestURL] = newAsset(mf, "application/manifest+json")
	s.files["/manifest.json"] = s.files[ManifestURL]
	s.files[DemoPath] = newAsset(demo, "text/html; charset=utf-8")
	// go-app's own files, as go-app makes them (app-worker.js from our
	// template); app.css is no longer linked, but its worker caches it.
	for _, p := range []string{"/app-worker.js", "/wasm_exec.js", "/app.css"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("go-app's %s: status %d", p, rec.Code)
		}
		s.files[p] = newAsset(rec.Body.Bytes(), rec.Header().Get("Content-Type"))
	}
	for name, a := range web.assets {
		s.files["/web/"+name] = a
	}
	// After the web folder's files: the words file is the data's.
	s.files[ui.WordsPath] = compressedAsset(words, "text/plain; charset=utf-8")
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

// metaPolicy puts the page's policies at the top of its <head> as <meta>
// tags, for static hosts that send no headers (GitHub Pages sends no
// Content-Security-Policy): csp, and the referrer policy ServeHTTP sends.
// It must come before any script to cover it. A policy in a <meta> cannot
// say frame-ancestors (browsers ignore it there) and there is no <meta>
// for X-Frame-Options, so which sites may frame a static copy is the
// host's to say (README: Publishing).
func metaPolicy(page []byte) ([]byte, error) {
	i := bytes.Index(page, []byte("<head"))
	if i < 0 {
		return nil, errors.New("no <head> to put the policy in")
	}
	end := bytes.IndexByte(page[i:], '>')
	if end < 0 {
		return nil, errors.New("<head> never closes")
	}
	at := i + end + 1
	meta := `<meta http-equiv="Content-Security-Policy" content="` + csp + `">` +
		`<meta name="referrer" content="` + referrerPolicy + `">`
	return slices.Concat(page[:at], []byte(meta), page[at:]), nil
}

// referrerPolicy sends other sites the origin alone, never a page's
// address (which may hold a query).
const referrerPolicy = "strict-origin-when-cross-origin"

// permissionsPolicy turns off the powerful features the app never uses, for
// its pages and for anything injected into them.
const permissionsPolicy = "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
	"magnetometer=(), microphone=(), payment=(), usb=()"

// ServeHTTP serves the app with its security headers: GET and HEAD only,
// the pages rendered, and only the files the site lists.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", referrerPolicy)
	hd.Set("Permissions-Policy", permissionsPolicy)
	// No other site's window may keep a handle on ours (links open with
	// noopener anyway); an iframe is not concerned, so /embed still embeds.
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	switch r.URL.Path {
	case ui.EmbedPath, "/web/embed.js":
		// Other sites load embed.js and frame /embed, also from pages that
		// require CORP of what they embed.
		hd.Set("Cross-Origin-Resource-Policy", "cross-origin")
	default:
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
	}
	if r.URL.Path == ui.EmbedPath {
		hd.Set("Content-Security-Policy", s.embed)
	} else {
		hd.Set("Content-Security-Policy", csp+"; frame-ancestors 'self'")
		hd.Set("X-Frame-Options", "SAMEORIGIN")
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == ui.HomePath || r.URL.Path == ui.EmbedPath {
		s.servePage(w, r)
		return
	}
	a, ok := s.files[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	a.serve(w, r)
}

// servePage renders a page with go-app and mends its HTML (mendPage). A
// page has no ETag: it depends on its query as well as on the version.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	r2 := r.Clone(r.Context())
	r2.Header.Del("If-None-Match") // go-app answers 304 to its version
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, r2)
	body := rec.Body.Bytes()
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	body, _, err := mendPage(body)
	if err != nil {
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Cache-Control", "no-cache")
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
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
	ui.WordsPath:     strings.TrimPrefix(ui.WordsPath, "/"),
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
		body := rec.Body.Bytes()
		if strings.HasSuffix(name, ".html") {
			if body, err = metaPolicy(body); err != nil {
				return fmt.Errorf("building %s: %v", p, err)
			}
		}
		if err := os.WriteFile(filepath.Join(tmp, name), body, 0o644); err != nil {
			return err
		}
	}
	for _, f := range s.web.files {
		if _, ok := staticFiles["/web/"+f]; ok {
			continue // written above, as the server answers it
		}
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

// webFiles are the files under /web/: the drawn icons and the regular
// files of the web folder (no dotfiles, nothing a symlink leads to outside
// it), read into memory when the server starts, each .wasm with its fresh
// compressed copies as variants.
type webFiles struct {
	dir      string
	base     string            // path prefix of the site ("" at the root)
	mem      map[string][]byte // every file's content, by slash-separated name
	files    []string          // every file served, sorted, slash-separated
	assets   map[string]*asset // what is served, by name
	wasmSize int64
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
	w := &webFiles{dir: dir, base: base, mem: map[string][]byte{}, assets: map[string]*asset{}, wasmSize: wasm.Size()}
	mod := map[string]time.Time{} // each file's modification time
	for name, draw := range icons {
		w.mem[name] = draw()
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel != "." && strings.HasPrefix(path.Base(rel), ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if _, drawn := w.mem[rel]; drawn {
			return nil
		}
		b, ok, err := readInside(root, p)
		if err != nil || !ok {
			return err
		}
		if fi, err := os.Stat(p); err == nil {
			mod[rel] = fi.ModTime()
		}
		w.mem[rel] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, ok := w.mem["app.wasm"]; !ok {
		return nil, fmt.Errorf("%s: app.wasm is not a regular file in the folder", dir)
	}
	// Each .wasm (app.wasm, answer.wasm) is served with its compressed
	// copies as variants. A copy older than its .wasm is stale: never
	// serve it.
	wasms := map[string]*asset{}
	for name, b := range w.mem {
		if strings.HasSuffix(name, ".wasm") {
			wasms[name] = newAsset(b, "application/wasm")
			wasms[name].encoded = map[string]*asset{}
		}
	}
	for name, a := range wasms {
		for enc, ext := range map[string]string{"br": ".br", "gzip": ".gz"} {
			b, ok := w.mem[name+ext]
			if ok && mod[name+ext].Before(mod[name]) {
				delete(w.mem, name+ext)
				continue
			}
			if ok {
				a.encoded[enc] = newAsset(b, "application/wasm")
			}
		}
		w.assets[name] = a
	}
	for name, b := range w.mem {
		w.files = append(w.files, name)
		if _, ok := w.assets[name]; ok || wasms[strings.TrimSuffix(strings.TrimSuffix(name, ".br"), ".gz")] != nil {
			continue
		}
		w.assets[name] = newAsset(b, contentType(name))
	}
	sort.Strings(w.files)
	return w, nil
}

// answerFiles are the small wasm that answers before the app starts
// (cmd/answer, started by web/early.js; see web/page.js).
var answerFiles = []string{"answer.wasm"}

// answerer is the addresses of answerFiles, for the service worker to cache
// (offline, the page answers before the app starts too); none when the
// folder lacks one of them, and then page.js starts the app at once.
func (w *webFiles) answerer() []string {
	var paths []string
	for _, f := range answerFiles {
		if _, ok := w.mem[f]; !ok {
			return nil
		}
		paths = append(paths, "/web/"+f)
	}
	return paths
}

// scripts are the page's own scripts: web/early.js, which starts the
// answerer while the head is read (synchronous, so before the page is
// parsed; only when there is an answerer), then web/page.js (deferred).
func (w *webFiles) scripts() []string {
	if w.answerer() == nil {
		return []string{"/web/page.js defer"}
	}
	return []string{"/web/early.js", "/web/page.js defer"}
}

// readInside reads the file at p if it is a regular file, or a symlink to
// one, inside root; ok is false for anything else (a FIFO, a device, a
// symlink leading out of the folder), which is not served.
func readInside(root, p string) (b []byte, ok bool, err error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, false, nil // a dangling symlink
	}
	if rel, err := filepath.Rel(root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, false, nil
	}
	fi, err := os.Stat(real)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, false, nil
	}
	b, err = os.ReadFile(real)
	return b, err == nil, err
}

// contentType is a /web/ file's media type, from its extension.
func contentType(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func (w *webFiles) read(name string) ([]byte, error) {
	if b, ok := w.mem[name]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("%s: not served", name)
}

// hash is the app's version: a hash of every file served and of the data
// the pages show, so that an unchanged server that restarts is not an update
// and any real change is.
func (w *webFiles) hash(d *directory.Directory, words []byte) (string, error) {
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
	h.Write(words)
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
