//go:build !wasm

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/alphagov/askforhelp/app/manual"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/internal/testenv"
	"github.com/chromedp/chromedp"
)

// TestPublish runs `make publish` as the publish workflow does, on another
// version of the docs than the embedded one (the docs of 2024), and checks
// that the site it builds answers from that version in a browser, and
// that this working tree is as it was. The copy's own `make test` is the
// test run this test is part of, so it runs `make lint` in its place.
func TestPublish(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		testenv.Missing(t, "no make: %v", err)
	}
	docs := testenv.Shared(t, "docs", "2024-04-26-c51f946f2")
	d, err := manual.ReadDocs(docs)
	if err != nil {
		t.Fatal(err)
	}
	// A repo whose team the two versions disagree on: the built site must
	// give the 2024 team.
	old := search.New(d.Dir)
	var q, want string
	for _, r := range d.Dir.Repos {
		if rs := old.Search(r.Name, 1); r.Team != "" && len(rs) == 1 && rs[0].Contact.Channel != teamFor(r.Name) {
			q, want = r.Name, rs[0].Contact.Channel
			break
		}
	}
	if q == "" {
		t.Fatal("no repo is answered differently by the 2024 docs and the embedded data")
	}

	seed, _ := os.ReadFile("../../app/directory/seed_gen.go")
	tmp := t.TempDir()
	site := filepath.Join(tmp, "site")
	cmd := exec.Command("make", "publish", "DOCS="+docs, "OUT="+site, "BASE="+staticBase+"/",
		"PUBLISH="+filepath.Join(tmp, "copy"), "CHECK=lint")
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make publish: %v\n%s", err, out)
	}
	if now, _ := os.ReadFile("../../app/directory/seed_gen.go"); !bytes.Equal(seed, now) {
		t.Error("make publish changed this tree's app/directory/seed_gen.go")
	}

	base := serveStatic(t, site, nil)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(base+"/"), waitWasm(),
		waitText("#data-age", "Team data from the developer docs of 26 April 2024"),
		searchFor(q, want))
}
