//go:build js && wasm && !noindex

package main

import (
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/search/seedindex"
)

// engine is read from the prebuilt index, as cmd/answer reads it.
func engine() *search.Engine {
	eng, err := seedindex.Engine()
	if err != nil {
		panic(err)
	}
	return eng
}
