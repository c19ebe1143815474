//go:build !wasm

package server

import (
	"net/http"
	"time"
)

// Limits of the HTTP server (README: Serving). A request is a line and
// headers, never a body: the pages are read with GET and HEAD only.
const (
	// MaxHeaderBytes bounds a request's line and headers: a query longer
	// than the search reads (search.MaxQueryRunes) is of no use anyway.
	MaxHeaderBytes = 16 << 10
	// ReadTimeout bounds reading a request, headers included.
	ReadTimeout = 10 * time.Second
	// WriteTimeout bounds writing a page or a small file; the web files
	// move it on while the client keeps reading (DownloadStall,
	// MaxDownload), so app.wasm reaches a slow line whole.
	WriteTimeout = 30 * time.Second
	// IdleTimeout is how long a keep-alive connection may wait for its
	// next request.
	IdleTimeout = 60 * time.Second
	// ShutdownGrace is how long requests in flight may take to finish once
	// the server is asked to stop.
	ShutdownGrace = 60 * time.Second
)

// HTTPServer is an http.Server for h with the limits above.
func HTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		MaxHeaderBytes:    MaxHeaderBytes,
		ReadHeaderTimeout: ReadTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
	}
}
