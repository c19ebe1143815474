package ui

import "testing"

// TestLiveRegion: a polite, atomic status region, hidden from view, that
// holds the text it is given.
func TestLiveRegion(t *testing.T) {
	for _, say := range []string{"", "3 teams match deploy", "Copied #govuk-developers"} {
		s := byID(t, render(t, &LiveRegion{Text: say}), statusID)
		if got := attr(s, "role") + " " + attr(s, "aria-live") + " " + attr(s, "aria-atomic"); got != "status polite true" {
			t.Errorf("role, aria-live, aria-atomic = %q", got)
		}
		if !hasClass(s, "govuk-visually-hidden") {
			t.Error("the live region is visible")
		}
		if got := text(s); got != say {
			t.Errorf("the live region says %q, want %q", got, say)
		}
	}
}
