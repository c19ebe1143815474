package view

import (
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestDataAge: the page says which docs the data is from, and, past
// StaleAfterDays, that teams may have changed, with a link to the live
// page. (How old the data is, by the clock, is app/ui's TestDataAgeDays.)
func TestDataAge(t *testing.T) {
	d := &directory.Directory{Title: "Ask for help", PageURL: "https://example.gov.uk/ask.html",
		Source: directory.Source{Commit: "abc", Date: "2026-08-21"}}
	tests := []struct {
		name  string
		days  int
		want  string // in the HTML
		stale bool
	}{
		{"the day it was made", 0, `>Team data from the developer docs of 21 August 2026.</p>`, false},
		{"a month on", StaleAfterDays, "21 August 2026.", false},
		{"a day past a month", StaleAfterDays + 1, "21 August 2026, 31 days ago: teams may have changed since.", true},
		{"a year on", 365, `365 days ago`, true},
		{"a clock behind the data", -400, "21 August 2026.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DataAge(d, "21 August 2026", tt.days).HTML()
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %s, want it to contain %s", got, tt.want)
			}
			link := `href="` + d.PageURL + `">Ask for help page</a>`
			if stale := strings.Contains(got, "data-age--stale") && strings.Contains(got, link); stale != tt.stale {
				t.Errorf("stale with a link to the live page: %v, want %v: %s", stale, tt.stale, got)
			}
		})
	}
	if n := DataAge(d, "", 400); n != nil {
		t.Errorf("data without a date: %s, want nothing", n.HTML())
	}
}
