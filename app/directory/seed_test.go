package directory_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/manual"
)

// TestSeedIsFresh fails when seed_gen.go is not what `make data` makes of
// the page beside it: the embedded data must never drift from the page.
func TestSeedIsFresh(t *testing.T) {
	src, err := os.ReadFile("ask-for-help.html.md")
	if err != nil {
		t.Fatal(err)
	}
	d, err := manual.ParseURL("ask-for-help.html.md", directory.ManualURL+"ask-for-help.html", src)
	if err != nil {
		t.Fatal(err)
	}
	want, err := directory.GoSource(d, "ask-for-help.html.md")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("seed_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("app/directory/seed_gen.go is stale: run `make data` to regenerate it from ask-for-help.html.md")
	}
}

// TestSeedContacts: the embedded data holds what the widget promises.
func TestSeedContacts(t *testing.T) {
	tests := []struct{ channel, name string }{
		{"#govuk-tech-leads", "GOV.UK tech leads"},
		{"@govuk-senior-tech-people", "Senior tech team"},
		{"#govuk-2ndline-tech", "GOV.UK 2nd Line Tech Support team"},
		{"#govuk-developers", "GOV.UK developer community"},
		{"#govuk-platform-security-reliability-team", "GOV.UK Platform Security and Reliability team"},
		{"#govuk-platform-engineering", "GOV.UK Platform Engineering team"},
	}
	for _, tt := range tests {
		found := false
		for _, c := range directory.Seed.Contacts {
			if c.Channel == tt.channel && c.Name == tt.name {
				found = true
			}
		}
		if !found {
			t.Errorf("no contact %q with channel %s", tt.name, tt.channel)
		}
	}
	if n := len(directory.Seed.Escalation); n != 3 {
		t.Errorf("%d escalation steps, want 3", n)
	}
}
