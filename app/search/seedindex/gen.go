//go:build ignore

// gen writes index_gen.go, the index of directory.Seed (make index; make
// data runs it after regenerating the data), whole or not at all
// (atomicfile).
package main

import (
	"fmt"
	"os"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/search/seedindex"
	"github.com/alphagov/askforhelp/internal/atomicfile"
)

func main() {
	code := seedindex.GoSource(search.MarshalIndex(search.New(directory.Seed)))
	if err := atomicfile.Write("index_gen.go", code); err != nil {
		fmt.Fprintln(os.Stderr, "seedindex: writing index_gen.go:", err)
		os.Exit(1)
	}
}
