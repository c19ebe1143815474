//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"

	"github.com/alphagov/askforhelp/internal/atomicfile"
	"github.com/andybalholm/brotli"
)

func compressCmd(args []string, stderr io.Writer) error {
	fs := newFlags("compress", "FILE...", stderr)
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: compress needs a file", errUsage)
	}
	return compressFiles(files...)
}

// compressFiles writes FILE.br (brotli, best) and FILE.gz (gzip, best) beside
// each file, in pure Go, unless they are already newer than the file.
func compressFiles(files ...string) error {
	for _, f := range files {
		src, err := os.Stat(f)
		if err != nil {
			return err
		}
		var data []byte
		for _, c := range []struct {
			ext string
			new func(io.Writer) io.WriteCloser
		}{
			{".br", func(w io.Writer) io.WriteCloser { return brotli.NewWriterLevel(w, brotli.BestCompression) }},
			{".gz", func(w io.Writer) io.WriteCloser { z, _ := gzip.NewWriterLevel(w, gzip.BestCompression); return z }},
		} {
			if fi, err := os.Stat(f + c.ext); err == nil && !fi.ModTime().Before(src.ModTime()) {
				continue
			}
			if data == nil {
				if data, err = os.ReadFile(f); err != nil {
					return err
				}
			}
			var buf bytes.Buffer
			w := c.new(&buf)
			if _, err := w.Write(data); err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			if err := atomicfile.Write(f+c.ext, buf.Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}
