//go:build !wasm

package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestBaselineData: the baseline searches every team the widget can
// recommend, with its repos and manual pages, not the Ask for help page
// alone.
func TestBaselineData(t *testing.T) {
	b, err := baselineData(directory.Seed)
	if err != nil {
		t.Fatal(err)
	}
	var got []baselineEntry
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	entries := directory.Seed.Entries()
	if len(got) != len(entries) {
		t.Fatalf("%d teams in the baseline's data, want %d (directory.Seed.Entries)", len(got), len(entries))
	}
	repos, pages := 0, 0
	for i, e := range entries {
		if got[i].Channel != e.Contact.Channel && e.Contact.Channel != "" {
			t.Errorf("team %d is %q, want %q", i, got[i].Channel, e.Contact.Channel)
		}
		repos += len(got[i].Repos)
		pages += len(got[i].Pages)
	}
	owned, maintained := 0, 0
	for _, e := range entries {
		owned += len(e.Repos)
		maintained += len(e.Pages)
	}
	if repos != owned || pages != maintained || repos == 0 || pages == 0 {
		t.Errorf("the baseline's teams have %d repos and %d pages, want %d and %d", repos, pages, owned, maintained)
	}
	// The first repo with a team, from the data: the baseline must find it
	// under the team the widget answers with (an owner channel may be a
	// contact's other channel: directory.Entry.Owners).
	var repo, team string
	for _, e := range entries {
		if len(e.Repos) > 0 {
			repo, team = directory.Seed.Repos[e.Repos[0]].Name, e.Contact.Channel
			break
		}
	}
	i := slices.IndexFunc(got, func(e baselineEntry) bool { return e.Channel == team })
	if i < 0 || !slices.ContainsFunc(got[i].Repos, func(r string) bool { return strings.HasPrefix(r, repo+" ") }) {
		t.Errorf("%s is not among %s's repos in the baseline's data", repo, team)
	}
}
