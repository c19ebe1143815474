package ui

import "testing"

// TestUpdateNotice: the slot is always there (so that the notice does not
// shift the page when it appears); the notice and its Reload button only
// when an update is available.
func TestUpdateNotice(t *testing.T) {
	for _, available := range []bool{false, true} {
		doc := render(t, &UpdateNotice{available: available})
		if len(byClass(doc, "notice-slot")) != 1 {
			t.Errorf("available=%v: no notice slot", available)
		}
		notices := byClass(doc, "notice")
		buttons := byClass(doc, "notice__reload")
		if (len(notices) == 1 && len(buttons) == 1) != available || len(notices) > 1 {
			t.Errorf("available=%v: %d notices, %d Reload buttons", available, len(notices), len(buttons))
		}
		if available && attr(notices[0], "role") != "status" {
			t.Error("the notice is not announced")
		}
	}
}
