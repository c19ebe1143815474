//go:build !wasm

package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"

	"github.com/alphagov/askforhelp/internal/atomicfile"
	"github.com/alphagov/askforhelp/internal/compress"
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
			ext    string
			encode func([]byte) []byte
		}{
			{".br", func(b []byte) []byte { return compress.Brotli(b, brotli.BestCompression) }},
			{".gz", func(b []byte) []byte { return compress.Gzip(b, gzip.BestCompression) }},
		} {
			if fi, err := os.Stat(f + c.ext); err == nil && !fi.ModTime().Before(src.ModTime()) {
				continue
			}
			if data == nil {
				if data, err = os.ReadFile(f); err != nil {
					return err
				}
			}
			if err := atomicfile.Write(f+c.ext, c.encode(data)); err != nil {
				return err
			}
		}
	}
	return nil
}
