package ui

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestHeader: the header links to the manual page, and shows the Install
// button only while the browser offers to install the app.
func TestHeader(t *testing.T) {
	for _, installable := range []bool{false, true} {
		doc := render(t, &Header{Dir: directory.Seed, installable: installable})
		links := byClass(doc, "govuk-header__link")
		if len(links) != 1 || attr(links[0], "href") != directory.Seed.PageURL || text(byClass(links[0], "govuk-header__product")[0]) != "Developer manual" {
			t.Errorf("installable=%v: header links %v", installable, links)
		}
		buttons := byClass(doc, "govuk-header__install")
		if (len(buttons) == 1) != installable || len(buttons) > 1 {
			t.Errorf("installable=%v: %d Install buttons", installable, len(buttons))
		}
		if installable && (text(buttons[0]) != "Install" || attr(buttons[0], "type") != "button") {
			t.Errorf("the Install button is %q, type %q", text(buttons[0]), attr(buttons[0], "type"))
		}
	}
}
