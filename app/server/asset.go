//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"time"

	"github.com/alphagov/askforhelp/internal/compress"
)

// An asset is one file the site lists, held in memory, with an ETag of its
// own content: each file and each encoding of it has its own, so a 304
// never answers for another file and a resumed download (Range with
// If-Range) never splices two encodings.
type asset struct {
	body    []byte
	ctype   string
	etag    string
	encoded map[string]*asset // "br", "gzip": the same file compressed
}

func newAsset(body []byte, ctype string) *asset {
	sum := sha256.Sum256(body)
	return &asset{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// compressedAsset is an asset made at start-up (the words file), with its
// brotli and gzip encodings made then too. Brotli's level 6 takes a few
// milliseconds where its best takes hundreds, for 5% more bytes.
func compressedAsset(body []byte, ctype string) *asset {
	a := newAsset(body, ctype)
	a.encoded = map[string]*asset{
		"br":   newAsset(compress.Brotli(body, 6), ctype),
		"gzip": newAsset(compress.Gzip(body, gzip.DefaultCompression), ctype),
	}
	return a
}

// Download bounds. A response must be taken by the client at a pace of at
// least a chunk (32 kB, io.Copy's buffer) every DownloadStall, and whole
// within MaxDownload: app.wasm, brotli, is 1.5 MB, 2 minutes at 100 kbit/s.
const (
	DownloadStall = 30 * time.Second
	MaxDownload   = 10 * time.Minute
)

// serve answers GET and HEAD for the asset, in the encoding the browser
// prefers among those it has, with conditional and range requests
// (http.ServeContent). It moves the connection's write deadline on while
// the client keeps reading, so a slow line gets every byte and a client
// that stops reading is let go.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	body, etag := a.body, a.etag
	if a.encoded != nil {
		hd.Add("Vary", "Accept-Encoding")
		have := map[string]bool{}
		for enc := range a.encoded {
			have[enc] = true
		}
		if enc := acceptedEncoding(r.Header.Get("Accept-Encoding"), have); enc != "" {
			hd.Set("Content-Encoding", enc)
			body, etag = a.encoded[enc].body, a.encoded[enc].etag
		}
	}
	hd.Set("Content-Type", a.ctype)
	hd.Set("Cache-Control", "no-cache")
	hd.Set("ETag", etag)
	rc := http.NewResponseController(w)
	pw := &paced{ResponseWriter: w, rc: rc, end: time.Now().Add(MaxDownload)}
	http.ServeContent(pw, r, "", time.Time{}, bytes.NewReader(body))
}

// paced moves the write deadline on before each write, up to end.
type paced struct {
	http.ResponseWriter
	rc  *http.ResponseController
	end time.Time
}

func (p *paced) Write(b []byte) (int, error) {
	d := time.Now().Add(DownloadStall)
	if d.After(p.end) {
		d = p.end
	}
	if err := p.rc.SetWriteDeadline(d); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return 0, err
	}
	return p.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (p *paced) Unwrap() http.ResponseWriter { return p.ResponseWriter }
