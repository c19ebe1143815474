package ui

import (
	"testing"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestDataAgeDays: the data's date as the page says it, and its age in
// whole days by the clock given; nothing for data without a date.
func TestDataAgeDays(t *testing.T) {
	d := &directory.Directory{Source: directory.Source{Commit: "abc", Date: "2026-08-21"}}
	day := func(n int) time.Time { return time.Date(2026, 8, 21, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	tests := []struct {
		name     string
		d        *directory.Directory
		now      time.Time
		wantDate string
		wantDays int
	}{
		{"the day it was made", d, day(0), "21 August 2026", 0},
		{"a month and a day on", d, day(31), "21 August 2026", 31},
		{"a clock behind the data", d, day(-400), "21 August 2026", -399}, // noon, 399.5 days before
		{"no date", &directory.Directory{}, day(0), "", 0},
		{"not a date", &directory.Directory{Source: directory.Source{Date: "August"}}, day(0), "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if date, days := dataAge(tt.d, tt.now); date != tt.wantDate || days != tt.wantDays {
				t.Errorf("got %q, %d days; want %q, %d", date, days, tt.wantDate, tt.wantDays)
			}
		})
	}
}
