package view

import (
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
)

// MaxResults is how many teams a query lists.
const MaxResults = 8

// Answer is the answer to a query: the card of the selected team (the
// first, recommended one, until an option is active) and the listbox of
// every team that matches; when nothing matches, a pointer to the
// escalation order. With nothing typed it is only the empty listbox, so
// that the search box's aria-controls always names an element. active is
// the highlighted option's index, -1 for none; copied is what the card
// says after its Copy button was pressed.
func Answer(d *directory.Directory, query string, results []search.Result, active int, copied string) *Node {
	q := strings.TrimSpace(query)
	if q == "" {
		return emptyListbox()
	}
	if len(results) == 0 {
		return El("div", "class", "answer answer--none").Add(
			emptyListbox(),
			El("h2", "class", "govuk-heading-m").Say("No team matches “"+q+"”"),
			El("p", "class", "govuk-body").Add(
				Text("Try other words, or "),
				El("a", "class", "govuk-link", "href", "#escalation").Say("ask in the escalation order below"),
				Text(", starting with your tech lead."),
			),
		)
	}
	sel := max(active, 0)
	list := El("ul", "id", ListboxID, "class", "results", "role", "listbox", "aria-labelledby", ListboxID+"-title")
	for i, r := range results {
		list.Add(Option(d, r, i, len(results), i == active))
	}
	return El("div", "class", "answer").Add(
		Card(d, results[sel], sel, copied),
		El("h2", "class", "govuk-heading-s results__title", "id", ListboxID+"-title").Say("Teams that match"),
		list,
	)
}

// emptyListbox is the listbox with no options.
func emptyListbox() *Node {
	return El("ul", "id", ListboxID, "role", "listbox", "aria-label", "Matching teams", "class", "results results--empty")
}
