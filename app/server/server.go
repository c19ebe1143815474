//go:build !wasm

// Package server serves the "Ask for help" go-app PWA: the prerendered
// pages, the WebAssembly client and its assets, with the app's own icons and
// security headers, and writes the same site as static files.
package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Options configure the server.
type Options struct {
	// Dir is the directory the pages show; nil: the embedded seed data.
	Dir *directory.Directory
	// WebDir is the folder served under /web/ (app.wasm, style.css, ...).
	WebDir string
	// Version overrides the app's version; by default it is a hash of what
	// is served, so an unchanged server that restarts is not an update.
	Version string
}

// icons are drawn at start-up and served from memory.
var icons = map[string]func() []byte{
	"icon-192.png":          func() []byte { return iconPNG(192, false) },
	"icon-512.png":          func() []byte { return iconPNG(512, false) },
	"icon-maskable-512.png": func() []byte { return iconPNG(512, true) },
}

// Server is the app's HTTP handler.
type Server struct {
	app     *app.Handler
	web     webFiles
	version string
}

// New prepares the server: it checks that the web folder holds app.wasm,
// registers the pages' routes and computes the version.
func New(o Options) (*Server, error) {
	if o.WebDir == "" {
		o.WebDir = "web"
	}
	if _, err := os.Stat(filepath.Join(o.WebDir, "app.wasm")); err != nil {
		return nil, fmt.Errorf("%s: no app.wasm: build it first (make wasm): %v", o.WebDir, err)
	}
	ui.Register(o.Dir)
	w := webFiles{dir: o.WebDir, mem: map[string][]byte{}}
	for name, draw := range icons {
		w.mem[name] = draw()
	}
	version := o.Version
	if version == "" {
		v, err := hashVersion(o.WebDir, w.mem, o.Dir)
		if err != nil {
			return nil, err
		}
		version = v
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
		CacheableResources: []string{"/web/icon.svg", "/embed"},
		Resources:          w,
		Version:            version,
	}
	return &Server{app: h, web: w, version: version}, nil
}

// Version is the app's version.
func (s *Server) Version() string { return s.version }

// ServeHTTP serves the app with its security headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	hd.Set("Content-Security-Policy", csp)
	if r.URL.Path == "/web/app.wasm" {
		hd.Set("Content-Type", "application/wasm")
	}
	if !isPage(r.URL.Path) {
		s.app.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	for k, v := range rec.Header() {
		hd[k] = v
	}
	if rec.Code == http.StatusOK && strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		body = tidyHTML(body)
		hd.Set("Content-Type", "text/html; charset=utf-8")
		hd.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(rec.Code)
	w.Write(body)
}

// isPage reports whether a path is one of the app's pages rather than a
// script, stylesheet, manifest or file under /web/.
func isPage(p string) bool {
	return !strings.HasPrefix(p, "/web/") && path.Ext(p) == ""
}

// csp allows nothing beyond the app's own origin; WebAssembly needs
// 'wasm-unsafe-eval' to compile.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

// staticFiles are what a static copy of the site holds besides /web/: the
// pages and go-app's scripts, manifest and stylesheet.
var staticFiles = map[string]string{
	"/":                     "index.html",
	ui.EmbedPath:            strings.TrimPrefix(ui.EmbedPath, "/") + ".html",
	"/wasm_exec.js":         "wasm_exec.js",
	"/app.js":               "app.js",
	"/app-worker.js":        "app-worker.js",
	"/manifest.webmanifest": "manifest.webmanifest",
	"/app.css":              "app.css",
}

// Build writes the site as static files into out: each page and script as
// this server answers it, then the web folder and the drawn icons.
func (s *Server) Build(out string) error {
	if err := os.MkdirAll(filepath.Join(out, "web"), 0o755); err != nil {
		return err
	}
	for p, name := range staticFiles {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return fmt.Errorf("building %s: the server answered %d", p, rec.Code)
		}
		if err := os.WriteFile(filepath.Join(out, name), rec.Body.Bytes(), 0o644); err != nil {
			return err
		}
	}
	err := filepath.WalkDir(s.web.dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(s.web.dir, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(out, "web", rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		return err
	}
	for name, b := range s.web.mem {
		if err := os.WriteFile(filepath.Join(out, "web", name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// webFiles serves /web/: drawn icons from memory, the rest from a folder.
type webFiles struct {
	dir string
	mem map[string][]byte
}

// Resolve keeps /web/ paths as they are: they are served from this origin.
func (f webFiles) Resolve(location string) string {
	if location == "" || location == "/" {
		return "/"
	}
	if strings.HasPrefix(location, "http://") || strings.HasPrefix(location, "https://") {
		return location
	}
	if strings.HasPrefix(location, "web/") || strings.HasPrefix(location, "/web/") || location == "/web" {
		return "/" + strings.Trim(location, "/")
	}
	return location
}

func (f webFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/web/")
	if b, ok := f.mem[name]; ok {
		w.Header().Set("Content-Type", "image/png")
		w.Write(b)
		return
	}
	r2 := *r
	u := *r.URL
	u.Path = "/" + name
	r2.URL = &u
	http.FileServer(http.Dir(f.dir)).ServeHTTP(w, &r2)
}

// hashVersion hashes everything served: the web folder, the drawn icons and
// the directory the pages show.
func hashVersion(dir string, mem map[string][]byte, d *directory.Directory) (string, error) {
	h := sha256.New()
	var files []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	names := make([]string, 0, len(mem))
	for n := range mem {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "%s %d\n", n, len(mem[n]))
		h.Write(mem[n])
	}
	if d == nil {
		d = directory.Seed
	}
	if err := json.NewEncoder(h).Encode(d); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}
