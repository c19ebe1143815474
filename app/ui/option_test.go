package ui

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/view"
)

// TestOption: an option says where to ask (the channel, else the email,
// else the team's name) and which team, and whether it is highlighted.
func TestOption(t *testing.T) {
	tests := []struct {
		name       string
		contact    directory.Contact
		active     bool
		wantText   string
		wantClass  string
		wantSelect string
	}{
		{"channel", directory.Contact{Name: "Platform", Channel: "#govuk-platform"}, false, "#govuk-platform Platform", "option", "false"},
		{"active", directory.Contact{Name: "Platform", Channel: "#govuk-platform"}, true, "#govuk-platform Platform", "option option--active", "true"},
		{"email only", directory.Contact{Name: "Security", Email: "sec@example.gov.uk"}, false, "sec@example.gov.uk Security", "option", "false"},
		{"name only", directory.Contact{Name: "Your tech lead"}, false, "Your tech lead Your tech lead", "option", "false"},
		{"markup in the data", directory.Contact{Name: "<b>x</b>", Channel: "#x"}, false, "#x <b>x</b>", "option", "false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, toUI(view.Option(nil, search.Result{Contact: &tt.contact}, 3, 7, tt.active), nil))
			li := byID(t, doc, "result-3")
			if attr(li, "role") != "option" {
				t.Errorf("role = %q", attr(li, "role"))
			}
			if got := text(byClass(li, "option__channel")[0]) + " " + text(byClass(li, "option__team")[0]); got != tt.wantText {
				t.Errorf("text = %q, want %q", got, tt.wantText)
			}
			if got := attr(li, "class"); got != tt.wantClass {
				t.Errorf("class = %q, want %q", got, tt.wantClass)
			}
			if got := attr(li, "aria-posinset") + " of " + attr(li, "aria-setsize"); got != "4 of 7" {
				t.Errorf("position in the set %q, want 4 of 7", got)
			}
			if got := attr(li, "aria-selected"); got != tt.wantSelect {
				t.Errorf("aria-selected = %q, want %q", got, tt.wantSelect)
			}
			if len(byTag(doc, "b")) != 0 {
				t.Error("the data was rendered as markup")
			}
		})
	}
}
