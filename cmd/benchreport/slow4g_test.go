//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock whose Sleep moves its time on at once.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.now = c.now.Add(d)
	}
}

// onLink is how long n bytes take at Slow 4G's rate.
func onLink(n int) time.Duration {
	return time.Duration(float64(n) / slow4GRate * float64(time.Second))
}

// linkStep is a reservation of n bytes on a link, idle after the one
// before, and the wait it should get.
type linkStep struct {
	idle time.Duration // the clock moves on by this first
	n    int
	want time.Duration
}

// TestDownlink: the link's schedule is shared by every writer (bytes
// booked at the same moment queue behind each other), and an idle link
// saves up one chunk's time, no more.
func TestDownlink(t *testing.T) {
	const chunk = slow4GChunk
	for _, c := range []struct {
		name  string
		steps []linkStep
	}{
		{"one writer", []linkStep{{0, chunk, 0}, {0, chunk, onLink(chunk)}, {0, chunk, 2 * onLink(chunk)}, {0, 100, 2*onLink(chunk) + onLink(100)}}},
		{"three writers at once share the rate", []linkStep{{0, chunk, 0}, {0, chunk, onLink(chunk)}, {0, chunk, 2 * onLink(chunk)}, {0, chunk, 3 * onLink(chunk)}, {0, chunk, 4 * onLink(chunk)}}},
		{"a writer that wakes on time keeps the pace", []linkStep{{0, chunk, 0}, {0, chunk, onLink(chunk)}, {onLink(chunk), chunk, onLink(chunk)}, {onLink(chunk), chunk, onLink(chunk)}}},
		{"a late writer catches up by one chunk at most", []linkStep{{0, chunk, 0}, {0, chunk, onLink(chunk)}, {3 * onLink(chunk), chunk, 0}, {0, chunk, onLink(chunk)}}},
		{"an idle link saves up one chunk's time", []linkStep{{0, chunk, 0}, {time.Second, 3 * chunk, 2 * onLink(chunk)}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk := &fakeClock{now: time.Unix(1e9, 0)}
			l := &downlink{clock: clk, rate: slow4GRate}
			for i, s := range c.steps {
				clk.Sleep(s.idle)
				if got := l.reserve(s.n); (got - s.want).Abs() > time.Microsecond {
					t.Errorf("step %d: %d bytes wait %v, want %v", i, s.n, got, s.want)
				}
			}
		})
	}
}

// TestSlow4G: through the shaped host, a response comes 150 ms late and its
// bytes as sent at 200 kB/s; text with no precompressed copy is gzipped
// when the browser accepts gzip; precompressed copies, binaries, partial
// and unchanged responses pass as the static host sends them.
func TestSlow4G(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("database migration platform engineering\n", 500)
	wasm := bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00"), 2000)
	for name, body := range map[string]string{
		"words.txt": text, "page.js": "page();", "page.js.br": "page-br", "app.wasm": string(wasm), "data.json": `{"a":1}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	host, err := newStaticHost(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path, accept string
		header             map[string]string
		code               int
		enc, body          string // body: decoded
	}{
		{"text gzipped on the fly", "/words.txt", "gzip, deflate, br", nil, 200, "gzip", text},
		{"text as is when gzip is not accepted", "/words.txt", "br", nil, 200, "", text},
		{"JSON gzipped", "/data.json", "gzip", nil, 200, "gzip", `{"a":1}`},
		{"the precompressed copy, not compressed again", "/page.js", "gzip, br", nil, 200, "br", "page-br"},
		{"text with only a .br copy, gzipped for a gzip-only browser", "/page.js", "gzip", nil, 200, "gzip", "page();"},
		{"a binary is not gzipped", "/app.wasm", "gzip", nil, 200, "", string(wasm)},
		{"a range is not gzipped", "/words.txt", "gzip", map[string]string{"Range": "bytes=0-9"}, 206, "", text[:10]},
		{"unchanged", "/words.txt", "gzip", map[string]string{"If-Modified-Since": time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)}, 304, "", ""},
		{"missing", "/nothing.txt", "gzip", nil, 404, "", "404 page not found\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk := &fakeClock{now: time.Unix(1e9, 0)}
			start := clk.Now()
			req := httptest.NewRequest("GET", c.path, nil)
			req.Header.Set("Accept-Encoding", c.accept)
			for k, v := range c.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			slow4G(host, clk).ServeHTTP(rec, req)
			if rec.Code != c.code {
				t.Fatalf("status %d, want %d", rec.Code, c.code)
			}
			hd := rec.Header()
			if got := hd.Get("Content-Encoding"); got != c.enc {
				t.Errorf("Content-Encoding %q, want %q", got, c.enc)
			}
			wire := rec.Body.Len()
			body := rec.Body.String()
			if c.enc == "gzip" {
				if hd.Get("Content-Length") != "" || !strings.Contains(hd.Get("Vary"), "Accept-Encoding") {
					t.Errorf("gzipped, with Content-Length %q and Vary %q", hd.Get("Content-Length"), hd.Get("Vary"))
				}
				zr, err := gzip.NewReader(rec.Body)
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(zr)
				if err != nil {
					t.Fatal(err)
				}
				body = string(b)
				if len(body) > 1000 && wire >= len(body) {
					t.Errorf("gzipped %d bytes into %d", len(body), wire)
				}
			}
			if body != c.body {
				t.Errorf("body %.40q, want %.40q", body, c.body)
			}
			// The fake clock moved on by the latency, then by the time the
			// body's bytes take on the link less the chunk an idle link lets
			// through at once.
			want := slow4GLatency + max(0, onLink(wire)-onLink(slow4GChunk))
			if got := clk.Now().Sub(start); (got - want).Abs() > time.Microsecond {
				t.Errorf("%d bytes on the wire took %v, want %v", wire, got, want)
			}
		})
	}
}
