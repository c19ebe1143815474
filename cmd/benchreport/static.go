//go:build !wasm

package main

import (
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// staticCacheControl is what the static host sends with every file: ten
// minutes, as GitHub Pages does.
const staticCacheControl = "max-age=600"

// staticHost serves the files of a folder as a plain static host does, and
// nothing else: GET and HEAD, "/dir/" as dir/index.html, "/name" as
// name.html when there is no file "name" (GitHub Pages' rule, which the
// site's /embed relies on), FILE.br or FILE.gz beside FILE sent instead of
// it when the browser accepts that encoding, a Content-Type from the name,
// Last-Modified and conditional requests (http.ServeContent), and
// Cache-Control: max-age=600. No dotfiles, nothing outside the folder (an
// os.Root), no listings, no app logic: the query is ignored.
type staticHost struct {
	root *os.Root
}

// newStaticHost serves dir.
func newStaticHost(dir string) (*staticHost, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &staticHost{root: r}, nil
}

func (h *staticHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := h.resolve(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	send, encoding := name, ""
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if accepts(accept, enc.token) && h.isFile(name+enc.ext) {
			send, encoding = name+enc.ext, enc.token
			break
		}
	}
	f, err := h.root.Open(send)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", contentType(name))
	hd.Set("Cache-Control", staticCacheControl)
	if h.isFile(name+".br") || h.isFile(name+".gz") {
		hd.Set("Vary", "Accept-Encoding")
	}
	if encoding != "" {
		hd.Set("Content-Encoding", encoding)
	}
	http.ServeContent(w, r, "", st.ModTime().Truncate(time.Second), f)
}

// resolve maps a URL path to a file's name in the folder.
func (h *staticHost) resolve(p string) (string, bool) {
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return "", false
		}
	}
	switch {
	case name == "" || strings.HasSuffix(p, "/"):
		name = path.Join(name, "index.html")
	case !h.isFile(name) && h.isFile(name+".html"):
		name += ".html"
	}
	return name, h.isFile(name)
}

func (h *staticHost) isFile(name string) bool {
	st, err := h.root.Stat(name)
	return err == nil && st.Mode().IsRegular()
}

// contentType is the type a static host gives a file by its name.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".mjs", ".js":
		return "text/javascript; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// accepts reports whether an Accept-Encoding header accepts token (with a
// q-value other than 0).
func accepts(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), token) {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
