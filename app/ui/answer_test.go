package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"golang.org/x/net/html"
)

// TestAnswer: with nothing typed, only the empty listbox; with no match, a
// pointer to the escalation order; with matches, the card of the selected
// one (the first until another is active) and one option per match, best
// first.
func TestAnswer(t *testing.T) {
	deploy := results(t, "deploy")
	if len(deploy) < 2 {
		t.Fatalf("%q has %d results; the test needs two", "deploy", len(deploy))
	}
	tests := []struct {
		name        string
		answer      Answer
		wantOptions int
		wantCard    string // the card's title; "" for no card
		wantText    string
	}{
		{"nothing typed", Answer{Query: "  ", Active: -1}, 0, "", ""},
		{"no match", Answer{Query: "zzqx", Active: -1}, 0, "", "No team matches “zzqx”"},
		{"none active", Answer{Query: "deploy", Results: deploy, Active: -1}, len(deploy), "Ask in " + deploy[0].Contact.Channel, "Recommended"},
		{"second active", Answer{Query: "deploy", Results: deploy, Active: 1}, len(deploy), "Ask in " + deploy[1].Contact.Channel, "Selected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.answer.Dir = directory.Seed
			doc := render(t, &tt.answer)
			list := byID(t, doc, listboxID)
			if attr(list, "role") != "listbox" || attr(list, "aria-label")+attr(list, "aria-labelledby") == "" {
				t.Errorf("the results are not a labelled listbox: role %q", attr(list, "role"))
			}
			opts := all(list, func(e *html.Node) bool { return attr(e, "role") == "option" })
			if len(opts) != tt.wantOptions {
				t.Fatalf("%d options, want %d", len(opts), tt.wantOptions)
			}
			for i, o := range opts {
				if id := attr(o, "id"); id != optionID+strconv.Itoa(i) {
					t.Errorf("option %d has id %q", i, id)
				}
				if ch := tt.answer.Results[i].Contact.Channel; !strings.Contains(text(o), ch) {
					t.Errorf("option %d says %q, want %s (best first)", i, text(o), ch)
				}
			}
			cards := byClass(doc, "card__title")
			if tt.wantCard == "" {
				if len(cards) != 0 {
					t.Errorf("a card with nothing to show: %q", text(cards[0]))
				}
			} else if len(cards) != 1 || text(cards[0]) != tt.wantCard {
				t.Errorf("card titles %v, want one: %q", cards, tt.wantCard)
			}
			if !strings.Contains(text(doc), tt.wantText) {
				t.Errorf("the answer says %q, want %q in it", text(doc), tt.wantText)
			}
		})
	}
}
