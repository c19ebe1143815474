//go:build js && wasm && noindex

package main

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
)

// engine is indexed from the embedded data when the page starts: no
// index bytes to download.
func engine() *search.Engine { return search.New(directory.Seed) }
