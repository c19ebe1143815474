// Package seedindex holds the search index of the embedded data
// (directory.Seed), made at `make data` time (MarshalIndex), so that the
// small answerer (cmd/answer) reads its engine in a fraction of the time
// search.New takes to build it in a browser. Only cmd/answer links it: the
// app (cmd/askforhelp) builds its engine with search.New in idle time and
// does not carry the index's bytes.
package seedindex

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
)

//go:generate go run gen.go

// Engine is search.New(directory.Seed), read from the index. It fails
// only if the index is stale, which the package's tests rule out.
func Engine() (*search.Engine, error) {
	return search.LoadIndex(directory.Seed, index)
}
