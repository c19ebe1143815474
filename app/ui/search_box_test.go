package ui

import "testing"

// TestSearchBox: the input is a labelled combobox that controls the
// listbox, says whether it is expanded and which option is active, and
// holds the query. (A query with quotes in it is issue 10's: go-app quotes
// attribute values the Go way, not HTML's.)
func TestSearchBox(t *testing.T) {
	tests := []struct {
		name         string
		box          SearchBox
		wantExpanded string
		wantActive   string // "" for no aria-activedescendant
	}{
		{"empty", SearchBox{Active: -1}, "false", ""},
		{"results, none active", SearchBox{Query: "database migration", Expanded: true, Active: -1}, "true", ""},
		{"third option active", SearchBox{Query: "deploy", Expanded: true, Active: 2}, "true", "result-2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, &tt.box)
			in := byID(t, doc, inputID)
			for key, want := range map[string]string{
				"role": "combobox", "name": "q", "aria-controls": listboxID, "aria-autocomplete": "list",
				"aria-expanded": tt.wantExpanded, "aria-describedby": inputID + "-hint " + inputID + "-usage", "autocomplete": "off",
			} {
				if got := attr(in, key); got != want {
					t.Errorf("%s = %q, want %q", key, got, want)
				}
			}
			if got := attr(in, "value"); got != tt.box.Query {
				t.Errorf("value = %q, want %q", got, tt.box.Query)
			}
			if got, has := attr(in, "aria-activedescendant"), hasAttr(in, "aria-activedescendant"); got != tt.wantActive || has != (tt.wantActive != "") {
				t.Errorf("aria-activedescendant = %q (present: %v), want %q", got, has, tt.wantActive)
			}
			labels := byTag(doc, "label")
			if len(labels) != 1 || attr(labels[0], "for") != inputID || text(labels[0]) == "" {
				t.Error("the search box has no visible label")
			}
			byID(t, doc, inputID+"-hint")
			if got := text(byID(t, doc, inputID+"-usage")); got != usage {
				t.Errorf("the usage hint says %q", got)
			}
		})
	}
}
