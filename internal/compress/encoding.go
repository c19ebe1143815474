// Package compress compresses bytes as the widget's files are sent: brotli
// and gzip, in pure Go, into memory. The build (askforhelp compress), the
// server (the words file it makes at start-up) and the bench (the static
// site and the floor pages) all compress through it.
package compress

import (
	"bytes"
	"compress/gzip"

	"github.com/andybalholm/brotli"
)

// Brotli is b compressed with brotli at level (0-11,
// brotli.BestCompression being the smallest).
func Brotli(b []byte, level int) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, level)
	w.Write(b) // a bytes.Buffer takes every write; Close reports none
	w.Close()
	return buf.Bytes()
}

// Gzip is b compressed with gzip at level (gzip.BestCompression is 9); a
// level gzip does not have is taken as its default.
func Gzip(b []byte, level int) []byte {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, level)
	if err != nil {
		w = gzip.NewWriter(&buf)
	}
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
