//go:build !wasm

package search

import (
	"sync"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/manual"
	"github.com/alphagov/askforhelp/internal/testenv"
)

// Tests about one version of the data name it: a test that took its
// expectations from whatever docs the data was made from would break the
// day the docs change (the publish pipeline tests the docs of the day).

// pageOnly is what the Ask for help page of 2024-04-26 alone says (the
// seed page, kept in testdata), for the page's own behaviours.
var pageOnly = func() *directory.Directory {
	d, err := manual.ReadFile("testdata/ask-for-help-2024-04-26.html.md")
	if err != nil {
		panic(err)
	}
	return d
}()

var (
	snapshotsMu sync.Mutex
	snapshots   = map[string]*directory.Directory{}
)

// snapshot is the directory read from ../shared/docs/NAME. Without
// ../shared the test is skipped, but not under CI, which has it.
func snapshot(t testing.TB, name string) *directory.Directory {
	t.Helper()
	snapshotsMu.Lock()
	defer snapshotsMu.Unlock()
	if d := snapshots[name]; d != nil {
		return d
	}
	c, err := manual.ReadDocs(testenv.Shared(t, "docs", name))
	if err != nil {
		t.Fatal(err)
	}
	snapshots[name] = c.Dir
	return c.Dir
}
