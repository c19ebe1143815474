//go:build !wasm

package server

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits of the HTTP server (app/server/README.md). A request is a line and
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

// HTTPServer is an http.Server for h with the limits above. It also keeps
// the number of open connections below what the process may open (its
// file-descriptor limit, less some room): beyond it, the keep-alive
// connections idle the longest are closed to make room for new ones, so
// that idle clients can never keep the server from answering.
func HTTPServer(h http.Handler) *http.Server {
	return httpServer(h, max(fdLimit()-64, 16))
}

func httpServer(h http.Handler, maxConns int) *http.Server {
	c := &connCap{max: maxConns, idle: map[net.Conn]time.Time{}}
	return &http.Server{
		Handler:           h,
		MaxHeaderBytes:    MaxHeaderBytes,
		ReadHeaderTimeout: ReadTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		ConnState:         c.track,
	}
}

// connCap counts connections and closes idle ones when there are too many.
type connCap struct {
	mu   sync.Mutex
	max  int
	open int
	idle map[net.Conn]time.Time // since when each idle connection waits
}

func (c *connCap) track(conn net.Conn, st http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch st {
	case http.StateNew:
		c.open++
		if c.open > c.max {
			c.closeOldestIdle(conn)
		}
	case http.StateIdle:
		c.idle[conn] = time.Now()
	case http.StateActive:
		delete(c.idle, conn)
	case http.StateClosed, http.StateHijacked:
		delete(c.idle, conn)
		c.open--
	}
}

// closeOldestIdle closes the connection idle the longest, or conn itself
// when none is idle. Closing makes its server goroutine end (StateClosed).
func (c *connCap) closeOldestIdle(conn net.Conn) {
	var oldest net.Conn
	var since time.Time
	for ic, t := range c.idle {
		if oldest == nil || t.Before(since) {
			oldest, since = ic, t
		}
	}
	if oldest == nil {
		oldest = conn
	}
	delete(c.idle, oldest)
	oldest.Close()
}
