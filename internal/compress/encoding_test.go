package compress

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestRoundTrip: each encoding decodes to what it was given, smaller for
// repetitive text, at every level the callers use and at a level gzip
// does not have.
func TestRoundTrip(t *testing.T) {
	text := bytes.Repeat([]byte("who looks after database migrations? "), 200)
	for _, c := range []struct {
		name   string
		encode func() []byte
		decode func(io.Reader) (io.Reader, error)
	}{
		{"brotli 11", func() []byte { return Brotli(text, brotli.BestCompression) }, func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
		{"brotli 6", func() []byte { return Brotli(text, 6) }, func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
		{"gzip 9", func() []byte { return Gzip(text, gzip.BestCompression) }, func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
		{"gzip 42", func() []byte { return Gzip(text, 42) }, func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
	} {
		enc := c.encode()
		r, err := c.decode(bytes.NewReader(enc))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, text) {
			t.Errorf("%s: does not decode to its input (%v)", c.name, err)
		}
		if len(enc) >= len(text)/10 {
			t.Errorf("%s: %d bytes from %d", c.name, len(enc), len(text))
		}
	}
}
