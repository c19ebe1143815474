//go:build ignore

// gen writes index_gen.go, the index of directory.Seed (make index; make
// data runs it after regenerating the data). It writes through a temporary
// file, so that index_gen.go is never half-written.
package main

import (
	"fmt"
	"os"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/search/seedindex"
)

func main() {
	code := seedindex.GoSource(search.MarshalIndex(search.New(directory.Seed)))
	tmp, err := os.CreateTemp(".", ".index_gen-*.go")
	if err == nil {
		_, err = tmp.Write(code)
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(tmp.Name(), 0o644)
		}
		if err == nil {
			err = os.Rename(tmp.Name(), "index_gen.go")
		}
		if err != nil {
			os.Remove(tmp.Name())
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "seedindex: writing index_gen.go:", err)
		os.Exit(1)
	}
}
