//go:build !wasm

package main

// Slow 4G: Lighthouse's mobile network, shaped at the server rather than in
// the browser, so that what workers and service workers fetch is shaped
// too (../shared/bench/README.md). Each response waits 150 ms before its
// first byte, and every response body shares one 1.6 Mbit/s downlink. Text
// that the host has no precompressed copy of is gzipped on the fly, as
// GitHub Pages does.

import (
	"compress/gzip"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"
)

const (
	slow4GLatency = 150 * time.Millisecond
	slow4GRate    = 200_000 // bytes a second: 1.6 Mbit/s
	// slow4GChunk is how many bytes go through the link at a time: small
	// enough that concurrent responses interleave, as packets would.
	slow4GChunk = 2 << 10
)

// clock is what the shaper waits on; tests give it a fake one, so that
// they check the pacing without timing anything.
type clock interface {
	Now() time.Time
	Sleep(time.Duration)
}

type realClock struct{}

func (realClock) Now() time.Time        { return time.Now() }
func (realClock) Sleep(d time.Duration) { time.Sleep(d) }

// downlink is one link that every response body shares, at rate bytes a
// second: a pacer whose schedule all writers reserve their bytes on, in
// the order they come, so that n responses sending at once get rate/n
// each and the total never exceeds rate.
type downlink struct {
	clock clock
	rate  float64
	mu    sync.Mutex
	// free is when the link has sent every byte reserved so far.
	free time.Time
}

// reserve books n bytes on the link and returns how long from now they
// take to have crossed it. The link may be behind its schedule by one
// chunk's time at most: a writer that wakes late (the timer, a busy
// machine) does not lower the rate, and an idle link saves up nothing more.
func (l *downlink) reserve(n int) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.clock.Now()
	slack := time.Duration(slow4GChunk / l.rate * float64(time.Second))
	if earliest := now.Add(-slack); l.free.Before(earliest) {
		l.free = earliest
	}
	l.free = l.free.Add(time.Duration(float64(n) / l.rate * float64(time.Second)))
	return l.free.Sub(now)
}

// slow4G serves h through a Slow 4G link of its own: a 150 ms wait before
// each response, and one 200 kB/s downlink for all response bodies.
func slow4G(h http.Handler, c clock) http.Handler {
	link := &downlink{clock: c, rate: slow4GRate}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.Sleep(slow4GLatency)
		sw := &shapedWriter{ResponseWriter: w, req: r, link: link}
		h.ServeHTTP(sw, r)
		sw.close()
	})
}

// shapedWriter sends a response's body through the link, chunk by chunk,
// gzipping it first when it is text the handler did not encode and the
// request accepts gzip.
type shapedWriter struct {
	http.ResponseWriter
	req         *http.Request
	link        *downlink
	wroteHeader bool
	gz          *gzip.Writer
}

func (w *shapedWriter) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	hd := w.Header()
	if code == http.StatusOK && w.req.Method != http.MethodHead && hd.Get("Content-Encoding") == "" &&
		isText(hd.Get("Content-Type")) && accepts(w.req.Header.Get("Accept-Encoding"), "gzip") {
		hd.Del("Content-Length")
		hd.Set("Content-Encoding", "gzip")
		if !strings.Contains(hd.Get("Vary"), "Accept-Encoding") {
			hd.Add("Vary", "Accept-Encoding")
		}
		w.gz = gzip.NewWriter(paced{w})
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *shapedWriter) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.gz != nil {
		return w.gz.Write(p)
	}
	return paced{w}.Write(p)
}

// close sends what the gzip writer still holds.
func (w *shapedWriter) close() {
	if w.gz != nil {
		w.gz.Close()
	}
}

// paced writes to the client through the link: each chunk is written, and
// flushed, once it would have crossed the link.
type paced struct{ w *shapedWriter }

func (p paced) Write(b []byte) (int, error) {
	sent := 0
	for sent < len(b) {
		n := min(slow4GChunk, len(b)-sent)
		p.w.link.clock.Sleep(p.w.link.reserve(n))
		if _, err := p.w.ResponseWriter.Write(b[sent : sent+n]); err != nil {
			return sent, err
		}
		http.NewResponseController(p.w.ResponseWriter).Flush()
		sent += n
	}
	return sent, nil
}

// isText reports whether a Content-Type is text that a host compresses.
func isText(contentType string) bool {
	t, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(t, "text/"), strings.HasSuffix(t, "+json"), strings.HasSuffix(t, "+xml"):
		return true
	}
	return t == "application/json" || t == "application/javascript" || t == "application/xml"
}
