//go:build !wasm

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/manual"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/internal/testenv"
	"github.com/chromedp/chromedp"
)

// variant is the project published (`make publish`) from another version
// of the docs than the embedded one.
type variant struct {
	dir         *directory.Directory // the data, as the reader reads the docs
	web         string               // the copy's web folder, its wasm built from them
	site        string               // the static site, for staticBase
	changedTree bool                 // this tree's seed_gen.go differed afterwards
}

var (
	variantsMu   sync.Mutex
	variants     = map[string]*variant{}
	variantsRoot string // removed when the tests end (TestMain)
)

// publishVariant runs `make publish` on ../shared/docs/NAME, as the publish
// workflow does, once for all the tests that need it (TestUpdate,
// TestPublish): it builds both wasm, about 30 s. The copy's own `make test`
// is the test run this is part of, so it runs `make lint` in its place.
func publishVariant(t *testing.T, name string) *variant {
	t.Helper()
	docs := testenv.Shared(t, "docs", name)
	if _, err := exec.LookPath("make"); err != nil {
		testenv.Missing(t, "no make: %v", err)
	}
	variantsMu.Lock()
	defer variantsMu.Unlock()
	if v := variants[name]; v != nil {
		return v
	}
	d, err := manual.ReadDocs(docs)
	if err != nil {
		t.Fatal(err)
	}
	if variantsRoot == "" {
		if variantsRoot, err = os.MkdirTemp("", "askforhelp-variants-"); err != nil {
			t.Fatal(err)
		}
	}
	tmp := filepath.Join(variantsRoot, name)
	v := &variant{dir: d.Dir, web: filepath.Join(tmp, "copy", "main", "web"), site: filepath.Join(tmp, "site")}
	seed, _ := os.ReadFile("../../app/directory/seed_gen.go")
	cmd := exec.Command("make", "publish", "DOCS="+docs, "OUT="+v.site, "BASE="+staticBase+"/",
		"PUBLISH="+filepath.Join(tmp, "copy"), "CHECK=lint")
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make publish: %v\n%s", err, out)
	}
	now, _ := os.ReadFile("../../app/directory/seed_gen.go")
	v.changedTree = !bytes.Equal(seed, now)
	variants[name] = v
	return v
}

// removeVariants removes what publishVariant made.
func removeVariants() {
	if variantsRoot != "" {
		os.RemoveAll(variantsRoot)
	}
}

// TestPublish: `make publish` on another version of the docs than the
// embedded one (the docs of 2024) builds a site that answers from that
// version in a browser, and leaves this working tree as it was.
func TestPublish(t *testing.T) {
	v := publishVariant(t, "2024-04-26-c51f946f2")
	// A repo whose team the two versions disagree on: the built site must
	// give the 2024 team.
	old := search.New(v.dir)
	var q, want string
	for _, r := range v.dir.Repos {
		if rs := old.Search(r.Name, 1); r.Team != "" && len(rs) == 1 && rs[0].Contact.Channel != teamFor(r.Name) {
			q, want = r.Name, rs[0].Contact.Channel
			break
		}
	}
	if q == "" {
		t.Fatal("no repo is answered differently by the 2024 docs and the embedded data")
	}
	if v.changedTree {
		t.Error("make publish changed this tree's app/directory/seed_gen.go")
	}

	base := serveStatic(t, v.site, nil)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(base+"/"), waitWasm(),
		waitText("#data-age", "Team data from the developer docs of 26 April 2024"),
		searchFor(q, want))
}
